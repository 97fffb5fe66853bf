/**
 * The editor's worker: checks the unsaved text with the CLI's own check (`checkAll`, the code
 * `dialogkit check` runs) and makes the topic's PDFs from it with the CLI's own build, with the
 * options, layouts and labels the preview builds with, so the editor sees the effect of a change
 * before saving. Only the newest text is worked on: a text typed while another is made waits,
 * and texts typed in between are skipped. The check answers first (a few ms); the PDFs follow.
 */
import { build, checkAll } from '../../core/build/build.js';
import type { SourceFile } from '../../core/model.js';
import { hasEmoji } from '../../core/pdf/inline.js';
import { createTypesetter, type FontSet, type Typesetter } from '../../core/pdf/typeset.js';
import { PRODUCTS } from '../../core/products/index.js';
import type { DraftFile, DraftInputs, DraftRequest, DraftResponse } from './draft-messages.js';

/**
 * The PDF products (the editions and the Word copies are not drawn beside the editor), in two
 * rounds: the guide first, which shows most of the text, then the others; each round is posted
 * when made, so the guide is redrawn without waiting for the rest (measured under load: the
 * guide alone is about a third of the five).
 */
const PDF_PRODUCTS = PRODUCTS.filter((p) => p.file.endsWith('.pdf')).map((p) => p.name);
const ROUNDS = [PDF_PRODUCTS.filter((n) => n === 'drejebog'), PDF_PRODUCTS.filter((n) => n !== 'drejebog')];

interface Scope {
  postMessage(message: DraftResponse, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { data: DraftRequest }) => void): void;
}

export function serveDrafts(fonts: FontSet, emoji: () => Promise<Uint8Array>, scope: Scope = globalThis as unknown as Scope): void {
  let inputs: DraftInputs | undefined;
  let waiting: { id: number; text: string } | undefined;
  let running = false;
  const run = async () => {
    running = true;
    while (waiting && inputs) {
      const job = waiting;
      waiting = undefined;
      try {
        const source: SourceFile = { path: inputs.path, bytes: new TextEncoder().encode(job.text) };
        scope.postMessage({ id: job.id, checked: checkAll([source]).diagnostics });
        // Let a newer text in before the slow part: the PDFs of this one would be out of date.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (waiting) continue;
        for (const [index, products] of ROUNDS.entries()) {
          if (waiting) break; // a newer text came: its PDFs, not these
          const made = { ...(await makeDraft(inputs, source, fonts, emoji, products)), done: index === ROUNDS.length - 1 };
          scope.postMessage({ id: job.id, made }, [...new Set(made.files.map((f) => f.bytes.buffer as ArrayBuffer))]);
          if (made.files.length === 0) break; // errors: nothing can be made
        }
      } catch (error) {
        scope.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
    running = false;
  };
  scope.addEventListener('message', ({ data }) => {
    if ('init' in data) inputs = data.init;
    else waiting = data;
    if (!running) void run();
  });
}

// --- internal ---

/** One typesetter per font set (with and without the emoji font): making one reads the fonts. */
const typesetters = new Map<FontSet, Typesetter>();
let emojiFonts: FontSet | undefined;

async function makeDraft(
  inputs: DraftInputs,
  source: SourceFile,
  fonts: FontSet,
  emoji: () => Promise<Uint8Array>,
  products: readonly string[],
) {
  const texts = [new TextDecoder().decode(source.bytes), ...inputs.layouts.map((l) => l.text), inputs.labels.text];
  const withEmoji = texts.some(hasEmoji) ? (emojiFonts ??= { ...fonts, Emoji: await emojiFace(emoji) }) : fonts;
  let plain = typesetters.get(withEmoji);
  if (!plain) typesetters.set(withEmoji, (plain = createTypesetter(withEmoji)));
  const renders: { bytes: Uint8Array; places: DraftFile['places'] }[] = [];
  const typesetter = recording(plain, renders);
  const result = await build({
    topics: [source],
    layouts: inputs.layouts,
    labels: inputs.labels,
    fonts: withEmoji,
    options: { ...inputs.options, word: false },
    products,
    typesetter,
  });
  const topic = result.topics[0];
  const files = (topic?.files ?? []).flatMap((file): DraftFile[] => {
    const name = file.path.split('/').pop()!;
    if (!name.endsWith('.pdf')) return [];
    const render = renders.find((r) => r.bytes === file.bytes || sameBytes(r.bytes, file.bytes));
    return [{ file: name, bytes: file.bytes, places: render?.places ?? [] }];
  });
  return { files, diagnostics: [...result.diagnostics, ...(topic?.diagnostics ?? [])] };
}

function recording(typesetter: Typesetter, renders: { bytes: Uint8Array; places: DraftFile['places'] }[]): Typesetter {
  return {
    ...typesetter,
    async render(doc, options) {
      const pdf = await typesetter.render(doc, options);
      renders.push({ bytes: pdf.bytes, places: pdf.sourcePlaces });
      return pdf;
    },
  };
}

async function emojiFace(emoji: () => Promise<Uint8Array>) {
  const e = await emoji();
  return { normal: e, bold: e, italics: e, bolditalics: e };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
