/**
 * Writes the table of diagnostic codes into docs/diagnostics.md (between its `codes` markers) from
 * the message table, so the page always lists every code with its words in both languages.
 * `npx tsx scripts/diagnostics-doc.ts`; test/core/messages checks the page is up to date.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { codeTable } from '../src/core/messages/code-table.js';

const PAGE = new URL('../docs/diagnostics.md', import.meta.url);
const START = '<!-- codes:start (made by scripts/diagnostics-doc.ts) -->';
const END = '<!-- codes:end -->';

const page = await readFile(PAGE, 'utf8');
const [before, rest] = page.split(START);
const after = rest?.split(END)[1];
if (before === undefined || after === undefined) throw new Error(`docs/diagnostics.md needs the lines ${START} and ${END}`);
await writeFile(PAGE, `${before}${START}\n${codeTable()}${END}${after}`);
