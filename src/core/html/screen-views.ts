import type { FlipPrompt } from '../model.js';
import { fill } from '../settings/labels.js';
import type { StepView, ViewModel } from '../view/view-types.js';
import { blocksHtml, spansHtml } from './blocks.js';
import { html, joinHtml, type Markup } from './markup.js';

/**
 * The screen edition's views, one `<section>` each: the overview, then per step its own view,
 * the case where the step presents it, and a view per flip-chart prompt; and the results form.
 * Every value is escaped by `html`; the Markdown's own HTML comes from blocks.ts, escaped there.
 */
export function screenViews(view: ViewModel): Markup[] {
  const { topic } = view;
  return [overviewView(view), ...topic.steps.flatMap((step, index) => stepViews(view, step, index))];
}

/** The results form: the agreement first, then the ideas with their dots (rows made by the script). */
export function resultsView(view: ViewModel): Markup {
  const words = view.labels.web.results;
  const field = (id: string, label: string, control: Markup) =>
    html`<div class="field"><label for="${id}">${label}</label>${control}</div>`;
  return html`<section class="view results" id="results" hidden aria-labelledby="results-title" tabindex="-1">
<h1 id="results-title">${words.title} <span class="results-topic">· ${topic(view)}</span></h1>
<p class="kept" id="results-kept"></p>
<form id="results-form" autocomplete="off" novalidate>
<fieldset class="agreement"><legend>${words.agreement}</legend>
${field('result-what', words.what, html`<textarea id="result-what" name="what" rows="2"></textarea>`)}
${field('result-who', words.who, html`<input id="result-who" name="who" type="text">`)}
${field('result-when', words.when, html`<input id="result-when" name="when" type="text">`)}
${field('result-follow-up', words.followUp, html`<input id="result-follow-up" name="followUp" type="date">`)}
</fieldset>
<fieldset class="ideas"><legend>${words.ideas}</legend>
<p class="idea-head" aria-hidden="true"><span>${words.idea}</span><span>${words.dots}</span></p>
<ol id="idea-rows" class="idea-rows"></ol>
<button type="button" id="add-idea">${words.addIdea}</button>
</fieldset>
<div class="results-actions">
<button type="button" id="download" class="primary">${words.download}</button>
<button type="button" id="print">${words.print}</button>
<button type="button" id="clear">${words.clear}</button>
<button type="button" id="back">${words.back}</button>
</div>
<p id="results-status" class="results-status" role="status"></p>
</form>
<template id="idea-row"><li class="idea-row"><label class="field idea"><span class="visually-hidden">${words.idea}</span><input type="text" name="idea"></label><label class="field dots"><span class="visually-hidden">${words.dots}</span><input type="number" name="dots" min="0" step="1" inputmode="numeric"></label><button type="button" class="remove">×</button></li></template>
<div class="print-referat" id="print-referat"></div>
</section>`;
}

// --- internal ---

function topic(view: ViewModel): string {
  return view.topic.title;
}

function overviewView(view: ViewModel): Markup {
  const { topic, labels } = view;
  const screen = labels.web.screen;
  const rows = topic.steps.map(
    (step) =>
      html`<li><span class="number">${step.number}</span><span class="title">${step.title}</span><span class="minutes">${step.minutes}\u00a0${labels.minutes}</span><span class="clock">${when(step, labels.minutes)}</span></li>`,
  );
  // Focusable: on a small screen the plan scrolls, and keyboard users must reach it.
  return html`<section class="view overview" aria-labelledby="view-overview" tabindex="0">
${topic.series ? html`<p class="kicker">${topic.series}</p>` : ''}
<h1 id="view-overview">${topic.title}</h1>
<h2>${screen.overview} · ${topic.totalMinutes}\u00a0${labels.minutes}</h2>
<ol class="plan">${rows}</ol>
${nextStep(view, 0)}
</section>`;
}

/** The step's own view, the case if the step presents it, then one per flip-chart prompt; all share the step's clock. */
function stepViews(view: ViewModel, step: StepView, index: number): Markup[] {
  const screen = view.labels.web.screen;
  const items = step.questions.length > 0 ? step.questions.map((q) => spansHtml(q.spans)) : step.flipPrompts.map((p) => spansHtml(p.spans));
  const own = stepView(
    view,
    step,
    index,
    `step-${step.number}`,
    items.length > 0 ? html`<ul class="fit-text items">${items.map((item) => html`<li>${item}</li>`)}</ul>` : '',
    'step',
  );
  const caseText = view.topic.caseText;
  const presentsCase = caseText && index === view.topic.mediaStep;
  const caseView = presentsCase
    ? [
        stepView(
          view,
          step,
          index,
          `step-${step.number}-case`,
          html`<div class="fit-text case-text">${blocksHtml(caseText, view.labels.tip)}</div>`,
          'case',
          view.labels.caseTitle,
        ),
      ]
    : [];
  const prompts = step.flipPrompts.map((prompt, p) =>
    stepView(
      view,
      step,
      index,
      `step-${step.number}-prompt-${p + 1}`,
      promptHtml(prompt),
      'prompt',
      fill(screen.prompt, { n: p + 1, total: step.flipPrompts.length }),
    ),
  );
  return [own, ...caseView, ...prompts];
}

function stepView(
  view: ViewModel,
  step: StepView,
  index: number,
  id: string,
  content: Markup | string,
  kind: 'step' | 'prompt' | 'case',
  counter?: string,
): Markup {
  const minutes = view.labels.minutes;
  const details = joinHtml([counter, `${step.minutes}\u00a0${minutes}`, when(step, minutes)], ' · ');
  return html`<section class="view ${kind}" data-step="${step.number}" data-minutes="${step.minutes}" data-planned-end="${step.to}" aria-labelledby="${id}">
<header class="step-head"><h1 id="${id}"><span class="badge">${view.labels.step} ${step.number}</span> <span class="step-title">${step.title}</span></h1>
<p class="when">${details}</p></header>
<div class="fit">${content}</div>
${nextStep(view, index + 1)}
</section>`;
}

/** The title of the step after the one shown, small in a corner; nothing after the last. */
function nextStep(view: ViewModel, index: number): Markup | '' {
  const next = view.topic.steps[index];
  if (!next) return '';
  return html`<p class="next-step">${fill(view.labels.web.screen.nextStep, { title: `${view.labels.step} ${next.number}: ${next.title}` })}</p>`;
}

function promptHtml(prompt: FlipPrompt): Markup {
  const details =
    prompt.details.length > 0 ? html`<ul class="details">${prompt.details.map((d) => html`<li>${spansHtml(d)}</li>`)}</ul>` : '';
  return html`<div class="fit-text prompt-text"><p>${spansHtml(prompt.spans)}</p>${details}</div>`;
}

/** Clock times when a start time is known, else minutes from the start. */
function when(step: StepView, minutes: string): string {
  return step.clockFrom ? `${step.clockFrom}–${step.clockTo}` : `${step.from}–${step.to}\u00a0${minutes}`;
}
