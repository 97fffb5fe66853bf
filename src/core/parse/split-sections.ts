import type { Token, Tokens } from 'marked';
import { diagnostic } from '../messages/index.js';
import type { MarkdownContext } from './parse-markdown.js';

/** A top-level Markdown token with the line of the topic file it starts on. */
export type Located = { token: Token; line: number };

/** Groups top-level tokens under their `##` headings; reports `#` headings. */
export function splitSections(tokens: readonly Located[], ctx: MarkdownContext) {
  const sections: { heading?: string; line: number; tokens: Located[] }[] = [{ line: 0, tokens: [] }];
  for (const item of tokens) {
    if (item.token.type === 'heading') {
      const heading = item.token as Tokens.Heading;
      if (heading.depth === 1) {
        ctx.diagnostics.push(diagnostic('DK0253', { text: heading.text }, ctx.file, item.line));
        continue;
      }
      if (heading.depth === 2) {
        sections.push({ heading: heading.text, line: item.line, tokens: [] });
        continue;
      }
    }
    sections[sections.length - 1]!.tokens.push(item);
  }
  return sections;
}
