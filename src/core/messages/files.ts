import { error, figure, warning } from './define.js';
import { unwantedPhrase, type UnwantedKind } from './phrases.js';

/**
 * DK00xx: a topic file as a file — reading it, its size, its encoding, its characters, and the
 * limits that keep Markdown reading fast.
 */

export type UnreadableReason = 'dangling-link' | 'link-loop' | 'permission' | 'folder' | 'other';

const REASONS: Record<UnreadableReason, { en: (code: string) => string; da: (code: string) => string }> = {
  'dangling-link': {
    en: () => 'it is a symbolic link to a file that does not exist',
    da: () => 'det er en genvej til en fil, der ikke findes',
  },
  'link-loop': { en: () => 'it is a loop of symbolic links', da: () => 'det er genveje, der peger på hinanden i ring' },
  permission: { en: () => 'permission denied', da: () => 'der er ikke adgang til filen' },
  folder: { en: () => 'it is a folder', da: () => 'det er en mappe' },
  other: { en: (code) => `it cannot be read (${code})`, da: (code) => `den kan ikke læses (${code})` },
};

export const FILE_MESSAGES = {
  DK0001: warning(
    () => ['skipped: this is not a regular file', 'topic files are plain files; move or rename this entry'],
    () => ['sprunget over: dette er ikke en almindelig fil', 'emnefiler er almindelige filer; flyt eller omdøb denne'],
  ),
  DK0002: warning<{ reason: UnreadableReason; errno: string }>(
    (p) => [
      `skipped: ${(REASONS[p.reason] ?? REASONS.other).en(p.errno)}`,
      'fix or remove this entry, or rename it so it does not end in .md',
    ],
    (p) => [
      `sprunget over: ${(REASONS[p.reason] ?? REASONS.other).da(p.errno)}`,
      'ret eller fjern den, eller omdøb den, så navnet ikke ender på .md',
    ],
  ),
  DK0003: error<{ size: number; limit: number }>(
    (p) => [
      `the file is ${figure(p.size, 'en')} bytes; topic files are limited to ${figure(p.limit, 'en')} bytes (1 MB)`,
      'split the topic, or move long texts out of it',
    ],
    (p) => [
      `filen fylder ${figure(p.size, 'da')} byte; en emnefil må højst fylde ${figure(p.limit, 'da')} byte (1 MB)`,
      'del emnet i to, eller flyt lange tekster ud af det',
    ],
  ),
  DK0004: error(
    () => ['the file is binary, not text', 'save the topic as a UTF-8 Markdown text file'],
    () => ['filen er ikke en tekstfil', 'gem emnet som en Markdown-tekstfil i UTF-8'],
  ),
  DK0005: error(
    () => [
      'the file is not valid UTF-8 text: the byte here is not UTF-8',
      'save it with the encoding UTF-8 (most editors offer it under "Save as")',
    ],
    () => [
      'filen er ikke gemt som UTF-8: tegnet her kan ikke læses',
      'gem filen med tegnsættet UTF-8 (de fleste programmer har det under "Gem som")',
    ],
  ),
  DK0006: error(
    () => ['the file is empty', 'start from the example topic in docs/writing-topics.md'],
    () => ['filen er tom', 'begynd med eksempel-emnet i docs/writing-topics.md, eller med `dialogkit new`'],
  ),
  DK0007: warning<{ kind: UnwantedKind; codePoint: string; spaced: boolean }>(
    (p) => [unwantedPhrase(p, 'en'), 'delete it; it often comes with text pasted from Word or a web page'],
    (p) => [unwantedPhrase(p, 'da'), 'slet det; det følger ofte med tekst, der er kopieret fra Word eller en hjemmeside'],
  ),
  DK0010: error<{ references: number }>(
    (p) => [
      `this paragraph has ${figure(p.references, 'en')} bracketed words or links; with reference links (\`[name]: https://…\`) in the file, that is too many to be read in reasonable time`,
      'write the links in full, `[text](https://…)`, or split the text into shorter paragraphs',
    ],
    (p) => [
      `dette afsnit har ${figure(p.references, 'da')} ord eller links i firkantede parenteser; når filen har henvisningslinks (\`[navn]: https://…\`), er det for mange til at kunne læses på rimelig tid`,
      'skriv linkene helt ud, `[tekst](https://…)`, eller del teksten i kortere afsnit',
    ],
  ),
  DK0011: error<{ unclosed: number }>(
    (p) => [
      `this paragraph has ${p.unclosed} \`*\`, \`_\` or \`[\` marks that open bold, italic or a link and are never closed; the file has too many such marks to be read in reasonable time`,
      'close each `*…*`, `**…**` and `[…]` in the same paragraph, or write a literal mark with a backslash: `\\*`, `\\[`',
    ],
    (p) => [
      `dette afsnit har ${p.unclosed} tegn (\`*\`, \`_\` eller \`[\`), der begynder fed, kursiv eller et link uden at afslutte det; filen har for mange af dem til at kunne læses på rimelig tid`,
      'afslut hver `*…*`, `**…**` og `[…]` i samme afsnit, eller skriv tegnet med en skråstreg foran: `\\*`, `\\[`',
    ],
  ),
  DK0012: error<{ length: number; limit: number }>(
    (p) => [
      `a word of ${figure(p.length, 'en')} characters without a space; at most ${figure(p.limit, 'en')} can be printed`,
      'put spaces between the words, or shorten it',
    ],
    (p) => [
      `et ord på ${figure(p.length, 'da')} tegn uden mellemrum; højst ${figure(p.limit, 'da')} kan udskrives`,
      'sæt mellemrum mellem ordene, eller gør det kortere',
    ],
  ),
  DK0013: error<{ depth: number; limit: number }>(
    (p) => [`block quotes are nested ${p.depth} deep here; at most ${p.limit} are allowed`, 'use one `>` for a quote or tip'],
    (p) => [`citaterne ligger ${p.depth} lag inde i hinanden her; højst ${p.limit} er tilladt`, 'brug ét `>` til et citat eller et tip'],
  ),
  DK0014: error<{ depth: number; limit: number }>(
    (p) => [`lists are nested ${p.depth} deep here; at most ${p.limit} are allowed`, 'move the deepest items up a level'],
    (p) => [`listerne ligger ${p.depth} lag inde i hinanden her; højst ${p.limit} er tilladt`, 'ryk de inderste punkter et niveau op'],
  ),
} as const;
