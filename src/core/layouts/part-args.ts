import type { Block, ListItem } from '../model.js';
import { diagnostic } from '../messages/index.js';
import { TemplateError, type Part } from './layout.js';

/*
 * Typed readers for a part's arguments (`{{part "section" title=labels.advice blocks=topic.advice}}`).
 * A layout is the user's file: an argument given a value of the wrong kind (`blocks=labels.advice`)
 * is an error at the layout's line, never an empty section printed in silence. An argument left
 * out, or given a value that is absent for this topic (`topic.advice` of a topic without practical
 * advice), reads as empty: the part prints nothing.
 */

/** Text (`title=labels.overview`); a number is written in figures. */
export function textArg(part: Part, name: string): string {
  const value = part.args[name];
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw wrongKind(part, name, 'text');
}

/** Text, or `null` when left out or empty. */
export function optionalTextArg(part: Part, name: string): string | null {
  const text = textArg(part, name);
  return text === '' ? null : text;
}

/** The blocks of a section (`blocks=topic.advice`). */
export function blocksArg(part: Part, name: string): Block[] {
  return listArg<Block>(part, name, 'blocks');
}

/** List items (`items=topic.guidingQuestions`). */
export function itemsArg(part: Part, name: string): ListItem[] {
  return listArg<ListItem>(part, name, 'items');
}

/** A number (`count=topic.cards`), or `fallback` when left out. */
export function numberArg(part: Part, name: string, fallback: number): number {
  const value = part.args[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw wrongKind(part, name, 'number');
}

/** Yes or no (`newPage=true`), `false` when left out. */
export function flagArg(part: Part, name: string): boolean {
  const value = part.args[name];
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  throw wrongKind(part, name, 'flag');
}

// --- internal ---

function listArg<T>(part: Part, name: string, kind: ArgKind): T[] {
  const value = part.args[name];
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value as T[];
  throw wrongKind(part, name, kind);
}

type ArgKind = 'text' | 'blocks' | 'items' | 'number' | 'flag';

function wrongKind(part: Part, name: string, kind: ArgKind): TemplateError {
  return new TemplateError(diagnostic('DK0527', { name, part: part.part, kind }, part.layout, part.at));
}
