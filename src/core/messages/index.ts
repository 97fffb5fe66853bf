import type { Entry } from './define.js';
import { ADAPT_MESSAGES } from './adapt.js';
import { BODY_MESSAGES } from './body.js';
import { CHECK_MESSAGES } from './checks.js';
import { FILE_MESSAGES } from './files.js';
import { FRONT_MATTER_MESSAGES } from './front-matter.js';
import { LAYOUT_MESSAGES } from './layouts.js';

/**
 * THE message table: every diagnostic Dialogkit reports, by its stable code, with its severity and
 * its text in English and Danish from the same typed parameters. The groups live in their own
 * modules (a file each, to stay readable) and are joined here into one table; docs/diagnostics.md
 * lists them. A code is never reused: a message that goes away keeps its number retired.
 *
 * DK00xx the file · DK01xx front matter · DK02xx the body · DK03xx checks across the topic and
 * the products · DK04xx adaptation files · DK05xx layouts, labels and the download page
 */
export const MESSAGES = {
  ...FILE_MESSAGES,
  ...FRONT_MATTER_MESSAGES,
  ...BODY_MESSAGES,
  ...CHECK_MESSAGES,
  ...ADAPT_MESSAGES,
  ...LAYOUT_MESSAGES,
} as const;

export type Lang = 'en' | 'da';
export type Messages = typeof MESSAGES;
export type Code = keyof Messages;
export type ParamsOf<C extends Code> = Messages[C] extends Entry<infer P> ? P : never;
/** A code with its parameters: what a check says before it is placed in a file. */
export type Problem = { [C in Code]: { code: C; params: ParamsOf<C> } }[Code];
