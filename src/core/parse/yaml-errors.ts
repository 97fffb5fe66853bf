import type { YAMLError } from 'yaml';
import type { Problem } from '../messages/index.js';
import { LOOK_ALIKE_CHARS } from '../messages/phrases.js';

/**
 * The YAML library's errors in the author's terms ("the value of `title` contains `: `") at the
 * line of the mistake, which is often a line before the one the library names. Pure.
 */

export interface AuthorError {
  line: number;
  col: number;
  problem: Problem;
}

const LOOK_ALIKE = new RegExp(`[${LOOK_ALIKE_CHARS.join('')}]`, 'u');
const SPACES = new Set(['\u00a0', '\u202f', '\u2007', '\u3000', '\t']);

/** The first character in `text` that looks like one YAML needs (a curly quote, a non-breaking space), with its index. */
export function firstLookAlike(text: string): { char: string; index: number } | undefined {
  const match = LOOK_ALIKE.exec(text);
  return match ? { char: match[0], index: match.index } : undefined;
}

/**
 * Translates the first error of a front matter (later ones follow from it). `lines` are the front
 * matter's lines, numbered as in the file from `firstLine`; `at` is the error's 1-based line/col.
 */
export function explainYamlError(error: YAMLError, at: { line: number; col: number }, lines: readonly string[]): AuthorError {
  const text = (line: number) => lines[line - 1] ?? '';
  const key = (line: number) => /^\s*([^\s:#][^:]*?)\s*:/.exec(text(line))?.[1];
  /** The line as it would read with its value in quotes (`title: "…"`), or '' when it has no key. */
  const quoted = (line: number) => {
    const [, name, value] = /^\s*([^:]+?)\s*:\s*(.*)$/.exec(text(line)) ?? [];
    return name === undefined ? '' : `${name}: "${value!.replace(/"/g, '\\"')}"`;
  };

  // A look-alike character near the error is almost always the cause.
  for (const line of [at.line, at.line - 1]) {
    const odd = firstLookAlike(text(line));
    if (odd && line >= 1) {
      return { line, col: odd.index + 1, problem: { code: 'DK0101', params: { char: odd.char, space: SPACES.has(odd.char) } } };
    }
  }

  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const name = key(at.line) ?? '?';
      const first = lines.findIndex((l, i) => i + 1 < at.line && key(i + 1) === name && indent(l) === indent(text(at.line))) + 1;
      return {
        ...at,
        col: indent(text(at.line)) + 1,
        problem: { code: 'DK0102', params: { key: name, first } },
      };
    }
    case 'BLOCK_AS_IMPLICIT_KEY': {
      const value = /:\s(.*)$/.exec(text(at.line))?.[1] ?? '';
      if (/:\s/.test(value)) {
        return {
          ...at,
          problem: { code: 'DK0103', params: { key: key(at.line) ?? '?', quoted: quoted(at.line) } },
        };
      }
      if (indent(text(at.line + 1)) > indent(text(at.line))) {
        return {
          line: at.line + 1,
          col: 1,
          problem: { code: 'DK0104', params: {} },
        };
      }
      break;
    }
    case 'MULTILINE_IMPLICIT_KEY': {
      const glued = /^(\s*)([\w-]+):(\S.*)$/.exec(text(at.line));
      if (glued)
        return {
          line: at.line,
          col: glued[1]!.length + glued[2]!.length + 2,
          problem: { code: 'DK0105', params: { key: glued[2]!, value: glued[3]! } },
        };
      if (!text(at.line).includes(':')) {
        return {
          ...at,
          problem: { code: 'DK0106', params: {} },
        };
      }
      break;
    }
    case 'MISSING_CHAR':
    case 'BAD_INDENT': {
      const open = unclosedOpener(lines, at.line);
      if (open) {
        const closer = { '"': '"', "'": "'", '[': ']', '{': '}' }[open.char]!;
        const what = open.char === '[' ? 'list' : open.char === '{' ? 'map' : 'text';
        return {
          line: open.line,
          col: open.col,
          problem: { code: 'DK0107', params: { char: open.char, closer, what, quoted: quoted(open.line) } },
        };
      }
      break;
    }
    case 'UNEXPECTED_TOKEN':
      if (/^\s*[^:]+:\s*(["']).*\1\s*\S/.test(text(at.line))) {
        return {
          ...at,
          problem: { code: 'DK0108', params: { quoted: quoted(at.line) } },
        };
      }
      break;
    case 'BAD_SCALAR_START': {
      const char = text(at.line)[at.col - 1] ?? '';
      return { ...at, problem: { code: 'DK0109', params: { char, quoted: quoted(at.line) } } };
    }
  }
  return {
    ...at,
    problem: { code: 'DK0110', params: { detail: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') } },
  };
}

// --- internal ---

function indent(line: string): number {
  return /^ */.exec(line)![0].length;
}

/** The last quote, `[` or `{` at the start of a value, at or before `line`, that its line does not close. */
function unclosedOpener(lines: readonly string[], line: number): { line: number; col: number; char: '"' | "'" | '[' | '{' } | undefined {
  for (let l = Math.min(line, lines.length); l >= 1; l--) {
    const match = /^(\s*[^:#]+:\s*)(["'[{])(.*)$/.exec(lines[l - 1]!);
    if (!match) continue;
    const char = match[2] as '"' | "'" | '[' | '{';
    const rest = match[3]!;
    const closed = char === '[' ? rest.includes(']') : char === '{' ? rest.includes('}') : rest.replace(/\\./g, '').includes(char);
    if (!closed) return { line: l, col: match[1]!.length + 1, char };
  }
  return undefined;
}
