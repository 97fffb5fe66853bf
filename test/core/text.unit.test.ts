import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/messages/index.js';
import { formatClock, parseClock, validateOptions } from '../../src/core/settings/options.js';
import { fill, longDate } from '../../src/core/view/view-model.js';
import { helpText } from '../../src/node/help.js';
import { cli } from '../helpers/cli.js';

describe('longDate', () => {
  it('writes a date as a Danish or English reader does', () => {
    // No-break spaces: the date is never split over two lines.
    expect(longDate('2027-01-15', 'da')).toBe('15.\u00a0januar\u00a02027');
    expect(longDate('2027-01-15', 'en')).toBe('15\u00a0January\u00a02027');
    expect(longDate('2026-12-01', 'da')).toBe('1.\u00a0december\u00a02026');
    expect(longDate('2026-05-09', 'en')).toBe('9\u00a0May\u00a02026');
  });
});

describe('fill', () => {
  it('fills known placeholders and keeps unknown ones', () => {
    expect(fill('Side {page} af {pages}', { page: 1, pages: 3 })).toBe('Side 1 af 3');
    expect(fill('{min}–{max} deltagere', { min: 4 })).toBe('4–{max} deltagere');
    expect(fill('{page}{page}', { page: 2 })).toBe('22');
  });
});

describe('clock times', () => {
  it('reads HH:MM as minutes after midnight and writes them back, wrapping past midnight', () => {
    expect(parseClock('13:05')).toBe(785);
    expect(formatClock(785)).toBe('13:05');
    expect(formatClock(parseClock('23:30') + 45)).toBe('00:15');
    expect(formatClock(-15)).toBe('23:45');
    expect(formatClock(0)).toBe('00:00');
  });
});

describe('validateOptions', () => {
  it('accepts good values and no values', () => {
    expect(validateOptions({})).toEqual([]);
    expect(
      validateOptions({
        start: '00:00',
        date: '2027-01-15',
        participants: 2,
        flipoverSize: 'A1',
        tile: 'A4',
        organisation: 'x'.repeat(80),
        note: 'x'.repeat(400),
        sourceDateEpoch: 315532800,
      }),
    ).toEqual([]);
    expect(validateOptions({ start: '23:59', participants: 200 })).toEqual([]);
  });

  it('names each bad value and says what to write', () => {
    expect(
      validateOptions({
        start: '24:00',
        date: '15-01-2027',
        participants: 1,
        flipoverSize: 'A0' as 'A1',
        tile: 'A3' as 'A4',
        organisation: 'x'.repeat(81),
        note: 'x'.repeat(401),
        sourceDateEpoch: -1,
      }).map((p) => p.message),
    ).toEqual([
      '--start "24:00" is not a time; write HH:MM, e.g. 13:00',
      '--date "15-01-2027" is not a date; write YYYY-MM-DD, e.g. 2023-10-27',
      '--participants must be a whole number from 2 to 200',
      '--flipover-size must be A4, A3, A2 or A1',
      '--tile can only be A4',
      '--organisation is longer than 80 characters',
      '--note is longer than 400 characters',
      'SOURCE_DATE_EPOCH must lie between 1980-01-01 and 2099-12-31 (315532800 to 4102444799)',
    ]);
  });

  it('refuses a date that has the right shape but does not exist, and fractional numbers', () => {
    const messages = (options: Parameters<typeof validateOptions>[0]) => validateOptions(options).map((p) => p.message);
    expect(messages({ date: '2027-13-40' })).toEqual([
      '--date "2027-13-40" is not a day in the calendar; write YYYY-MM-DD, e.g. 2023-10-27',
    ]);
    expect(validateOptions({ start: '9:00' })).toHaveLength(1);
    expect(messages({ participants: 4.5 })).toEqual(['--participants must be a whole number from 2 to 200']);
    expect(validateOptions({ participants: 201 })).toHaveLength(1);
    expect(messages({ sourceDateEpoch: 1.5 })).toEqual(['SOURCE_DATE_EPOCH must be a whole number of seconds since 1970']);
  });
});

describe('formatDiagnostic', () => {
  it('prints file:line:col: severity: message, and the hint indented on the next line', () => {
    expect(
      formatDiagnostic({
        file: 'content/emne.md',
        line: 12,
        col: 3,
        severity: 'error',
        code: 'DK0130',
        params: {},
        message: 'unknown key `titel`',
        hint: 'did you mean `title`?',
      }),
    ).toMatchInlineSnapshot(`
      "content/emne.md:12:3: error: unknown key \`titel\`
        hint: did you mean \`title\`?"
    `);
    expect(
      formatDiagnostic({
        file: 'content/emne.md',
        line: 1,
        col: 1,
        severity: 'warning',
        code: 'DK0210',
        params: {},
        message: 'the section `## Juridisk baggrund` is missing',
      }),
    ).toMatchInlineSnapshot(`"content/emne.md:1:1: warning: the section \`## Juridisk baggrund\` is missing"`);
  });
});

describe('--help', () => {
  it('prints the usage, options, exit codes and examples', () => {
    expect(helpText('1.2.3')).toMatchInlineSnapshot(`
      "dialogkit 1.2.3 — print-ready dialogue material from Markdown topics

      Usage
        dialogkit build [options]     build every topic in the content folder into the output folder
        dialogkit check [options]     check every topic and report problems; writes nothing
        dialogkit watch [options]     build, then rebuild what a saved change affects, until Ctrl-C
        dialogkit preview [options]   watch, and show every product live in the browser with
                                      the errors on the page (docs/preview.md)
        dialogkit new SLUG [options]  write content/SLUG.md, a topic skeleton to fill in; never
                                      replaces a file (--title TEXT, --language da|en)

      Options
        --content DIR          folder of topic files (*.md)                 default: content
        --out DIR              output folder (build)                         default: out
        --templates DIR        layouts and labels from DIR, file by file over the built-in ones
        --topic SLUG           build only this topic; repeat for more
        --start HH:MM          start time: the guide's overview shows clock times
        --organisation TEXT    municipality or team, printed on every product
        --date YYYY-MM-DD      meeting date, printed on every product
        --duration N           the session's length in minutes: the steps are scaled to it
                               (default: the topic's own minutes)
        --participants N       group size: sets the number of dot-vote idea cards
        --flipover-size SIZE   flip-chart paper: A4, A3, A2 or A1 (overrides the topic)
        --tile A4              print flip-chart sheets in A4 pieces
        --note TEXT            a line of local guidelines, printed in the guide
        --base-url URL         where out/ will be published: the guide and handout get
                               a QR code to the topic's phone edition, URL<slug>/
        --logo FILE            the municipality's logo (PNG, JPEG or SVG, at most 2 MB),
                               printed on the guide, run sheet and handout
        --adapt FILE           a topic's adaptation (tilpasning.yml): skip or retime steps,
                               own questions, media seen beforehand; once per topic (docs/adapt.md)
        --port N               preview: the port; the next free one if taken  default: 4321
        --host ADDR            preview: listen on ADDR instead of 127.0.0.1 (reachable
                               from the network: use with care)
        --open                 preview: open the preview in the browser
        --jobs N               worker threads for large builds               default: number of cores
        --force                rebuild every file, even those whose inputs did not change
        --title TEXT           new: the topic's title
        --language da|en       new: the skeleton's language                   default: da
        --strict               build, check: a warning fails the run (exit 1) as an error does
        --format text|json     how check prints diagnostics                   default: text
        --lang da|en           the language of problems found in the content  default: da when LANG is da_*, else en
        -q, --quiet            print only problems and the summary
        -h, --help             show this help
        -v, --version          show the version

      Environment
        SOURCE_DATE_EPOCH      seconds since 1970, used as the PDFs' date (reproducible builds)
        LC_ALL, LC_MESSAGES, LANG   the first set: Danish problems when it starts with "da" (see --lang)

      Exit codes
        0  success (warnings allowed, unless --strict)
        1  problems in the content or layouts (with --strict, warnings too)
        2  wrong usage, or an --out Dialogkit refuses (the root, your home, the content
           folder, a non-empty folder without its manifest.json)
        3  an internal error: a bug in Dialogkit (DEBUG=dialogkit shows where)
        4  the machine: no space, no permission, read-only, a name too long, a
           symbolic-link loop, or another build writing into the same --out

      Dialogkit writes and deletes only files it made (see docs/cli.md, "Safe output").

      Examples
        dialogkit build
        dialogkit build --topic forventningsafstemning --start 13:00
        dialogkit build --content my-topics --out public --flipover-size A1 --tile A4
        dialogkit check --format json
        dialogkit check --templates my-templates
        dialogkit new bevilling-af-hjaelpemidler --title "Bevilling af hjælpemidler"
      "
    `);
  });

  it('is what `dialogkit --help` prints, with the package’s version, and exits 0', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(helpText(version));
    expect(run.stderr).toBe('');
  });
});
