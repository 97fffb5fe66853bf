/** The preview page's look: plain, calm, and the products in front. */
export const STYLE = `
:root { --accent: #1d3557; --error: #b00020; --warn: #8a5a00; font: 15px/1.45 system-ui, sans-serif; color: #1b1b1b; }
body { margin: 0; background: #e9ecef; }
.bar { position: sticky; top: 0; z-index: 5; display: flex; gap: 16px; align-items: baseline; padding: 8px 16px; background: var(--accent); color: #fff; }
.bar a { color: #fff; }
.bar h1 { font-size: 17px; margin: 0; flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar .status { font-size: 13px; opacity: .85; }
body.offline .bar { background: #5c5c5c; }
.overlay { position: sticky; top: 40px; z-index: 4; margin: 0; padding: 10px 16px; background: #fff8e1; border-bottom: 1px solid #e0c36c; max-height: 45vh; overflow: auto; box-shadow: 0 2px 6px rgb(0 0 0 / .15); }
.overlay.failing { background: #fdecea; border-bottom-color: var(--error); }
.overlay .banner { margin: 0 0 6px; font-weight: 700; color: var(--error); }
.overlay .banner span { font-weight: 400; color: #1b1b1b; }
.overlay .problem { margin: 4px 0; font-family: ui-monospace, monospace; font-size: 13px; }
.diagnostics { margin: 4px 0; padding-left: 20px; }
.diagnostics li { margin: 4px 0; }
.diagnostics .where { font-family: ui-monospace, monospace; font-size: 13px; color: var(--accent); }
.diagnostics .error .message { color: var(--error); }
.diagnostics .warning .message { color: var(--warn); }
.diagnostics .hint { color: #444; font-size: 13px; }
.overlay.failing ~ main .column-body { opacity: .55; }
main { padding: 12px 16px; }
.tabs { display: flex; gap: 6px; flex-wrap: wrap; margin-bottom: 10px; }
.tabs button { font: inherit; padding: 4px 12px; border: 1px solid #aab; border-radius: 14px; background: #fff; cursor: pointer; }
.tabs button[aria-pressed="true"] { background: var(--accent); color: #fff; border-color: var(--accent); }
.columns { display: flex; gap: 16px; overflow-x: auto; align-items: flex-start; }
.column { flex: none; background: #f8f9fa; border-radius: 6px; padding: 6px 8px; }
.column h2 { font-size: 14px; margin: 2px 0 6px; }
.column-body { max-height: calc(100vh - 150px); overflow-y: auto; }
.pdf-pages { display: flex; flex-direction: column; gap: 10px; }
.pdf-page { position: relative; background: #fff; box-shadow: 0 1px 4px rgb(0 0 0 / .25); cursor: pointer; }
.pdf-page canvas { display: block; width: 100%; height: 100%; }
.frame-phone { width: 390px; height: calc(100vh - 170px); border: 1px solid #ccd; border-radius: 12px; background: #fff; }
.frame-screen { width: 640px; height: 360px; border: 1px solid #ccd; background: #000; }
.topics { list-style: none; padding: 0; }
.topics li { margin: 6px 0; }
.topics .note { color: #555; font-size: 13px; }
.topics .note.failing { color: var(--error); }
.source-popover { position: fixed; z-index: 10; width: 320px; padding: 10px 12px; background: #fff; border: 1px solid #99a; border-radius: 6px; box-shadow: 0 4px 14px rgb(0 0 0 / .25); display: grid; gap: 6px; }
.source-popover[hidden] { display: none; }
.source-popover p { margin: 0; }
.source-popover .command { font-size: 12px; background: #f1f3f5; padding: 4px; overflow-wrap: anywhere; }
.source-popover button { justify-self: start; font: inherit; font-size: 13px; }
.textLayer { position: absolute; text-align: initial; inset: 0; overflow: clip; opacity: 1; line-height: 1; text-size-adjust: none; forced-color-adjust: none; transform-origin: 0 0; caret-color: CanvasText; z-index: 0; --min-font-size: 1; --text-scale-factor: calc(var(--total-scale-factor) * var(--min-font-size)); --min-font-size-inv: calc(1 / var(--min-font-size)); }
.textLayer :is(span, br) { color: transparent; position: absolute; white-space: pre; cursor: text; transform-origin: 0% 0%; }
.textLayer > :not(.markedContent), .textLayer .markedContent span:not(.markedContent) { z-index: 1; --font-height: 0; font-size: calc(var(--text-scale-factor) * var(--font-height)); --scale-x: 1; --rotate: 0deg; transform: rotate(var(--rotate)) scaleX(var(--scale-x)) scale(var(--min-font-size-inv)); }
.textLayer .markedContent { display: contents; }
.textLayer ::selection { background: rgb(0 90 255 / .3); }
.textLayer .endOfContent { display: block; position: absolute; inset: 100% 0 0; z-index: 0; cursor: default; user-select: none; }
`;
