/**
 * The editor beside the preview (issue 31): the topic file's exact text in CodeMirror, checked
 * as it is typed (in a worker, 300 ms after the last key) with the problems under their lines and
 * in a list, the PDFs made from the unsaved text (`onDraft`), and a safe save (Gem, Ctrl+S):
 * only over the version that was opened, else both versions are shown (conflict.ts).
 */
import type { Diagnostic } from '../../core/model.js';
import { formatText, type Lang } from '../../core/messages/index.js';
import type { Draft, LiveDiagnostic, LiveTopic } from '../live/types.js';
import { createConflictPanel } from './conflict.js';
import type { DraftRequest, DraftResponse } from './draft-messages.js';
import { createProblemList } from './problem-list.js';
import { draftInputs, openSource, saveSource } from './server-api.js';
import { createSourceEditor, type SourceEditor } from './source-editor.js';
import { openBytes, textBytes, type OpenedText } from './text-bytes.js';

export interface EditorPane {
  element: HTMLElement;
  open(topic: LiveTopic): Promise<void>;
  /**
   * After each build: when the editor holds no unsaved text and the file changed on disk (saved
   * in another program), the disk's text is taken in, so the next save finds no conflict.
   */
  refresh(): Promise<void>;
  goToLine(line: number): void;
}

export interface EditorHooks {
  /** New PDFs from the editor's text, or `undefined`: show the saved products. */
  onDraft(draft: Draft | undefined): void;
  /** The cursor is on this line now. */
  onLine(line: number): void;
}

const CHECK_DELAY_MS = 300;
const WORKER = '/_preview/assets/dialogkit-editor-worker.js';

export function createEditorPane(hooks: EditorHooks): EditorPane {
  const element = document.createElement('section');
  element.className = 'editor';
  const toolbar = document.createElement('div');
  toolbar.className = 'editor-bar';
  const file = document.createElement('code');
  file.className = 'file';
  const status = document.createElement('span');
  status.className = 'save-status';
  status.setAttribute('role', 'status');
  const save = document.createElement('button');
  save.type = 'button';
  save.className = 'save';
  save.textContent = 'Gem';
  save.title = 'Gem (Ctrl+S)';
  toolbar.append(file, status, save);
  const note = document.createElement('p');
  note.className = 'save-note';
  note.hidden = true;
  const conflict = createConflictPanel();
  const host = document.createElement('div');
  host.className = 'cm-host';
  let editor: SourceEditor | undefined;
  const list = createProblemList((line) => editor?.goToLine(line));
  element.append(toolbar, note, conflict.element, host, list.element);

  let topic: LiveTopic | undefined;
  let opened: OpenedText | undefined;
  /** The SHA-256 of the bytes on disk the editor's text is based on: a save goes only over these. */
  let base = '';
  /** The text as last saved or opened. */
  let savedText = '';
  let worker: Worker | undefined;
  let sent = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let errors = 0;
  let saving = false;
  let lastDraft: Draft | undefined;
  let madeDiagnostics: Diagnostic[] = [];
  let madeFor = 0;

  const dirty = () => editor !== undefined && editor.text() !== savedText;
  const say = (text: string, kind = '') => {
    note.textContent = text;
    note.className = `save-note ${kind}`;
    note.hidden = text === '';
  };
  const showStatus = () => {
    status.textContent = saving ? 'Gemmer …' : dirty() ? 'Ikke gemt' : 'Gemt';
    status.classList.toggle('unsaved', dirty());
    element.classList.toggle('unsaved', dirty());
  };
  // In the topic's language, as the preview shows it: Danish unless the text says `language: en`.
  const lang = (): Lang => (/^language:\s*["']?en\b/m.test(editor?.text() ?? '') ? 'en' : 'da');
  const located = (d: Diagnostic): LiveDiagnostic => ({
    ...d,
    ...formatText(d, lang()),
    path: d.file === topic?.source ? topic.sourcePath : d.file,
  });
  const mine = (d: { file: string }) => d.file === topic?.source;

  const check = () => {
    if (!worker || !editor) return;
    sent++;
    worker.postMessage({ id: sent, text: editor.text() } satisfies DraftRequest);
  };
  const answered = (response: DraftResponse) => {
    if (response.id !== sent || !editor) return; // an older text's answer
    if ('error' in response) return say(`Tjekket kunne ikke køre: ${response.error}`, 'failing');
    // A later round adds what making its PDFs found (text that does not fit, a missing glyph).
    if ('checked' in response || madeFor !== response.id) madeDiagnostics = [];
    madeFor = response.id;
    if ('made' in response) madeDiagnostics = unique([...madeDiagnostics, ...response.made.diagnostics]);
    const diagnostics = 'checked' in response ? response.checked : madeDiagnostics;
    const problems = diagnostics.map(located);
    errors = problems.filter((p) => p.severity === 'error').length;
    editor.showProblems(problems.filter((p) => mine(p)));
    list.show(problems, 'checked' in response);
    if ('made' in response) {
      // The rounds of one text add up (the guide first); until a product's round comes, the one
      // made from the text before stays on screen rather than the saved one.
      const made = response.made.files.map((f) => ({ ...f, id: response.id }));
      const carried = (lastDraft?.files ?? []).filter((f) => !made.some((m) => m.file === f.file));
      lastDraft = { id: response.id, files: [...carried, ...made], saved: false };
      hooks.onDraft(dirty() ? lastDraft : undefined);
    }
  };

  const store = async (over: string) => {
    if (!editor || !opened || !topic || saving) return;
    saving = true;
    showStatus();
    const text = editor.text();
    try {
      const reply = await saveSource(topic.slug, textBytes(text, opened.bom), over);
      if (!reply.saved) {
        const disk = openBytes(reply.conflict.bytes);
        conflict.show(text, disk?.text ?? '', (choice) => {
          conflict.hide();
          if (choice === 'mine') return void store(reply.conflict.sha256);
          if (!disk) return say('Versionen på disken er ikke UTF-8-tekst og kan ikke vises her.', 'failing');
          base = reply.conflict.sha256;
          opened = disk;
          savedText = disk.text;
          editor!.replace(disk.text);
          say('Versionen fra disken er hentet ind. Fortryd (Ctrl+Z) henter din version tilbage.');
          showStatus();
        });
        say('');
        return;
      }
      conflict.hide();
      base = reply.sha256;
      savedText = text;
      // The PDFs of this very text stay on screen, no longer "ikke gemt", until the preview has built them.
      if (lastDraft && lastDraft.id === sent && editor.text() === text) hooks.onDraft({ ...lastDraft, saved: true });
      say(
        errors > 0
          ? `Gemt. Teksten har ${errors === 1 ? 'én fejl' : `${errors} fejl`}: produkterne viser sidste gode version, til ${errors === 1 ? 'den er rettet' : 'de er rettet'}.`
          : 'Gemt. Produkterne bygges nu fra det gemte.',
        errors > 0 ? 'failing' : '',
      );
    } catch (error) {
      say(`Ikke gemt: ${error instanceof Error ? error.message : String(error)}`, 'failing');
    } finally {
      saving = false;
      showStatus();
    }
  };
  save.addEventListener('click', () => void store(base));

  return {
    element,
    async open(shown) {
      topic = shown;
      file.textContent = shown.source;
      const read = await Promise.all([openSource(shown.slug), draftInputs()]).catch((error: unknown) => {
        say(`Emnefilen kunne ikke åbnes: ${error instanceof Error ? error.message : String(error)}`, 'failing');
        save.disabled = true;
        return undefined;
      });
      if (!read) return;
      const [source, inputs] = read;
      opened = openBytes(source.bytes);
      if (!opened) {
        say('Filen er ikke gemt som UTF-8-tekst. Gem den som UTF-8 i et andet program; her ville teksten blive ændret.', 'failing');
        save.disabled = true;
        return;
      }
      base = source.sha256;
      savedText = opened.text;
      editor = createSourceEditor({
        parent: host,
        text: opened.text,
        lineBreak: opened.lineBreak,
        onChange: () => {
          showStatus();
          if (timer) clearTimeout(timer);
          timer = setTimeout(check, CHECK_DELAY_MS);
        },
        onSave: () => void store(base),
        onLine: (line) => hooks.onLine(line),
      });
      worker = new Worker(WORKER);
      worker.addEventListener('message', (event: MessageEvent<DraftResponse>) => answered(event.data));
      worker.postMessage({ init: { ...inputs, path: shown.source } } satisfies DraftRequest);
      showStatus();
      check();
    },
    async refresh() {
      if (!editor || !topic || dirty() || saving) return;
      const source = await openSource(topic.slug).catch(() => undefined);
      if (!source || source.sha256 === base || dirty() || saving) return;
      const disk = openBytes(source.bytes);
      if (!disk || disk.lineBreak !== opened?.lineBreak) return; // a conflict on the next save says it
      base = source.sha256;
      opened = disk;
      savedText = disk.text;
      if (editor.text() !== disk.text) editor.replace(disk.text);
      say('Filen er ændret i et andet program; den nye version er hentet ind.');
      showStatus();
    },
    goToLine: (line) => editor?.goToLine(line),
  };
}

function unique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
