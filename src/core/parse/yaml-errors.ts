import type { YAMLError } from 'yaml';
import { codePoint } from './source-text.js';

/**
 * The YAML library's errors in the author's terms ("the value of `title` contains `: `") at the
 * line of the mistake, which is often a line before the one the library names. Pure.
 */

export interface AuthorError {
  line: number;
  col: number;
  message: string;
  hint: string;
}

/** Characters that look like ones YAML needs (quotes, spaces) but are not, with their names. */
const LOOK_ALIKES: Record<string, string> = {
  '\u201c': 'a curly quote “',
  '\u201d': 'a curly quote ”',
  '\u201e': 'a low curly quote „',
  '\u2018': 'a curly apostrophe ‘',
  '\u2019': 'a curly apostrophe ’',
  '\u00ab': 'an angle quote «',
  '\u00bb': 'an angle quote »',
  '\u00a0': 'a non-breaking space',
  '\u202f': 'a narrow non-breaking space',
  '\u2007': 'a figure space',
  '\u3000': 'an ideographic space',
  '\t': 'a tab',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'u');

/** `a non-breaking space (U+00A0)` for the first look-alike character in `text`, with its index. */
export function firstLookAlike(text: string): { name: string; index: number } | undefined {
  const match = LOOK_ALIKE.exec(text);
  return match ? { name: `${LOOK_ALIKES[match[0]]} (${codePoint(match[0])})`, index: match.index } : undefined;
}

/**
 * Translates the first error of a front matter (later ones follow from it). `lines` are the front
 * matter's lines, numbered as in the file from `firstLine`; `at` is the error's 1-based line/col.
 */
export function explainYamlError(error: YAMLError, at: { line: number; col: number }, lines: readonly string[]): AuthorError {
  const text = (line: number) => lines[line - 1] ?? '';
  const key = (line: number) => /^\s*([^\s:#][^:]*?)\s*:/.exec(text(line))?.[1];
  const quoteHint = (line: number) => {
    const [, name, value] = /^\s*([^:]+?)\s*:\s*(.*)$/.exec(text(line)) ?? [];
    return name === undefined ? 'put the value in quotes' : `put the value in quotes: \`${name}: "${value!.replace(/"/g, '\\"')}"\``;
  };

  // A look-alike character near the error is almost always the cause.
  for (const line of [at.line, at.line - 1]) {
    const odd = firstLookAlike(text(line));
    if (odd && line >= 1) {
      const isSpace = /space|tab/.test(odd.name);
      return {
        line,
        col: odd.index + 1,
        message: `this line has ${odd.name}, which YAML does not read as ${isSpace ? 'a space' : 'a quote'}`,
        hint: isSpace
          ? 'replace it with an ordinary space (indent with spaces only)'
          : 'type straight quotes " or \', or leave the quotes out',
      };
    }
  }

  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const name = key(at.line) ?? '?';
      const first = lines.findIndex((l, i) => i + 1 < at.line && key(i + 1) === name && indent(l) === indent(text(at.line))) + 1;
      return {
        ...at,
        col: indent(text(at.line)) + 1,
        message: `a key is given twice: \`${name}\`${first > 0 ? ` (first at line ${first})` : ''}`,
        hint: 'keep one of the two lines',
      };
    }
    case 'BLOCK_AS_IMPLICIT_KEY': {
      const value = /:\s(.*)$/.exec(text(at.line))?.[1] ?? '';
      if (/:\s/.test(value)) {
        return {
          ...at,
          message: `the value of \`${key(at.line)}\` contains \`: \`, which YAML reads as the start of another key`,
          hint: quoteHint(at.line),
        };
      }
      if (indent(text(at.line + 1)) > indent(text(at.line))) {
        return {
          line: at.line + 1,
          col: 1,
          message: 'this line is indented more than the line above it',
          hint: 'indent the keys of one map (such as `media:`) by the same number of spaces',
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
          message: `\`${glued[2]}:\` needs a space after the colon`,
          hint: `write \`${glued[2]}: ${glued[3]}\``,
        };
      if (!text(at.line).includes(':')) {
        return {
          ...at,
          message: 'this line is not a `key: value` line',
          hint: 'write `key: value`; if it continues the value above, put that value in quotes on one line',
        };
      }
      break;
    }
    case 'MISSING_CHAR':
    case 'BAD_INDENT': {
      const open = unclosedOpener(lines, at.line);
      if (open) {
        const closer = { '"': '"', "'": "'", '[': ']', '{': '}' }[open.char]!;
        const what = open.char === '[' ? 'a list' : open.char === '{' ? 'a map' : 'quoted text';
        return {
          line: open.line,
          col: open.col,
          message: `the \`${open.char}\` here starts ${what} that is never closed with \`${closer}\``,
          hint: open.char === '[' || open.char === '{' ? `close it, or ${quoteHint(open.line)}` : `end the value with \`${closer}\``,
        };
      }
      break;
    }
    case 'UNEXPECTED_TOKEN':
      if (/^\s*[^:]+:\s*(["']).*\1\s*\S/.test(text(at.line))) {
        return {
          ...at,
          message: 'the value starts with a quote, so it must also end with that quote; here text follows the closing quote',
          hint: quoteHint(at.line),
        };
      }
      break;
    case 'BAD_SCALAR_START': {
      const char = text(at.line)[at.col - 1] ?? '';
      return { ...at, message: `a value cannot start with \`${char}\` without quotes`, hint: quoteHint(at.line) };
    }
  }
  return {
    ...at,
    message: `the front matter is not valid YAML here (${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')})`,
    hint: 'check indentation, and quote text that contains `:` or `#`',
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
