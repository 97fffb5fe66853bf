import matter from 'gray-matter';
import { isDocument, isScalar, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import { diagnostic, fromProblem } from '../messages/index.js';
import type { Diagnostic } from '../model.js';
import { explainYamlError } from './yaml-errors.js';

/**
 * The one front-matter splitter, for topics (`content/*.md`) and layouts (`templates/*.hbs`) alike.
 * gray-matter splits the file; its YAML engine is the `yaml` library's positioned document, so every
 * diagnostic keeps its line and column. An opening line that names a language (`---js`, `---json`,
 * `---yaml`: gray-matter would pick an engine by it, and its JavaScript engine runs code from the
 * file) is refused before gray-matter sees it. The YAML text starts right after the opening `---`,
 * on its line, so YAML line N is file line N.
 */
export interface FrontMatter {
  /**
   * `read`: `root` holds the YAML; `none`: the file does not start with `---`; `unclosed`: no closing
   * `---`; `empty`: nothing between the lines; `language`: the opening line names a language
   * (`---js`), refused (see `language`); `invalid`: YAML problems, in `diagnostics`.
   */
  state: 'read' | 'none' | 'unclosed' | 'empty' | 'language' | 'invalid';
  /**
   * For `language`: the language as the opening line names it, its column on line 1, and whether
   * a `---` line closes the front matter (without one, the whole file is front matter: `body` is empty).
   */
  language?: { name: string; col: number; closed: boolean };
  root?: YamlNode;
  document?: Document;
  /** The YAML text that gray-matter handed over. */
  yaml: string;
  lineCounter: LineCounter;
  /** The text after the front matter. */
  body: string;
  /** 1-based line in the file where `body` starts. */
  bodyLine: number;
  /** YAML syntax errors in the author's terms, and aliases (never resolved). */
  diagnostics: Diagnostic[];
  /**
   * For `invalid` with syntax errors: the YAML read again without the lines the errors are on,
   * so the keys on the other lines can still be checked in the same run.
   */
  recovered?: { root: YamlNode; lineCounter: LineCounter };
}

/** Splits `text` (normalised: no BOM, `\n` line endings) into its front matter and body. */
export function splitFrontMatter(file: string, text: string): FrontMatter {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const base = { yaml: '', lineCounter, diagnostics };
  // gray-matter reads a language after the opening `---` (trimmed, any case); a named language is
  // said by name rather than the file counting as having no front matter.
  const language = /^---([ \t]*)([a-z][\w-]*)[ \t]*(?:\n|$)/i.exec(text);
  if (language) {
    const closing = CLOSING_LINE.exec(text.slice(language[0].length - 1));
    const body = closing ? text.slice(language[0].length - 1 + closing.index + closing[0].length) : '';
    return {
      ...base,
      state: 'language',
      language: { name: language[2]!, col: 4 + language[1]!.length, closed: closing !== null },
      body,
      bodyLine: closing ? countLines(text.slice(0, text.length - body.length)) + 1 : 1,
    };
  }
  if (!/^---[ \t]*\n/.test(text)) return { ...base, state: 'none', body: text, bodyLine: 1 };
  if (!CLOSING_LINE.test(text.slice(3))) return { ...base, state: 'unclosed', body: '', bodyLine: 1 };

  const split = viaGrayMatter(text, lineCounter);
  const body = split.body;
  const bodyLine = countLines(text.slice(0, text.length - body.length)) + 1;
  const here = { ...base, yaml: split.yaml, body, bodyLine };
  const document = split.document;
  if (document === undefined || document.contents === null || (isScalar(document.contents) && document.contents.value === null))
    return { ...here, state: 'empty' };

  if (!readYamlDocument(file, document, split.yaml, lineCounter, here.diagnostics)) {
    const recovered = document.errors.length > 0 ? withoutBadLines(split.yaml, here.diagnostics) : undefined;
    return { ...here, state: 'invalid', document, ...(recovered && { recovered }) };
  }
  return { ...here, state: 'read', document, root: document.contents };
}

/**
 * A parsed YAML document's problems as diagnostics: its first syntax error in the author's terms
 * (later ones mostly follow from it, except keys given twice), or its first alias (never resolved,
 * so an alias bomb costs nothing). True when the document can be read. Shared by front matter
 * and the adaptation file (`adapt/adaptation.ts`), which is YAML alone.
 */
export function readYamlDocument(
  file: string,
  document: Document,
  yaml: string,
  lineCounter: LineCounter,
  diagnostics: Diagnostic[],
): boolean {
  const lines = yaml.split('\n');
  document.errors.forEach((error, index) => {
    if (index > 0 && error.code !== 'DUPLICATE_KEY') return;
    const explained = explainYamlError(error, lineCounter.linePos(error.pos[0]), lines);
    diagnostics.push(fromProblem(explained.problem, file, explained.line, explained.col));
  });
  if (document.errors.length > 0) return false;
  let alias: YamlNode | undefined;
  visit(document, { Alias: (_key, node) => ((alias = node as YamlNode), visit.BREAK) });
  if (alias) {
    const pos = lineCounter.linePos(alias.range?.[0] ?? 0);
    diagnostics.push(diagnostic('DK0111', {}, file, pos.line, pos.col));
    return false;
  }
  return true;
}

/**
 * The error for an opening line that names a language (state `language`), in a topic's terms
 * (`front matter`) or a layout's (`settings`).
 */
export function languageDiagnostic(file: string, front: FrontMatter, noun: 'front matter' | 'settings'): Diagnostic {
  const { name, col } = front.language!;
  if (/^ya?ml$/i.test(name)) return diagnostic('DK0115', { name, noun }, file, 1, col);
  return diagnostic('DK0116', { name, language: LANGUAGES[name.toLowerCase()] ?? '', noun }, file, 1, col);
}

// --- internal ---

/** Front-matter languages gray-matter knows or authors may try, by the names they are written as. */
const LANGUAGES: Record<string, string> = {
  js: 'JavaScript',
  javascript: 'JavaScript',
  json: 'JSON',
  toml: 'TOML',
  coffee: 'CoffeeScript',
  coffeescript: 'CoffeeScript',
  cson: 'CSON',
};

/** The line that closes a front matter: `---` alone (trailing blanks allowed), after a line break. */
const CLOSING_LINE = /\n---[ \t]*(?:\n|$)/;

/** `text` opens with a `---` line that names no language, so gray-matter reads YAML. */
function viaGrayMatter(text: string, lineCounter: LineCounter): { document?: Document; yaml: string; body: string } {
  // Never reached (the opening line names no language), but gray-matter's own JavaScript engine
  // would run code from the file: replaced all the same.
  const refuse = () => {
    throw new Error('JavaScript front matter reached gray-matter');
  };
  let yaml = '';
  const split = matter(text, {
    language: 'yaml',
    engines: {
      yaml: (input: string) => {
        yaml = input;
        return parseDocument(input, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
      },
      javascript: refuse,
      js: refuse,
    },
  });
  return { ...(isDocument(split.data) && { document: split.data }), yaml, body: split.content };
}

/**
 * The YAML read again with the lines its errors are on left blank (as many rounds as it takes,
 * up to a few), or undefined when that does not give a readable map. YAML line N is file line N.
 */
function withoutBadLines(yaml: string, reported: readonly Diagnostic[]): FrontMatter['recovered'] {
  const lines = yaml.split('\n');
  const blank = new Set(reported.map((d) => d.line));
  for (let round = 0; round < 8; round++) {
    const lineCounter = new LineCounter();
    const text = lines.map((line, index) => (blank.has(index + 1) ? '' : line)).join('\n');
    const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
    if (document.errors.length === 0) return document.contents === null ? undefined : { root: document.contents, lineCounter };
    const before = blank.size;
    for (const error of document.errors) blank.add(lineCounter.linePos(error.pos[0]).line);
    if (blank.size === before) return undefined;
  }
  return undefined;
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
