import { diagnostic } from '../messages/index.js';
import type { Block, Diagnostic, ListItem, Topic } from '../model.js';
import { plainText } from '../parse/plain-text.js';
import { PLACEHOLDER, SESSION_WORDS } from '../adapt/session-words.js';
import { closest } from '../suggest.js';

/**
 * Warnings for a session's length or group size written out where the kit may change them
 * (`--duration`, `--participants`, an adaptation): the preparation list and the introduction
 * would then contradict the guide's own figures. `{varighed}` and `{deltagere}` say it once.
 * And a misspelt placeholder (`{varihed}`), which would be printed as written. Pure.
 */
export function checkSessionWords(topic: Topic, lines: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const en = topic.meta.language === 'en';
  const length = en ? LENGTH_EN : LENGTH_DA;
  const [duration, participants] = en ? ['{duration}', '{participants}'] : ['{varighed}', '{deltagere}'];
  const texts = [...topic.preparation.map(itemText), ...topic.about.flatMap(blockTexts)];
  for (const { text, line } of texts) {
    const found = length.exec(text);
    if (found) {
      const said = { found: found[0], placeholder: duration, label: en ? 'Time' : 'Tid' };
      out.push(diagnostic('DK0304', said, topic.file, line, columnOf(lines, line, found[0])));
    }
    const group = GROUP.exec(text);
    if (group && /^\s*(deltagere|participants)\s*:/iu.test(text)) {
      out.push(diagnostic('DK0305', { found: group[0], placeholder: participants }, topic.file, line, columnOf(lines, line, group[0])));
    }
  }
  const known = [...SESSION_WORDS.duration, ...SESSION_WORDS.participants];
  lines.forEach((text, index) => {
    for (const match of text.matchAll(PLACEHOLDER)) {
      const name = match[1]!.toLowerCase();
      if (known.includes(name as never)) continue;
      const guess = closest(name, known);
      if (guess) out.push(diagnostic('DK0306', { written: match[0], guess }, topic.file, index + 1, match.index + 1));
    }
  });
  return out;
}

// --- internal ---

const LENGTH_DA =
  /(?<![\p{L}\d])(?:\d+(?:\s*[-–]\s*\d+)?\s*(?:min\.?|minutter)|(?:en|én|halvanden|to|tre|\d+(?:,\d+)?)\s+timer?|(?:et|ét)\s+kvarter)(?![\p{L}\d])/iu;
const LENGTH_EN =
  /(?<![\p{L}\d])(?:\d+(?:\s*[-–]\s*\d+)?\s*(?:min\.?|minutes?)|(?:an?|one|two|three|half an?|\d+(?:\.\d+)?)\s+hours?|quarter of an hour)(?![\p{L}\d])/iu;
const GROUP = /\d+\s*[-–]\s*\d+|\d+/u;

function itemText(item: ListItem): { text: string; line: number } {
  return { text: plainText(item.spans), line: item.line };
}

function blockTexts(block: Block): { text: string; line: number }[] {
  if (block.kind === 'paragraph') return [{ text: plainText(block.spans), line: block.line }];
  if (block.kind === 'list') return block.items.map(itemText);
  return [];
}

function columnOf(lines: readonly string[], line: number, needle: string): number {
  const index = lines[line - 1]?.indexOf(needle) ?? -1;
  return index < 0 ? 1 : index + 1;
}
