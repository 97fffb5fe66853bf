/** The editor's look on the preview page: the source on the left, the products on the right, the problems under the source. */
export const EDITOR_STYLE = `
body.editing { overflow: hidden; }
.split { display: grid; grid-template-columns: minmax(380px, 44%) 1fr; height: calc(100vh - 38px); }
.editor { display: flex; flex-direction: column; min-height: 0; background: #fff; border-right: 1px solid #c5cad3; }
.editor-bar { display: flex; gap: 10px; align-items: center; padding: 6px 10px; border-bottom: 1px solid #dde1e6; background: #f8f9fa; }
.editor-bar .file { flex: 1; font-size: 13px; color: #444; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.save-status { font-size: 13px; color: #2b6a2f; }
.save-status.unsaved { color: var(--warn); font-weight: 600; }
.editor-bar .save { font: inherit; font-weight: 600; padding: 3px 16px; border-radius: 4px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
.editor-bar .save:disabled { opacity: .5; cursor: default; }
.save-note { margin: 0; padding: 6px 10px; font-size: 13px; background: #eef6ee; border-bottom: 1px solid #cfe3cf; }
.save-note.failing { background: #fdecea; border-bottom-color: #f3b7b0; color: #5a0010; }
.cm-host { flex: 1; min-height: 0; }
.cm-host .cm-editor { height: 100%; font-size: 14px; }
.cm-host .cm-scroller { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; line-height: 1.5; }
.cm-line-note { margin: 1px 0 4px 4px; padding: 2px 8px; border-left: 3px solid var(--error); background: #fdf1f0; font: 12.5px/1.4 system-ui, sans-serif; white-space: normal; }
.cm-line-note:has(> .cm-line-note-warning:only-child) { border-left-color: #d9a300; background: #fff8e1; }
.cm-line-note-error .message { color: var(--error); }
.cm-line-note-warning .message { color: var(--warn); }
.cm-line-note .hint, .problem-list .hint { color: #444; }
.strict { font-size: 11.5px; padding: 0 5px; border-radius: 8px; background: #ede3c8; color: #5b4300; white-space: nowrap; }
.problem-list { flex: none; max-height: 28vh; overflow: auto; padding: 4px 10px 8px; border-top: 1px solid #c5cad3; background: #fbfbfc; }
.problem-list h2 { font-size: 14px; margin: 4px 0; color: #2b6a2f; }
.problem-list.failing h2 { color: var(--error); }
.problem-list .where { font: 12.5px ui-monospace, monospace; color: var(--accent); background: none; border: 0; padding: 0; text-decoration: underline; cursor: pointer; }
.conflict { padding: 8px 10px; background: #fff4e5; border-bottom: 2px solid #e0a030; max-height: 60vh; overflow: auto; }
.conflict-title { margin: 0 0 6px; font-weight: 600; }
.conflict-versions { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.conflict-version { margin: 0; min-width: 0; }
.conflict-version figcaption { font-weight: 600; font-size: 13px; }
.conflict-version pre { margin: 2px 0; max-height: 30vh; overflow: auto; font-size: 12px; background: #fff; border: 1px solid #ddd; padding: 4px; white-space: pre-wrap; }
.conflict-version .differs { background: #ffe08a; }
.conflict-buttons { display: flex; gap: 8px; margin-top: 6px; }
.conflict-buttons button { font: inherit; padding: 3px 12px; cursor: pointer; }
.preview-side { overflow: auto; min-width: 0; }
.preview-side .overlay { top: 0; }
.preview-side .column-body { max-height: calc(100vh - 130px); }
.column.draft { outline: 2px dashed var(--warn); outline-offset: 2px; }
.draft-badge { font-size: 12px; font-weight: 600; padding: 0 6px; border-radius: 8px; background: #ffe08a; color: #5b4300; }
.line-mark { position: absolute; z-index: 2; pointer-events: none; background: rgb(255 200 0 / .28); outline: 2px solid rgb(230 160 0 / .9); border-radius: 2px; }
.new-topic { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: end; max-width: 900px; padding: 10px 14px; margin-bottom: 14px; background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgb(0 0 0 / .12); }
.new-topic h2 { width: 100%; font-size: 16px; margin: 0; }
.new-topic label { display: grid; gap: 2px; font-size: 13px; }
.new-topic input, .new-topic select { font: inherit; padding: 3px 6px; min-width: 220px; }
.new-topic button { font: inherit; padding: 4px 14px; cursor: pointer; }
.new-topic-message { width: 100%; margin: 0; font-size: 13px; }
.new-topic-message.failing { color: var(--error); }
`;
