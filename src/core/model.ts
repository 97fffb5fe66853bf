/**
 * The plain data that flows between Dialogkit's stages. Data only: no behaviour,
 * no I/O, so every stage can be tested with inline values.
 */

/** A run of text with its inline formatting. */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Target of a link (http, https or mailto; checked before it gets here). */
  link?: string;
  /** A hard line break after this span's text. */
  lineBreak?: boolean;
}

/** A list item: its first paragraph as spans, then any nested blocks. */
export interface ListItem {
  spans: Span[];
  children: Block[];
  line: number;
}

export type Block =
  | { kind: 'paragraph'; spans: Span[]; line: number }
  | { kind: 'heading'; level: 3 | 4 | 5 | 6; spans: Span[]; line: number }
  | { kind: 'list'; ordered: boolean; start: number; items: ListItem[]; line: number }
  | { kind: 'tip'; blocks: Block[]; line: number }
  | { kind: 'quote'; blocks: Block[]; line: number };

/** `{ min, max }`; a single figure has min === max. */
export interface Range {
  min: number;
  max: number;
}

export type MediaKind = 'film' | 'podcast' | 'case';
export type Language = 'da' | 'en';
export type PaperSize = 'A4' | 'A3' | 'A2' | 'A1';

/** What a flip-chart sheet leaves for the group: nothing (the prompt fills it) or room to write below the prompt. */
export type FlipSpace = 'none' | 'write';
export const FLIP_SPACES: readonly FlipSpace[] = ['none', 'write'];

/**
 * Idea cards for a group of this size: participants work in pairs (one trio when the number is
 * odd) and every pair proposes up to two ideas, so one card per participant, rounded up to a pair.
 */
export function ideaCardsFor(participants: number): number {
  return 2 * Math.ceil(participants / 2);
}

export interface Media {
  kind: MediaKind;
  title: string;
  url?: string;
  minutes?: number;
  /** Seen, heard or read before the meeting (an adaptation's `media: before`): its minutes are not in the session. */
  before?: boolean;
}

/** Front matter after validation, with every default filled in. */
export interface TopicMeta {
  title: string;
  slug: string;
  series?: string;
  publisher?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
  language: Language;
  duration: Range;
  participants: Range;
  media?: Media;
  draft: boolean;
  flipover: { size: PaperSize; tile?: 'A4'; space?: FlipSpace };
  dotvote: { cards: number; dots: number };
}

/** One flip-chart sheet: the prompt, and smaller lines printed under it. */
export interface FlipPrompt {
  spans: Span[];
  details: Span[][];
  line: number;
}

export interface Step {
  number: number;
  minutes: number;
  title: string;
  line: number;
  /** Paragraphs and lists: the facilitator's instructions. */
  instructions: Block[];
  /** `### Dialogspørgsmål`. */
  questions: ListItem[];
  /** `> **Tip:** …` block quotes, without the "Tip:" label. */
  tips: Block[][];
  /** `### Til flipover`. */
  flipPrompts: FlipPrompt[];
  /** The facilitator set these minutes (an adaptation): `--duration` scales the other steps around them. */
  pinned?: boolean;
  /** The step that presents the medium, as an adaptation found it (its own words may no longer say so). */
  presentsMedia?: boolean;
}

export type SectionKind = 'about' | 'starting' | 'preparation' | 'step' | 'case' | 'advice' | 'legal' | 'other';

/** A section the contract does not name; printed in the guide after the section it follows. */
export interface ExtraSection {
  title: string;
  blocks: Block[];
  line: number;
  /** The known section it follows in the source, or `start` before any. */
  after: SectionKind | 'start';
}

export interface Topic {
  /** Path as given to the build, used in diagnostics. */
  file: string;
  meta: TopicMeta;
  about: Block[];
  guidingQuestions: ListItem[];
  preparation: ListItem[];
  steps: Step[];
  advice: Block[];
  legal: Block[];
  /** `## Case`: the case text participants read, printed on the handout. */
  case: Block[];
  extras: ExtraSection[];
}

export type Severity = 'error' | 'warning';

/** A code of the message table; the table itself (src/core/messages/) knows which exist. */
export type DiagnosticCode = `DK${number}`;

/** A parameter's value: plain data, so a diagnostic survives JSON and a worker's message. */
export type DiagnosticParam = string | number | boolean | readonly string[];

/** A problem in the content, reported and collected, never thrown. */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  severity: Severity;
  /**
   * The message table's code (`DK0201`, src/core/messages/): stable, never reused, for editors
   * and CI to filter by. Made only by `diagnostic()` (messages/index.ts), which takes a known code.
   */
  code: DiagnosticCode;
  /** What the code's text is made from (`formatText(d, 'da')` in Danish). */
  params: Readonly<Record<string, DiagnosticParam>>;
  /** The English text of `code`, kept for logs and JSON; other languages come from `formatText`. */
  message: string;
  /** What to write instead. */
  hint?: string;
}

/**
 * What making a product's file reported: its warnings (about the topic file, so kept without its
 * path) and the characters its fonts lack. Kept with the file (manifest.json, `watch`'s memo): a
 * build that keeps the file reports them again, as a build that made it would.
 */
export interface ProductReport {
  warnings: Omit<Diagnostic, 'file'>[];
  missingGlyphs: string[];
}

/** A source file as read by the load stage. */
export interface SourceFile {
  path: string;
  /** Raw bytes; decoding and the size limit are checked by the parser, not the loader. */
  bytes: Uint8Array;
  /** The file's size on disk, when only its beginning was read (a file over the size limit). */
  size?: number;
}

/** A file produced by the build, held in memory until the write stage. */
export interface OutputFile {
  /** Path relative to the output folder, with `/` separators. */
  path: string;
  bytes: Uint8Array;
  /** Page count, for PDFs. */
  pages?: number;
  /** Standards a PDF identifies itself as (`PDF/UA-1`, `PDF/A-2b`), when it does. */
  conformance?: string[];
}

/** The file as given: on the CLI `--adapt FILE`, in the browser the form's own text. */
export interface AdaptationSource {
  path: string;
  text: string;
}
