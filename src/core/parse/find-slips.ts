import { diagnostic } from '../messages/index.js';
import type { Diagnostic } from '../model.js';

/**
 * Slips of typing that Markdown accepts but reads otherwise than the author meant, found line by
 * line in the body's source (outside code fences). Warnings: the text is still printed, but not
 * as intended, and the hint says what to write. Pure.
 */
export function findSlips(file: string, lines: readonly string[], bodyLine: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  let fence: string | undefined;
  for (let index = bodyLine - 1; index < lines.length; index++) {
    const text = lines[index]!;
    const line = index + 1;
    // As CommonMark (and marked) reads fences: a fence closes only with a line of the same mark,
    // at least as long as its opener, and nothing else on it; what is inside is printed as written.
    if (fence !== undefined) {
      const closer = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text)?.[1];
      if (closer !== undefined && closer[0] === fence[0] && closer.length >= fence.length) fence = undefined;
      continue;
    }
    const opener = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/.exec(text)?.[1];
    if (opener !== undefined) {
      fence = opener;
      continue;
    }

    const dash = /^(\s*)-(\p{L})/u.exec(text);
    if (dash) {
      const whole = text.trim();
      const shown = whole.length > 30 ? `${whole.slice(0, 30)}…` : whole;
      out.push(diagnostic('DK0250', { shown, rest: shown.slice(1) }, file, line, dash[1]!.length + 1));
    }
    const heading = /^( {0,3})(#{2,6})([^\s#].*)$/.exec(text);
    if (heading) {
      out.push(diagnostic('DK0251', { marks: heading[2]!, text: heading[3]! }, file, line, heading[1]!.length + 1));
    }
    for (const link of text.matchAll(/\[[^\]\n]+\](\s+)\((?:https?:|mailto:)/giu)) {
      const col = link.index + link[0].indexOf(']') + 1;
      out.push(diagnostic('DK0252', {}, file, line, col));
    }
  }
  return out;
}
