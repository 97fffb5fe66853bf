import type { FlipPrompt } from '../model.js';
import { fill, type StepView, type ViewModel } from '../view/view-model.js';
import { spansHtml } from './blocks.js';
import { htmlDocument, type WebLabels } from './document.js';
import { escapeHtml } from './escape.js';
import { trusted } from './markup.js';
import { SCREEN_SCRIPT } from './screen-script.js';

/**
 * The screen edition (`<slug>/skaerm.html`) for the meeting room's projector: an overview, then
 * per step a view with its prompts or questions and a view per flip-chart prompt, with a
 * countdown the facilitator drives. Pure: view model in, HTML out; every value is escaped.
 */
export function screenPage(view: ViewModel): string {
  const { topic, labels } = view;
  const screen = labels.web.screen;
  const views = [overviewView(view, screen.overview), ...topic.steps.flatMap((step) => stepViews(view, step, screen))];
  const numbered = views.map((html, index) =>
    html.replace('<section class="view', `<section data-view="${index}"${index === 0 ? '' : ' hidden'} class="view`),
  );
  const button = (id: string, text: string, key: string, extra = '') =>
    `<button type="button" id="${id}" aria-keyshortcuts="${key}"${extra}>${escapeHtml(text)}</button>`;
  const body = [
    `<main id="stage">`,
    ...numbered,
    '</main>',
    `<footer class="bar" aria-label="${escapeHtml(screen.controls)}">`,
    `<div class="timer" id="timer" hidden><span class="visually-hidden">${escapeHtml(screen.timer)}: </span><span id="time" role="timer">00:00</span><div class="progress" aria-hidden="true"><div id="progress"></div></div></div>`,
    `<p id="status" class="status" role="status"></p>`,
    '<div class="buttons">',
    button('previous', screen.previous, 'ArrowLeft'),
    button('toggle', screen.start, 'Space'),
    button('reset', screen.reset, 'R'),
    button('next', screen.next, 'ArrowRight'),
    button('sound', screen.sound, '', ' aria-pressed="false"'),
    button('full', screen.fullScreen, 'F'),
    '</div>',
    `<p class="keys">${escapeHtml(screen.keys)}</p>`,
    '</footer>',
    // The script's words, as JSON that cannot end its <script> element early.
    `<script type="application/json" id="screen-labels">${JSON.stringify({ start: screen.start, pause: screen.pause, timeUp: screen.timeUp }).replace(/</g, '\\u003c')}</script>`,
  ];
  return htmlDocument({
    lang: topic.language,
    title: `${topic.title} – ${screen.title}`,
    // Until this file is built with `html` too (its own work), its values are escaped by hand.
    css: trusted(CSS),
    body: trusted(body.join('\n')),
    script: trusted(SCREEN_SCRIPT),
    bodyClass: 'screen',
  });
}

// --- internal ---

function overviewView(view: ViewModel, title: string): string {
  const { topic, labels } = view;
  const minutes = labels.minutes;
  const rows = topic.steps.map(
    (step) =>
      `<li><span class="number">${step.number}</span><span class="title">${escapeHtml(step.title)}</span><span class="minutes">${step.minutes} ${escapeHtml(minutes)}</span><span class="clock">${escapeHtml(when(step, minutes))}</span></li>`,
  );
  return [
    // Focusable: on a small screen the plan scrolls, and keyboard users must reach it.
    `<section class="view overview" aria-labelledby="view-overview" tabindex="0">`,
    topic.series ? `<p class="kicker">${escapeHtml(topic.series)}</p>` : '',
    `<h1 id="view-overview">${escapeHtml(topic.title)}</h1>`,
    `<h2>${escapeHtml(title)} · ${topic.totalMinutes} ${escapeHtml(minutes)}</h2>`,
    `<ol class="plan">${rows.join('')}</ol>`,
    '</section>',
  ].join('\n');
}

/** The step's own view, then one per flip-chart prompt, all sharing the step's clock. */
function stepViews(view: ViewModel, step: StepView, screen: WebLabels['screen']): string[] {
  const content =
    step.questions.length > 0 ? step.questions.map((q) => spansHtml(q.spans).text) : step.flipPrompts.map((p) => spansHtml(p.spans).text);
  const own = stepView(
    view,
    step,
    `step-${step.number}`,
    content.length > 0 ? `<ul class="fit-text items">${content.map((c) => `<li>${c}</li>`).join('')}</ul>` : '',
    'step',
  );
  const prompts = step.flipPrompts.map((prompt, index) =>
    stepView(
      view,
      step,
      `step-${step.number}-prompt-${index + 1}`,
      promptHtml(prompt),
      'prompt',
      fill(screen.prompt, { n: index + 1, total: step.flipPrompts.length }),
    ),
  );
  return [own, ...prompts];
}

function stepView(view: ViewModel, step: StepView, id: string, content: string, kind: 'step' | 'prompt', counter?: string): string {
  const minutes = view.labels.minutes;
  return [
    `<section class="view ${kind}" data-step="${step.number}" data-minutes="${step.minutes}" aria-labelledby="${id}">`,
    `<header class="step-head"><h1 id="${id}"><span class="badge">${escapeHtml(view.labels.step)} ${step.number}</span> <span class="step-title">${escapeHtml(step.title)}</span></h1>`,
    `<p class="when">${counter ? `<span class="counter">${escapeHtml(counter)}</span> · ` : ''}${step.minutes} ${escapeHtml(minutes)} · ${escapeHtml(when(step, minutes))}</p></header>`,
    `<div class="fit">${content}</div>`,
    '</section>',
  ].join('\n');
}

function promptHtml(prompt: FlipPrompt): string {
  const details =
    prompt.details.length > 0 ? `<ul class="details">${prompt.details.map((d) => `<li>${spansHtml(d).text}</li>`).join('')}</ul>` : '';
  return `<div class="fit-text prompt-text"><p>${spansHtml(prompt.spans).text}</p>${details}</div>`;
}

/** Clock times when a start time is known, else minutes from the start. */
function when(step: StepView, minutes: string): string {
  return step.clockFrom ? `${step.clockFrom}–${step.clockTo}` : `${step.from}–${step.to} ${minutes}`;
}

/** 16:9 first: every size follows the viewport, so the back row reads what the front row reads. */
const CSS = `
:root { --ink: #14202a; --muted: #4a5660; --accent: #1f5c73; --accent-dark: #15414f; --tint: #eef4f6; --rule: #c9d6dc; --focus: #d97a00; --done: #8a3b00; }
* { box-sizing: border-box; }
html, body { height: 100%; }
body { margin: 0; font-family: "Atkinson Hyperlegible", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; display: flex; flex-direction: column; overflow: hidden; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 3px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
main { flex: 1; min-height: 0; display: flex; }
.view { flex: 1; min-width: 0; display: flex; flex-direction: column; padding: 4vh 5vw 2vh; }
.view[hidden] { display: none; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-weight: 700; color: var(--accent); font-size: clamp(.9rem, 1.8vh, 1.6rem); margin: 0 0 1vh; }
.overview h1 { font-size: clamp(1.8rem, 6vh, 4.5rem); line-height: 1.1; margin: 0 0 2vh; }
.overview h2 { font-size: clamp(1.1rem, 3vh, 2.2rem); color: var(--muted); font-weight: 400; margin: 0 0 2vh; }
.overview { overflow: auto; }
.plan { list-style: none; margin: 0; padding: 0; font-size: clamp(1rem, 3.4vh, 2.6rem); }
.plan li { display: grid; grid-template-columns: 2.2em 1fr auto auto; gap: 0 1.2em; align-items: baseline; padding: .45em 0; border-bottom: 1px solid var(--rule); }
.plan .number { display: inline-block; width: 1.6em; height: 1.6em; line-height: 1.6em; text-align: center; border-radius: 50%; background: var(--accent); color: #fff; font-weight: 700; font-size: .8em; }
.plan .title { font-weight: 700; }
.plan .minutes, .plan .clock { color: var(--muted); font-variant-numeric: tabular-nums; text-align: right; }
.step-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: .5vh 2vw; border-bottom: .5vh solid var(--accent); padding-bottom: 1.5vh; margin-bottom: 3vh; }
.step-head h1 { font-size: clamp(1.4rem, 5vh, 3.8rem); line-height: 1.15; margin: 0; color: var(--accent); }
.badge { display: inline-block; background: var(--accent); color: #fff; border-radius: .3em; padding: .05em .45em; font-size: .75em; vertical-align: .1em; }
.when { margin: 0; color: var(--muted); font-size: clamp(1rem, 3vh, 2.3rem); font-variant-numeric: tabular-nums; }
.prompt .step-head h1 { font-size: clamp(1.1rem, 3.4vh, 2.6rem); }
.fit { flex: 1; min-height: 0; overflow: hidden; display: flex; align-items: center; }
.fit-text { font-size: clamp(1.2rem, 6vh, 5rem); line-height: 1.25; margin: 0; width: 100%; }
.items { padding-left: 1.2em; }
.items li { margin: 0 0 .45em; }
.items li::marker { color: var(--accent); }
.prompt-text p { font-weight: 700; margin: 0; }
.prompt-text .details { font-size: .55em; color: var(--muted); margin: .6em 0 0; padding-left: 1.2em; }
a { color: var(--accent); }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 1vh 2vw; padding: 1.2vh 5vw 1.5vh; background: var(--tint); border-top: 1px solid var(--rule); font-size: clamp(.9rem, 2vh, 1.5rem); }
.timer { display: flex; align-items: center; gap: 1.5vw; }
.timer[hidden] { display: none; }
#time { font-size: clamp(2rem, 7vh, 6rem); font-weight: 700; font-variant-numeric: tabular-nums; line-height: 1; color: var(--accent-dark); }
.progress { width: 14vw; height: 1.2vh; min-height: 6px; background: #fff; border: 1px solid var(--rule); border-radius: 99px; overflow: hidden; }
#progress { height: 100%; width: 0; background: var(--accent); }
.status { flex: 1 1 8em; margin: 0; font-weight: 700; color: var(--done); }
.buttons { display: flex; flex-wrap: wrap; gap: .8vw; }
.bar button { font: inherit; font-weight: 700; padding: .5em 1em; border-radius: .4em; border: 2px solid var(--accent); background: #fff; color: var(--accent-dark); cursor: pointer; }
.bar button#toggle { background: var(--accent); color: #fff; min-width: 6em; }
.bar button[aria-pressed="true"] { background: var(--accent-dark); color: #fff; }
.keys { flex-basis: 100%; margin: 0; color: var(--muted); font-size: .8em; }
body.time-up #time { color: var(--done); }
body.time-up .bar { animation: pulse 1.6s ease-in-out 3; }
@keyframes pulse { 50% { background: #fbe3c8; } }
@media (prefers-reduced-motion: reduce) { body.time-up .bar { animation: none; background: #fbe3c8; } }
@media (max-aspect-ratio: 1/1) { .plan li { grid-template-columns: 2.2em 1fr auto; } .plan .clock { display: none; } }
@media print { body { overflow: visible; display: block; } .bar { display: none; } .view[hidden] { display: flex; } .view { break-after: page; height: 100vh; } }
`;
