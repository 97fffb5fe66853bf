import { displayAddress } from '../pdf/inline.js';
import { fill } from '../settings/labels.js';
import { longDate } from '../view/view-model.js';
import type { ViewModel } from '../view/view-types.js';
import { blocksHtml, listHtml, spansHtml } from './blocks.js';
import { htmlDocument } from './document.js';
import { html, joinHtml, safeHref, trusted, type Markup } from './markup.js';

/**
 * The phone edition (`<slug>/index.html`): everything the handout holds, as an accessible page
 * made for a phone first. Pure: view model in, HTML out; built with `html`, so every value is
 * escaped, and the film's address goes through `safeHref`.
 */
export function phonePage(view: ViewModel): string {
  const { topic, options, labels } = view;
  const web = labels.web;
  const tip = labels.tip;
  const sections: Markup[] = [];
  if (topic.guidingQuestions.length > 0) sections.push(section('start', labels.startingPoint, listHtml(topic.guidingQuestions, tip)));
  if (topic.media?.url) sections.push(mediaSection(view, topic.media.url));
  // The case itself (`## Case`), as the handout prints it: participants read it before the dialogue.
  if (topic.caseText) sections.push(section('case', labels.caseTitle, blocksHtml(topic.caseText, tip), 'case'));
  const prompts = topic.steps.flatMap((s) => s.flipPrompts);
  if (prompts.length > 0) {
    const items = prompts.map(
      (p) =>
        html`<li><p class="question">${spansHtml(p.spans)}</p>${p.details.length > 0 && html`<ul>${p.details.map((d) => html`<li>${spansHtml(d)}</li>`)}</ul>`}</li>`,
    );
    sections.push(section('reflection', labels.reflection, html`<ol class="reflection">${items}</ol>`));
  }
  if (topic.legal) sections.push(section('legal', labels.legal, blocksHtml(topic.legal, tip), 'legal'));

  const tailored = [
    options.organisation && html`${labels.organisation}: <strong>${options.organisation}</strong>`,
    options.date && html`${labels.meetingDate}: <strong>${options.date}</strong>`,
  ];
  // The topic's date as a reader writes it ("27. oktober 2023"), never the front matter's ISO form.
  const credits = [topic.series, topic.publisher, topic.date && longDate(topic.date, topic.language === 'en' ? 'en' : 'da')];
  const body = joinHtml(
    [
      html`<a class="skip" href="#indhold">${web.skip}</a>`,
      html`<header class="top"><div class="wrap">`,
      topic.series && html`<p class="kicker">${topic.series}</p>`,
      html`<h1>${topic.title}</h1>`,
      html`<p class="subtitle">${labels.handout}</p>`,
      tailored.some(Boolean) && html`<p class="tailored">${joinHtml(tailored, html`<span class="sep"> · </span>`)}</p>`,
      topic.draft && html`<p class="draft">${labels.draft}</p>`,
      html`</div></header>`,
      html`<main id="indhold" class="wrap" tabindex="-1">`,
      ...sections,
      html`</main>`,
      html`<footer class="bottom"><div class="wrap"><p>${joinHtml(credits, ' · ')}</p></div></footer>`,
    ],
    '\n',
  );
  return htmlDocument({ lang: topic.language, title: `${topic.title} – ${labels.handout}`, css: CSS, body });
}

/** `{url}` filled in the phone QR code's alternative text. */
export function phoneQrAlt(view: ViewModel, url: string): string {
  return fill(view.labels.web.phoneQrAlt, { url: displayAddress(url) });
}

// --- internal ---

function section(id: string, title: string, body: Markup, className = ''): Markup {
  const head = className ? html`<section aria-labelledby="${id}" class="${className}">` : html`<section aria-labelledby="${id}">`;
  return html`${head}<h2 id="${id}">${title}</h2>\n${body}\n</section>`;
}

/** "Se filmen igen": the film as a link, or as text when its address is no http(s) address. */
function mediaSection(view: ViewModel, url: string): Markup {
  const { labels } = view;
  const media = view.topic.media!;
  const minutes = media.minutes ? html`<p class="meta">${media.label} · ${media.minutes}\u00a0${labels.minutesLong}</p>` : '';
  const inner = html`<span class="media-title">${media.title}</span><span class="address">${displayAddress(url)}</span>`;
  const href = safeHref(url);
  const link = href === undefined ? html`<p class="media-link">${inner}</p>` : html`<a class="media-link" href="${href}">${inner}</a>`;
  return section('media', labels.watchAgain[media.kind], html`${link}${minutes}`, 'media');
}

/** Phone first: one column, type that grows with the screen, nothing wider than the viewport. */
const CSS = trusted(`
:root { --ink: #1d252c; --muted: #4a5660; --accent: #1f5c73; --accent-dark: #15414f; --tint: #eef4f6; --tip: #fdf5e4; --rule: #c9d6dc; --focus: #d97a00; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 1.0625rem/1.6 "Atkinson Hyperlegible", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; overflow-wrap: break-word; }
a { color: var(--accent); text-underline-offset: .15em; overflow-wrap: anywhere; }
a:hover { color: var(--accent-dark); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
main:focus { outline: none; }
.wrap { max-width: 40rem; margin: 0 auto; padding: 0 1.125rem; }
.skip { position: absolute; left: -999px; top: .5rem; background: #fff; color: var(--accent); padding: .5rem 1rem; border-radius: 4px; z-index: 1; }
.skip:focus { left: .5rem; }
header.top { background: var(--accent); color: #fff; padding: 1.75rem 0 1.5rem; }
header.top .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .8rem; font-weight: 700; margin: 0 0 .4rem; }
h1 { font-size: clamp(1.6rem, 6vw, 2.3rem); line-height: 1.15; margin: 0; }
header.top .subtitle { margin: .5rem 0 0; font-size: 1.05rem; }
header.top .tailored { margin: .75rem 0 0; padding-top: .75rem; border-top: 1px solid rgba(255,255,255,.35); }
header.top .draft { display: inline-block; margin: .75rem 0 0; padding: .1rem .6rem; border: 2px solid #fff; font-weight: 700; letter-spacing: .1em; }
section { margin: 2rem 0; }
h2 { font-size: 1.35rem; line-height: 1.25; color: var(--accent); margin: 0 0 .75rem; padding-bottom: .35rem; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .4rem; }
h4, h5, h6 { font-size: 1rem; margin: 1.25rem 0 .3rem; }
p { margin: 0 0 .8rem; }
ul, ol { padding-left: 1.4rem; margin: 0 0 .8rem; }
li { margin: 0 0 .45rem; }
li::marker { color: var(--accent); font-weight: 700; }
.media .media-link { display: block; background: var(--tint); border-left: 4px solid var(--accent); border-radius: 4px; padding: .85rem 1rem; text-decoration: none; }
.media .media-title { display: block; font-weight: 700; font-size: 1.1rem; color: var(--ink); }
.media .address { display: block; text-decoration: underline; margin-top: .2rem; }
.media .meta { color: var(--muted); font-size: .95rem; margin-top: .5rem; }
ol.reflection { padding-left: 0; list-style: none; counter-reset: question; }
ol.reflection > li { counter-increment: question; position: relative; padding: .8rem 1rem .8rem 3rem; margin: 0 0 .75rem; background: var(--tint); border-radius: 6px; }
ol.reflection > li::before { content: counter(question); position: absolute; left: .9rem; top: .8rem; width: 1.6rem; height: 1.6rem; border-radius: 50%; background: var(--accent); color: #fff; font-weight: 700; font-size: .9rem; line-height: 1.6rem; text-align: center; }
ol.reflection .question { font-weight: 700; margin: 0; }
ol.reflection ul { margin: .4rem 0 0; color: var(--muted); }
.tip { background: var(--tip); border-radius: 6px; padding: .75rem 1rem; margin: 0 0 1rem; }
.tip-label { font-weight: 700; text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; margin: 0 0 .25rem; }
.tip > :last-child { margin-bottom: 0; }
blockquote { margin: 0 0 1rem; padding-left: 1rem; border-left: 3px solid var(--rule); color: var(--muted); }
footer.bottom { border-top: 1px solid var(--rule); color: var(--muted); font-size: .9rem; padding: 1.25rem 0 2.5rem; margin-top: 2.5rem; }
@media (min-width: 48rem) { body { font-size: 1.125rem; } header.top { padding: 3rem 0 2.25rem; } }
@media print {
  body { font-size: 11pt; }
  .skip { display: none; }
  header.top { background: none; color: var(--ink); padding: 0 0 .5rem; border-bottom: 2px solid var(--accent); }
  header.top .tailored { border-top-color: var(--rule); }
  section, ol.reflection > li { break-inside: avoid-page; }
  h2 { break-after: avoid; }
  ol.reflection > li { background: none; border: 1px solid var(--rule); }
  a[href^="http"]::after, a[href^="mailto"]::after { content: " (" attr(href) ")"; font-size: .85em; color: var(--muted); }
  .media a::after { content: none; }
}
`);
