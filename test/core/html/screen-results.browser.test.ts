/**
 * The screen edition's results form (issue 33): typed, kept over a reload, and handed on as the
 * minutes (the PDF read back with pdf.js, the Word file through its XML, the calendar file parsed),
 * offline too, by keyboard alone and in English. Chromium with a paused fake clock.
 */
import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, HAS_BROWSER } from '../../helpers/browser.js';
import { readPdf, readStructure } from '../../helpers/pdf.js';
import { downloads, FILM, parseIcs, positions, squash, visibleHeading, useScreens } from '../../helpers/screen.js';
import { tempDir } from '../../helpers/temp.js';

const { open, topics, published } = useScreens();

describe.runIf(HAS_BROWSER)('results and the minutes', () => {
  it('keeps what is typed over a reload, and hands on the minutes as PDF, Word and a calendar entry', async () => {
    const { page, seen } = await open(FILM);
    await page.keyboard.press('v');
    expect(await page.locator('#results').isVisible()).toBe(true);
    await page.getByLabel('Hvad').fill('Fælles tjekliste; til skranken, med "citat" og \\ streg');
    await page.getByLabel('Hvem').fill('Team Borgerservice');
    await page.getByLabel('Hvornår').fill('Inden 1. marts');
    await page.getByLabel('Opfølgning').fill('2027-03-01');
    const ideas: [string, string][] = [
      ['Skilt ved skranken', '3'],
      ['Fast tid til digital hjælp', '7'],
      ['Tjekliste', '5'],
      ['Mere tid', '5'],
    ];
    for (const [i, [idea, dots]] of ideas.entries()) {
      // Typing v, r or space in a field stays in the field.
      await page.getByLabel('Idé', { exact: true }).nth(i).fill(idea);
      await page.getByLabel('Prikker', { exact: true }).nth(i).fill(dots);
      await page.getByLabel('Prikker', { exact: true }).nth(i).press('Enter');
    }
    expect(await page.getByLabel('Idé', { exact: true }).count()).toBe(5);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('idea');
    await page.keyboard.type('vr ');
    expect(await page.locator('#results').isVisible()).toBe(true);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.screenshot({ path: join(ARTIFACTS, 'screen-results-1920.png') });

    await page.reload();
    await page.keyboard.press('V');
    expect(await page.getByLabel('Idé', { exact: true }).evaluateAll((es) => es.map((e) => (e as HTMLInputElement).value))).toEqual([
      ...ideas.map(([idea]) => idea),
      '',
    ]);
    expect(await page.getByLabel('Hvem').inputValue()).toBe('Team Borgerservice');
    expect(await page.getByLabel('Opfølgning').inputValue()).toBe('2027-03-01');

    const first = page.waitForEvent('download');
    const files = await downloads(page, 3, () => page.getByRole('button', { name: 'Hent referat' }).click());
    // The minutes first, the calendar entry last.
    expect((await first).suggestedFilename()).toBe('referat-forventningsafstemning-2027-01-15.pdf');
    expect(Object.keys(files).sort()).toEqual([
      'opfoelgning-forventningsafstemning.ics',
      'referat-forventningsafstemning-2027-01-15.docx',
      'referat-forventningsafstemning-2027-01-15.pdf',
    ]);
    expect(await page.textContent('#results-status')).toContain('Hentet: referat-forventningsafstemning-2027-01-15.pdf');

    // The PDF: one page, tagged, the agreement on top, then the ideas by their dots.
    const pdf = await readPdf(files['referat-forventningsafstemning-2027-01-15.pdf']!);
    expect(pdf.pages).toHaveLength(1);
    const text = squash(pdf.text);
    const order = [
      'Aftale',
      'Fælles tjekliste; til skranken',
      'Team Borgerservice',
      'Inden 1. marts',
      '1. marts 2027',
      'Idéer efter antal prikker',
    ];
    order.push('Fast tid til digital hjælp 7', 'Tjekliste 5', 'Mere tid 5', 'Skilt ved skranken 3');
    expect(positions(text, order)).toEqual([...positions(text, order)].sort((a, b) => a - b));
    expect(positions(text, order).every((p) => p >= 0)).toBe(true);
    const structure = await readStructure(pdf.doc);
    expect(structure[0]!.tree).toBeTruthy();
    expect(pdf.info['Title']).toBe('Referat: Forventningsafstemning om digital hjælp');

    // The Word file: the same order, through its document XML.
    const xml = new TextDecoder().decode(unzipSync(files['referat-forventningsafstemning-2027-01-15.docx']!)['word/document.xml']);
    const words = squash(
      xml
        .replace(/<w:p[ >]/g, ' <')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&quot;/g, '"'),
    );
    expect(
      positions(
        words,
        order.map((o) => o.replace(/ \d$/, '')),
      ),
    ).toEqual(
      [
        ...positions(
          words,
          order.map((o) => o.replace(/ \d$/, '')),
        ),
      ].sort((a, b) => a - b),
    );

    // The calendar entry: RFC 5545's line ends, folding and escapes.
    const ics = new TextDecoder().decode(files['opfoelgning-forventningsafstemning.ics']);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    // Escaped as written (RFC 5545 §3.3.11): backslash, semicolon and comma.
    expect(ics.replace(/\r\n /g, '')).toContain('Fælles tjekliste\\; til skranken\\, med "citat" og \\\\ streg\\nHvem');
    const fields = parseIcs(ics);
    expect(fields['DTSTART;VALUE=DATE']).toBe('20270301');
    expect(fields['DTEND;VALUE=DATE']).toBe('20270302');
    expect(fields['SUMMARY']).toBe('Opfølgning: Forventningsafstemning om digital hjælp');
    // The date as a reader writes it, not the ISO key the UID and file names use.
    expect(fields['DESCRIPTION']).toBe(
      'Aftale fra dialogen 15. januar 2027: Fælles tjekliste; til skranken, med "citat" og \\ streg\nHvem: Team Borgerservice\nHvornår: Inden 1. marts',
    );
    expect(fields['UID']).toBe('opfoelgning-forventningsafstemning-2027-01-15@dialogkit');

    // "Ryd formularen" asks first; declined, nothing goes; accepted, the form and what was kept are empty.
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: 'Ryd formularen' }).click();
    expect(await page.getByLabel('Hvem').inputValue()).toBe('Team Borgerservice');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Ryd formularen' }).click();
    expect(await page.getByLabel('Hvem').inputValue()).toBe('');
    expect(await page.getByLabel('Idé', { exact: true }).count()).toBe(1);
    await page.reload();
    await page.keyboard.press('v');
    expect(await page.getByLabel('Hvad').inputValue()).toBe('');
    expect(seen.problems).toEqual([]);
    await page.close();
  });

  it('opened where no assets folder is beside it, says so, still writes the calendar file, and prints the minutes', async () => {
    const folder = await tempDir();
    await copyFile(join(published().out, FILM, 'skaerm.html'), join(folder, 'skaerm.html'));
    const url = pathToFileURL(join(folder, 'skaerm.html')).href;
    const { page } = await open(FILM, undefined, url);
    await page.getByRole('button', { name: 'Resultater' }).click();
    await page.getByLabel('Hvad').fill('Tjekliste');
    await page.getByLabel('Opfølgning').fill('2027-03-01');
    await page.getByLabel('Idé', { exact: true }).first().fill('Lav idé');
    await page.getByLabel('Prikker', { exact: true }).first().fill('1');
    await page.getByLabel('Prikker', { exact: true }).first().press('Enter');
    await page.getByLabel('Idé', { exact: true }).nth(1).fill('Høj idé');
    await page.getByLabel('Prikker', { exact: true }).nth(1).fill('4');
    const files = await downloads(page, 1, () => page.getByRole('button', { name: 'Hent referat' }).click());
    expect(Object.keys(files)).toEqual(['opfoelgning-forventningsafstemning.ics']);
    await page.waitForFunction(() => document.getElementById('results-status')!.textContent.length > 5);
    expect(await page.textContent('#results-status')).toContain('Brug »Udskriv«');
    expect(await page.textContent('#results-status')).toContain('Kalenderfilen er hentet.');
    await page.evaluate(() => (window.print = () => undefined));
    await page.getByRole('button', { name: 'Udskriv' }).click();
    await page.emulateMedia({ media: 'print' });
    const printed = squash(await page.locator('#print-referat').innerText());
    expect(printed).toMatch(/\b\d{1,2}\. (januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december) \d{4}\b/);
    expect(printed).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(printed.indexOf('Aftale')).toBeLessThan(printed.indexOf('Høj idé 4'));
    expect(printed.indexOf('Høj idé 4')).toBeLessThan(printed.indexOf('Lav idé 1'));
    expect(await page.locator('[data-view]').first().isHidden()).toBe(true);
    await page.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('is used by keyboard alone: the results button, V and Escape, the rows and their remove buttons', async () => {
    const { page } = await open(FILM);
    await page.keyboard.press('Tab');
    for (let i = 0; i < 12 && (await page.evaluate(() => document.activeElement?.id)) !== 'show-results'; i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('show-results');
    await page.keyboard.press('Enter');
    expect(await page.locator('#results').isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('result-what');
    await page.keyboard.press('Escape');
    expect(await page.locator('#results').isHidden()).toBe(true);
    expect(await visibleHeading(page)).toBe(topics.get(FILM)!.meta.title);
    await page.keyboard.press('v');
    expect(await page.getByRole('button', { name: 'Fjern idé 1' }).count()).toBe(1);
    await page.close();
  });

  it('has its words in English for an English topic', async () => {
    const { page } = await open('english');
    await page.keyboard.press('v');
    for (const label of ['What', 'Who', 'When', 'Follow-up', 'Idea', 'Dots'])
      expect(await page.getByLabel(label, { exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Download the minutes' }).count()).toBe(1);
    await page.close();
  });
});
