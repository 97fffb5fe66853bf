import { MESSAGES, type Code } from './index.js';
import { sampleText } from './sample.js';

/** The groups of codes, by their first two digits, as docs/diagnostics.md heads them. */
const GROUPS: Record<string, string> = {
  '00': 'The file',
  '01': 'Front matter',
  '02': 'The body: sections, steps, Markdown',
  '03': 'Checks across the topic, and the products',
  '04': 'Adaptation files',
  '05': 'Layouts, labels and the download page',
};

/** The Markdown tables of docs/diagnostics.md: every code, its severity, its English and Danish words. */
export function codeTable(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines: string[] = [];
  let group = '';
  for (const code of (Object.keys(MESSAGES) as Code[]).sort()) {
    const here = code.slice(2, 4);
    if (here !== group) {
      group = here;
      lines.push('', `### DK${here}xx · ${GROUPS[here] ?? ''}`, '', '| Code | | English | Dansk |', '| --- | --- | --- | --- |');
    }
    const [en, da] = [sampleText(code, 'en'), sampleText(code, 'da')];
    const text = (t: { message: string; hint?: string }) => cell(t.hint ? `${t.message} — *${t.hint}*` : t.message);
    lines.push(`| ${code} | ${MESSAGES[code].severity} | ${text(en)} | ${text(da)} |`);
  }
  return `${lines.join('\n')}\n\n`;
}
