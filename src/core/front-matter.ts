import matter from 'gray-matter';
import { isDocument, isScalar, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import { diagnostic } from './diagnostics.js';
import type { Diagnostic } from './model.js';
import { explainYamlError } from './yaml-errors.js';

/**
 * The one front-matter splitter, for topics (`content/*.md`) and layouts (`templates/*.hbs`) alike.
 * gray-matter splits the file; its YAML engine is the `yaml` library's positioned document, so every
 * diagnostic keeps its line and column. A front matter that names JavaScript on its opening line
 * (`---js`, gray-matter's JavaScript front matter) would run code from a file: refused before
 * gray-matter sees it. The YAML text starts right after the opening `---`, on its line, so YAML
 * line N is file line N.
 */
export interface FrontMatter {
  /**
   * `read`: `root` holds the YAML; `none`: the file does not start with `---`; `unclosed`: no closing
   * `---`; `empty`: nothing between the lines; `javascript`: opened with `---js` or `---javascript`,
   * refused (see `javascript`); `invalid`: YAML problems, in `diagnostics`.
   */
  state: 'read' | 'none' | 'unclosed' | 'empty' | 'javascript' | 'invalid';
  /**
   * For `javascript`: the language as the opening line names it, its column on line 1, and whether
   * a `---` line closes the front matter (without one, the whole file is front matter: `body` is empty).
   */
  javascript?: { name: string; col: number; closed: boolean };
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
}

/** Splits `text` (normalised: no BOM, `\n` line endings) into its front matter and body. */
export function splitFrontMatter(file: string, text: string): FrontMatter {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const base = { yaml: '', lineCounter, diagnostics };
  // gray-matter reads a language after the opening `---` (trimmed, any case); JavaScript is said by
  // name before the file counts as having no front matter.
  const javascript = /^---([ \t]*)(js|javascript)[ \t]*(?:\n|$)/i.exec(text);
  if (javascript) {
    const closing = CLOSING_LINE.exec(text.slice(javascript[0].length - 1));
    const body = closing ? text.slice(javascript[0].length - 1 + closing.index + closing[0].length) : '';
    return {
      ...base,
      state: 'javascript',
      javascript: { name: javascript[2]!, col: 4 + javascript[1]!.length, closed: closing !== null },
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

  // The first error, in the author's terms; later ones mostly follow from it, except keys given twice.
  const lines = split.yaml.split('\n');
  document.errors.forEach((error, index) => {
    if (index > 0 && error.code !== 'DUPLICATE_KEY') return;
    const explained = explainYamlError(error, lineCounter.linePos(error.pos[0]), lines);
    here.diagnostics.push(diagnostic('error', file, explained.line, explained.message, explained.hint, explained.col));
  });
  if (document.errors.length > 0) return { ...here, state: 'invalid', document };

  // Aliases are never resolved, anywhere, so an alias bomb ("billion laughs") costs nothing: the
  // first one found is reported and the front matter is read no further.
  let alias: YamlNode | undefined;
  visit(document, { Alias: (_key, node) => ((alias = node as YamlNode), visit.BREAK) });
  if (alias) {
    const pos = lineCounter.linePos(alias.range?.[0] ?? 0);
    here.diagnostics.push(
      diagnostic('error', file, pos.line, 'YAML aliases (`*name`) are not supported', 'write the value out in full', pos.col),
    );
    return { ...here, state: 'invalid', document };
  }
  return { ...here, state: 'read', document, root: document.contents };
}

// --- internal ---

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

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
