import { fontFaceCss } from '../fonts/web-font.js';
import type { FontFaces } from '../pdf/typeset.js';
import type { ViewModel } from '../view/view-types.js';
import { htmlDocument } from './document.js';
import { html, trusted, type Markup } from './markup.js';
import { RESULTS_SCRIPT } from './screen-results-script.js';
import { SCREEN_SCRIPT } from './screen-script.js';
import { SCREEN_CSS } from './screen-style.js';
import { resultsView, screenViews } from './screen-views.js';

/** The family name the page's style sheet asks for; the embedded faces carry it. */
const FAMILY = 'Atkinson Hyperlegible';

/**
 * The screen edition (`<slug>/skaerm.html`) for the meeting room's projector: an overview, then
 * per step a view with its prompts or questions (and the case, in the step that presents it) and
 * a view per flip-chart prompt, with a clock the facilitator drives, and a results form whose
 * contents become the session's minutes. One file that works from disk: styles, the print font
 * (cut down to the page's characters, `fonts`) and the scripts inline. Pure: view model in, HTML out.
 */
export function screenPage(view: ViewModel, fonts?: FontFaces): string {
  const { topic, labels } = view;
  const screen = labels.web.screen;
  const numbered = screenViews(view).map((section, index) =>
    trusted(section.text.replace('<section class="view', `<section data-view="${index}"${index === 0 ? '' : ' hidden'} class="view`)),
  );
  const body = html`<div class="blank-screen" id="blank" hidden></div>
<p class="visually-hidden" id="blank-note" role="status"></p>
<main id="stage">
${numbered}
${resultsView(view)}
</main>
<footer class="bar" aria-label="${screen.controls}">
<div class="timer" id="timer" hidden><span id="clock" role="timer"><span class="visually-hidden" id="time-label">${screen.timer}: </span><span id="time">00:00</span><span class="visually-hidden" id="overtime"></span></span><div class="progress" aria-hidden="true"><div id="progress"></div></div></div>
<p id="status" class="status" role="status"></p>
<p id="pace" class="pace" hidden><span class="visually-hidden">${screen.pace}: </span><span id="pace-text"></span></p>
<div class="controls" id="controls">
<div class="buttons">
${button('previous', screen.previous, 'ArrowLeft PageUp')}
${button('toggle', screen.start, 'Space')}
${button('reset', screen.reset, 'R')}
${button('less', '−1 min', '-', screen.takeMinute)}
${button('more', '+1 min', '+', screen.addMinute)}
${button('next', screen.next, 'ArrowRight PageDown')}
${button('show-results', screen.results, 'V')}
${button('blank-button', screen.blank, 'B')}
${html`<button type="button" id="sound" aria-pressed="false">${screen.sound}</button>`}
${button('full', screen.fullScreen, 'F')}
</div>
<p class="keys">${screen.keys}</p>
</div>
</footer>
${jsonScript('screen-data', screenData(view))}`;
  const italic = /<em>/.test(body.text);
  const css = fonts ? `${fontFaceCss(FAMILY, fonts, visibleText(body.text), italic)}\n${SCREEN_CSS}` : SCREEN_CSS;
  return htmlDocument({
    lang: topic.language,
    title: `${topic.title} – ${screen.title}`,
    // Dialogkit's own style sheet and embedded font faces.
    css: trusted(css),
    body,
    // One function: the clock part uses the results part's `resultsPanel`.
    script: trusted(`(function () {\n'use strict';\n${RESULTS_SCRIPT}\n${SCREEN_SCRIPT}\n})();\n`),
    bodyClass: 'screen',
  });
}

// --- internal ---

function button(id: string, text: string, keys: string, label?: string): Markup {
  return html`<button type="button" id="${id}" aria-keyshortcuts="${keys}"${label ? html` aria-label="${label}"` : ''}>${text}</button>`;
}

/** What the scripts need to know: their words, the session's start, the topic for the minutes' names. */
function screenData(view: ViewModel): object {
  const { topic, labels, options } = view;
  const screen = labels.web.screen;
  const start = options.start ? /^(\d{1,2})[:.](\d{2})$/.exec(options.start) : null;
  return {
    start: start ? Number(start[1]) * 60 + Number(start[2]) : null,
    words: {
      start: screen.start,
      pause: screen.pause,
      timeUp: screen.timeUp,
      overtime: screen.overtime,
      timer: `${screen.timer}: `,
      paceOnTime: screen.paceOnTime,
      paceAhead: screen.paceAhead,
      paceBehind: screen.paceBehind,
      blankNote: screen.blankNote,
    },
    results: labels.web.results,
    topic: { slug: topic.slug, title: topic.title, series: topic.series, language: topic.language, publisher: topic.publisher },
  };
}

/** Data for the scripts, as JSON that cannot end its `<script>` element early. */
function jsonScript(id: string, data: object): Markup {
  return trusted(`<script type="application/json" id="${id}">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`);
}

/** The characters a reader may see: the markup's text and the scripts' words (entities read back). */
function visibleText(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);
}
