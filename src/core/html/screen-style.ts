/**
 * The screen edition's style sheet. 16:9 first: every size follows the viewport, so the back row
 * reads what the front row reads. The clock bar is slim and stays; the controls float above it
 * and fade when nobody touches mouse or keys (presenter mode), so the room sees the content.
 * Text that does not fit at its smallest readable size scrolls; it is never cut.
 */
export const SCREEN_CSS = `
:root { --ink: #14202a; --muted: #4a5660; --accent: #1f5c73; --accent-dark: #15414f; --tint: #eef4f6; --rule: #c9d6dc; --focus: #d97a00; --done: #8a3b00; --over: #a3001b; --over-tint: #fde7ea; }
* { box-sizing: border-box; }
html, body { height: 100%; }
body { margin: 0; font-family: "Atkinson Hyperlegible", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; display: flex; flex-direction: column; overflow: hidden; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 3px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
main { flex: 1; min-height: 0; display: flex; }
.view { position: relative; flex: 1; min-width: 0; display: flex; flex-direction: column; padding: 4vh 5vw 2vh; }
.view[hidden] { display: none; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-weight: 700; color: var(--accent); font-size: clamp(.9rem, 1.8vh, 1.6rem); margin: 0 0 1vh; }
.overview h1 { font-size: clamp(1.8rem, 6vh, 4.5rem); line-height: 1.1; margin: 0 0 2vh; }
.overview h2 { font-size: clamp(1.1rem, 3vh, 2.2rem); color: var(--muted); font-weight: 400; margin: 0 0 2vh; }
.overview { overflow: auto; }
.plan { list-style: none; margin: 0; padding: 0; font-size: clamp(1rem, 3.4vh, 2.6rem); }
.plan li { display: grid; grid-template-columns: 2.2em 1fr auto auto; gap: 0 1.2em; align-items: baseline; padding: .45em 0; border-bottom: 1px solid var(--rule); }
.plan .number { display: inline-block; width: 1.6em; height: 1.6em; line-height: 1.6em; text-align: center; border-radius: 50%; background: var(--accent); color: #fff; font-weight: 700; font-size: .8em; }
.plan .title { font-weight: 700; overflow-wrap: anywhere; }
.plan .minutes, .plan .clock { color: var(--muted); font-variant-numeric: tabular-nums; text-align: right; }
.step-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: .5vh 2vw; border-bottom: .5vh solid var(--accent); padding-bottom: 1.5vh; margin-bottom: 3vh; }
.step-head h1 { font-size: clamp(1.4rem, 5vh, 3.8rem); line-height: 1.15; margin: 0; color: var(--accent); overflow-wrap: anywhere; }
.badge { display: inline-block; background: var(--accent); color: #fff; border-radius: .3em; padding: .05em .45em; font-size: .75em; vertical-align: .1em; }
.when { margin: 0; color: var(--muted); font-size: clamp(1rem, 3vh, 2.3rem); font-variant-numeric: tabular-nums; }
.prompt .step-head h1, .case .step-head h1 { font-size: clamp(1.1rem, 3.4vh, 2.6rem); }
.next-step { position: absolute; top: 1vh; right: 5vw; margin: 0; max-width: 45vw; color: var(--muted); font-size: clamp(.8rem, 1.8vh, 1.4rem); text-align: right; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.fit { flex: 1; min-height: 0; overflow: hidden; display: flex; align-items: center; }
.fit.scrolls { overflow: auto; align-items: flex-start; box-shadow: inset 0 -1.2em 1em -1em rgba(20, 32, 42, .35); }
.fit-text { font-size: clamp(1.2rem, 6vh, 5rem); line-height: 1.25; margin: 0; width: 100%; overflow-wrap: anywhere; }
.items { padding-left: 1.2em; }
.items li { margin: 0 0 .45em; }
.items li::marker { color: var(--accent); }
.prompt-text p { font-weight: 700; margin: 0; text-wrap: balance; }
.prompt-text .details { font-size: .55em; color: var(--muted); margin: .6em 0 0; padding-left: 1.2em; }
.case-text { line-height: 1.35; }
.case-text p, .case-text ul { margin: 0 0 .6em; }
.case-text h3, .case-text h4 { font-size: 1em; margin: 0 0 .3em; }
a { color: var(--accent); }
.bar { position: relative; display: flex; align-items: center; gap: 1vh 2.5vw; padding: 1vh 5vw; background: var(--tint); border-top: 1px solid var(--rule); font-size: clamp(.9rem, 2vh, 1.5rem); min-height: 3.2em; }
.timer { display: flex; align-items: center; gap: 1.5vw; }
.timer[hidden] { display: none; }
#time { font-size: clamp(1.8rem, 6vh, 5rem); font-weight: 700; font-variant-numeric: tabular-nums; line-height: 1; color: var(--accent-dark); }
.progress { width: 14vw; height: 1.2vh; min-height: 6px; background: #fff; border: 1px solid var(--rule); border-radius: 99px; overflow: hidden; }
#progress { height: 100%; width: 0; background: var(--accent); }
.status { flex: 1 1 8em; margin: 0; font-weight: 700; color: var(--done); }
.pace { margin: 0 0 0 auto; color: var(--muted); font-variant-numeric: tabular-nums; text-align: right; }
.pace.behind { color: var(--over); font-weight: 700; }
.pace[hidden] { display: none; }
.controls { position: absolute; right: 0; bottom: 100%; max-width: 100%; padding: 1vh 2vw 1vh 2vw; background: rgba(238, 244, 246, .97); border: 1px solid var(--rule); border-bottom: 0; border-radius: .6em 0 0 0; }
.buttons { display: flex; flex-wrap: wrap; gap: .6vw; justify-content: flex-end; }
.bar button, .results button { font: inherit; font-weight: 700; padding: .45em .9em; border-radius: .4em; border: 2px solid var(--accent); background: #fff; color: var(--accent-dark); cursor: pointer; }
.bar button#toggle, .results button.primary { background: var(--accent); color: #fff; min-width: 6em; }
.bar button[aria-pressed="true"] { background: var(--accent-dark); color: #fff; }
.keys { margin: .6vh 0 0; color: var(--muted); font-size: .75em; text-align: right; }
body.idle { cursor: none; }
/* The fade: out over 0.4 s before they go; back at once. */
body.fading .controls { opacity: 0; transition: opacity .4s ease; }
/* Hidden at once when idle: the fade ran in the 0.4 s before (script), so a check at 3 s finds them gone. */
body.idle .controls, body.results-open .controls { opacity: 0; visibility: hidden; transition: none; }
body.time-up #time { color: var(--done); }
body.over-time #time { color: var(--over); }
body.over-time .bar { background: var(--over-tint); }
body.time-up .bar { animation: pulse 1.6s ease-in-out 3; }
@keyframes pulse { 50% { background: #fbe3c8; } }
.blank-screen { position: fixed; inset: 0; z-index: 10; background: #000; }
.blank-screen[hidden] { display: none; }
.results { overflow: auto; font-size: clamp(1rem, 2.4vh, 1.6rem); }
.results h1 { font-size: clamp(1.6rem, 4.5vh, 3.4rem); margin: 0 0 1vh; color: var(--accent); }
.results-topic { color: var(--muted); font-weight: 400; font-size: .6em; }
.kept { margin: 0 0 2vh; color: var(--muted); }
.results fieldset { border: 1px solid var(--rule); border-radius: .5em; margin: 0 0 2vh; padding: 1vh 1.5vw 1.5vh; }
.results legend { font-weight: 700; color: var(--accent-dark); padding: 0 .4em; }
.agreement { display: grid; grid-template-columns: repeat(auto-fit, minmax(14em, 1fr)); gap: 1vh 1.5vw; }
.agreement .field:first-of-type { grid-column: 1 / -1; }
.field { display: flex; flex-direction: column; gap: .2em; font-weight: 700; }
.results input, .results textarea { font: inherit; font-weight: 400; padding: .35em .5em; border: 2px solid var(--muted); border-radius: .3em; width: 100%; }
/* One heading line for the columns; each field is labelled for itself (visually hidden) all the same. */
.idea-head, .idea-row { display: grid; grid-template-columns: 1fr 7em 2.6em; gap: 1vw; align-items: center; }
.idea-head { margin: 0 0 .3em 1.6em; font-weight: 700; }
.idea-rows { margin: 0 0 1vh; padding-left: 1.6em; }
.idea-row { margin-bottom: .8vh; }
.results-actions { display: flex; flex-wrap: wrap; gap: 1vw; }
.results-status { min-height: 1.4em; font-weight: 700; color: var(--accent-dark); }
.print-referat { display: none; }
@media (prefers-reduced-motion: reduce) {
  body.time-up .bar { animation: none; background: #fbe3c8; }
  body.over-time .bar { background: var(--over-tint); }
  body.fading:not(.idle) .controls { opacity: 1; transition: none; }
}
@media (max-width: 700px) { .bar { flex-wrap: wrap; } .progress { display: none; } .status, .pace { flex: 1 1 100%; margin: 0; text-align: left; } .idea-head, .idea-row { grid-template-columns: 1fr 4.5em 2.6em; } }
@media (max-aspect-ratio: 1/1) { .plan li { grid-template-columns: 2.2em 1fr auto; } .plan .clock { display: none; } .next-step { position: static; max-width: none; text-align: left; order: 10; } }
@media print {
  body { overflow: visible; display: block; }
  .bar, .blank-screen, .next-step { display: none; }
  .view[hidden] { display: flex; }
  .view { break-after: page; height: 100vh; }
  .fit { overflow: visible; }
  .results { display: none !important; }
  body.printing-referat main > :not(.results) { display: none !important; }
  body.printing-referat .results { display: block !important; height: auto; font-size: 12pt; }
  body.printing-referat .results > :not(.print-referat) { display: none; }
  body.printing-referat .print-referat { display: block; }
  .print-referat h1 { font-size: 20pt; color: var(--accent); margin: 0 0 .3em; }
  .print-referat h2 { font-size: 14pt; margin: 1em 0 .3em; }
  .print-referat table { border-collapse: collapse; width: 100%; }
  .print-referat th, .print-referat td { text-align: left; border-bottom: 1px solid var(--rule); padding: .25em .4em; vertical-align: top; }
  .print-referat td.dots, .print-referat th.dots { text-align: right; width: 6em; }
}
`;
