/**
 * The preview page (`/_preview/` and `/_preview/<slug>/`), built from three modules that issue 31
 * (an editor beside the preview) reuses: the product panes (products.ts), the diagnostics
 * overlay (overlay.ts) and the update channel (channel.ts); source-link.ts takes a click on a PDF
 * back to the Markdown line. The server sends the whole state after each build; this draws it.
 */
import { createEditorPane } from '../editor/editor-pane.js';
import { EDITOR_STYLE } from '../editor/editor-style.js';
import { createNewTopicForm } from '../editor/new-topic-form.js';
import { openChannel } from './channel.js';
import { createOverlay } from './overlay.js';
import { createProductPanes } from './products.js';
import { createSourcePopover } from './source-link.js';
import { STYLE } from './style.js';
import type { Draft, LiveDiagnostic, LiveState, LiveTopic } from './types.js';

const root = document.getElementById('dialogkit-live')!;
const style = document.createElement('style');
style.textContent = STYLE + EDITOR_STYLE;
document.head.append(style);

const slug = /^\/_preview\/([^/]+)\/$/.exec(location.pathname)?.[1];
const header = document.createElement('header');
header.className = 'bar';
const home = document.createElement('a');
home.href = '/_preview/';
home.className = 'home';
home.textContent = 'Forhåndsvisning';
const heading = document.createElement('h1');
const status = document.createElement('span');
status.className = 'status';
status.setAttribute('role', 'status');
const site = document.createElement('a');
site.href = '/';
site.target = '_blank';
site.textContent = 'Downloadsiden';
header.append(home, heading, status, site);

const overlay = createOverlay();
const popover = createSourcePopover();
const panes = createProductPanes((topic, place, event) => {
  popover.show(topic, place, event);
  if (place) editor?.goToLine(place.line);
});
const main = document.createElement('main');

// A topic's page: the editor on the left, the products (and the last build's problems) on the right.
let shown: LiveTopic | undefined;
let draft: Draft | undefined;
const editor =
  slug === undefined
    ? undefined
    : createEditorPane({
        onDraft(made) {
          draft = made;
          if (shown) drawing = drawing.then(() => panes.update(shown!, draft)).catch(() => undefined);
        },
        onLine: (line) => panes.mark(line),
      });
let opened = false;
if (editor) {
  const side = document.createElement('div');
  side.className = 'preview-side';
  side.append(overlay.element, main);
  const split = document.createElement('div');
  split.className = 'split';
  split.append(editor.element, side);
  document.body.classList.add('editing');
  root.append(header, split, popover.element);
} else root.append(header, overlay.element, main, popover.element);

let drawing = Promise.resolve();
let connected = true;

openChannel(
  (state) => {
    status.textContent = state.building ? 'Bygger …' : `Opdateret ${new Date().toLocaleTimeString('da-DK')}`;
    if (state.building) return;
    // One drawing at a time, in order: a quick second save waits for the first to be drawn.
    drawing = drawing.then(() => draw(state)).catch(() => undefined);
  },
  (channel) => {
    connected = channel.connected;
    document.body.classList.toggle('offline', !connected);
    if (!connected) status.textContent = 'Forbindelsen er afbrudt – prøver igen …';
  },
);

async function draw(state: LiveState): Promise<void> {
  if (slug === undefined) {
    heading.textContent = 'Alle emner';
    document.title = 'Forhåndsvisning · Dialogkit';
    overlay.update({
      diagnostics: inFileOrder([...state.diagnostics, ...state.topics.flatMap((t) => t.diagnostics)]),
      problems: state.problems,
      stale: state.topics.some((t) => t.stale),
    });
    main.replaceChildren(createNewTopicForm(), topicList(state));
  } else {
    const topic = state.topics.find((t) => t.slug === slug);
    if (!topic) {
      heading.textContent = slug;
      overlay.update({ diagnostics: inFileOrder(state.diagnostics), problems: state.problems, stale: false });
      const missing = document.createElement('p');
      missing.textContent = `Der er intet emne med navnet "${slug}". Se listen over alle emner.`;
      main.replaceChildren(missing, topicList(state));
    } else {
      heading.textContent = topic.title;
      document.title = `${topic.title} · Forhåndsvisning`;
      const shared = state.diagnostics;
      overlay.update({
        diagnostics: inFileOrder([...shared, ...topic.diagnostics]),
        problems: state.problems,
        stale: topic.stale || shared.some((d) => d.severity === 'error'),
      });
      if (!main.contains(panes.element)) main.replaceChildren(panes.element);
      shown = topic;
      if (editor && !opened) {
        opened = true;
        void editor.open(topic);
      } else void editor?.refresh();
      // The build after a save has come: the saved products are the editor's text now.
      if (draft?.saved) draft = undefined;
      await panes.update(topic, draft);
    }
  }
  document.body.dataset['drawn'] = String(state.build);
}

function topicList(state: LiveState): HTMLElement {
  const list = document.createElement('ul');
  list.className = 'topics';
  for (const topic of state.topics) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `/_preview/${encodeURIComponent(topic.slug)}/`;
    link.textContent = topic.title;
    const errors = topic.diagnostics.filter((d) => d.severity === 'error').length;
    const note = document.createElement('span');
    note.className = errors > 0 || topic.stale ? 'note failing' : 'note';
    note.textContent = errors > 0 ? ` ${errors} fejl – viser sidste gode version` : ` ${topic.products.length} produkter · ${topic.source}`;
    item.append(link, note);
    list.append(item);
  }
  return list;
}

function inFileOrder(diagnostics: readonly LiveDiagnostic[]): LiveDiagnostic[] {
  return [...diagnostics].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.col - b.col);
}
