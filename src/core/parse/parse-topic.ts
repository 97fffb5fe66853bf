import { diagnostic } from '../messages/index.js';
import type { Diagnostic, SourceFile, Topic } from '../model.js';
import { findSlips } from './find-slips.js';
import { checkInputBounds } from './input-bounds.js';
import { parseBody } from './parse-body.js';
import { parseFrontMatter } from './parse-front-matter.js';
import { cleanText, decodeUtf8 } from './source-text.js';

/** Topic files larger than this are refused before parsing (the contract says 1 MB). */
export const MAX_TOPIC_BYTES = 1_000_000;

export interface ParseResult {
  /** Present when the file had no errors. */
  topic?: Topic;
  /**
   * When the file has errors but its front matter gave at least `duration`: the topic as far as
   * it could be read, for the checks of the whole topic (the minutes), so that one run reports all.
   */
  draft?: Topic;
  /** The text's lines as parsed (NFC, unwanted characters out), for exact columns in later checks. */
  lines?: readonly string[];
  /** The file's text as decoded, before anything is left out: where later reports find a character. */
  text?: string;
  diagnostics: Diagnostic[];
}

/** Parses one topic file: bytes → text → front matter → body → `Topic`. Pure. */
export function parseTopic(source: SourceFile): ParseResult {
  const { path: file, bytes } = source;
  const fail = (d: Diagnostic): ParseResult => ({ diagnostics: [d] });

  if (bytes.length > MAX_TOPIC_BYTES) {
    return fail(diagnostic('DK0003', { size: source.size ?? bytes.length, limit: MAX_TOPIC_BYTES }, file, 1));
  }
  if (bytes.includes(0)) return fail(diagnostic('DK0004', {}, file, 1));
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded)) {
    return {
      diagnostics: [diagnostic('DK0005', {}, file, decoded.line, decoded.col)],
    };
  }
  const cleaned = cleanText(file, decoded.text);
  const text = cleaned.text;
  if (text.trim() === '') return fail(diagnostic('DK0006', {}, file, 1));

  const lines = text.split('\n');
  const fallbackSlug = slugFromPath(file);
  const front = parseFrontMatter(file, text, fallbackSlug);
  const diagnostics = [...cleaned.diagnostics, ...front.diagnostics];
  // Where the front matter never ends, there is no body to check: saying its sections are missing would mislead.
  if (front.noBody) return { diagnostics };
  const language = front.draft?.language ?? 'da';
  // Nesting and emphasis beyond the limits would make Markdown slow or overflow the stack: not read.
  const bounds = checkInputBounds(file, lines, front.bodyLine);
  if (bounds.length > 0) return { lines, diagnostics: [...diagnostics, ...bounds] };
  diagnostics.push(...findSlips(file, lines, front.bodyLine));
  const body = parseBody(file, front.body, front.bodyLine, lines, language, diagnostics);
  if (!front.meta || diagnostics.some((d) => d.severity === 'error'))
    return { lines, diagnostics, ...(front.draft && { draft: { file, meta: front.draft, ...body } }) };
  return { topic: { file, meta: front.meta, ...body }, lines, text: decoded.text, diagnostics };
}

/** `content/private-it.md` → `private-it`. String work only, so it runs in a browser too. */
export function slugFromPath(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.md$/i, '');
}
