import type { Span } from '../model.js';

/** The text of spans without their formatting; a line break as `\n`. Its own module: read widely, it needs nothing else. */
export function plainText(spans: readonly Span[]): string {
  return spans.map((s) => s.text + (s.lineBreak ? '\n' : '')).join('');
}
