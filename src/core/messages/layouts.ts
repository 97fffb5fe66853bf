import { error } from './define.js';

/** DK05xx: layouts (`templates/*.hbs`), their settings, the labels (`labels.yml`) and the download page's layout. */

type Unit = 'pt' | 'mm' | '';
const unitEn = (unit: Unit) => (unit === 'pt' ? ' (points; 1 mm is 2.835 pt)' : unit === 'mm' ? ' (millimetres)' : '');
const unitDa = (unit: Unit) => (unit === 'pt' ? ' (punkter; 1 mm er 2,835 pt)' : unit === 'mm' ? ' (millimeter)' : '');

/** What a part's argument must be (layouts/part-args.ts). */
const ARG_KINDS: Record<string, { en: string; da: string }> = {
  text: { en: 'a text, such as labels.overview', da: 'en tekst, fx labels.overview' },
  blocks: { en: 'the blocks of a section, such as topic.advice', da: 'et afsnits indhold, fx topic.advice' },
  items: { en: 'a list, such as topic.guidingQuestions', da: 'en liste, fx topic.guidingQuestions' },
  number: { en: 'a number, such as topic.cards or 10', da: 'et tal, fx topic.cards eller 10' },
  flag: { en: 'true or false', da: 'true eller false' },
};

export const LAYOUT_MESSAGES = {
  DK0501: error<{ file: string }>(
    (p) => [`the layout for ${p.file} is missing`, 'restore it from the repository'],
    (p) => [`layoutet til ${p.file} mangler`, 'hent det igen fra Dialogkits kildekode'],
  ),
  DK0502: error<{ name: string; guess: string; known: readonly string[] }>(
    (p) => [`\`${p.name}\` does not exist`, p.guess ? `did you mean \`${p.guess}\`?` : `known here: ${p.known.join(', ')}`],
    (p) => [`\`${p.name}\` findes ikke`, p.guess ? `mente du \`${p.guess}\`?` : `kendte navne her: ${p.known.join(', ')}`],
  ),
  DK0503: error<{ name: string; first: string }>(
    (p) => [`\`${p.name}\` is a group of labels, not one`, `name one of them, e.g. \`${p.name}.${p.first}\``],
    (p) => [`\`${p.name}\` er en gruppe af betegnelser, ikke én`, `nævn en af dem, fx \`${p.name}.${p.first}\``],
  ),
  DK0504: error(
    () => ['the labels file is missing or empty', 'restore it from the repository'],
    () => ['filen med betegnelser (labels.yml) mangler eller er tom', 'hent den igen fra Dialogkits kildekode'],
  ),
  DK0505: error<{ detail: string }>(
    (p) => [`bad YAML: ${p.detail}`],
    (p) => [`ugyldig YAML: ${p.detail}`],
  ),
  DK0506: error(
    () => ['labels must have a `da:` and an `en:` section'],
    () => ['betegnelserne skal have en `da:`- og en `en:`-del'],
  ),
  DK0507: error<{ name: string; key: string }>(
    (p) => [`the label \`${p.name}\` is missing`, `the code prints it; add \`${p.key}:\` here`],
    (p) => [`betegnelsen \`${p.name}\` mangler`, `den udskrives; tilføj \`${p.key}:\` her`],
  ),
  DK0508: error<{ name: string }>(
    (p) => [`the label \`${p.name}\` must be a text`, 'put it in quotes if it contains a colon'],
    (p) => [`betegnelsen \`${p.name}\` skal være en tekst`, 'sæt den i anførselstegn, hvis den indeholder et kolon'],
  ),
  DK0509: error<{ name: string; keys: readonly string[] }>(
    (p) => [`the label \`${p.name}\` must be a group of labels (${p.keys.join(', ')})`],
    (p) => [`betegnelsen \`${p.name}\` skal være en gruppe af betegnelser (${p.keys.join(', ')})`],
  ),
  DK0510: error<{ path: string; key: string; otherPath: string; guess: string }>(
    (p) => [
      `the label \`${p.path}.${p.key}\` has no \`${p.otherPath}.${p.key}\``,
      p.guess ? `did you mean \`${p.guess}\`? Every label needs both languages` : `add it under \`${p.otherPath}:\`, or remove it here`,
    ],
    (p) => [
      `betegnelsen \`${p.path}.${p.key}\` har ingen \`${p.otherPath}.${p.key}\``,
      p.guess
        ? `mente du \`${p.guess}\`? Hver betegnelse skal findes på begge sprog`
        : `tilføj den under \`${p.otherPath}:\`, eller fjern den her`,
    ],
  ),
  DK0511: error<{ part: string; known: readonly string[] }>(
    (p) => [`unknown part "${p.part}"`, `known parts of this layout: ${p.known.join(', ')}`],
    (p) => [`delen "${p.part}" kendes ikke`, `dette layouts dele: ${p.known.join(', ')}`],
  ),
  DK0512: error<{ detail: string }>(
    (p) => [p.detail],
    (p) => [`layoutet kan ikke læses: ${p.detail}`],
  ),
  DK0513: error<{ text: string }>(
    (p) => [
      `text outside a part: ${p.text}`,
      'a layout holds only {{part …}} lines and {{!-- comments --}}; put words to print in templates/labels.yml',
    ],
    (p) => [
      `tekst uden for en del: ${p.text}`,
      'et layout indeholder kun {{part …}}-linjer og {{!-- kommentarer --}}; skriv ord, der skal udskrives, i templates/labels.yml',
    ],
  ),
  DK0514: error<{ field: string }>(
    (p) => [`the field "${p.field}" does not exist`, 'check the spelling against the fields listed in the README'],
    (p) => [`feltet "${p.field}" findes ikke`, 'tjek stavemåden mod felterne i README'],
  ),
  DK0515: error<{ detail: string }>(
    (p) => [p.detail],
    (p) => [`layoutet kan ikke bruges: ${p.detail}`],
  ),
  DK0516: error(
    () => ['the settings are not closed', 'end them with a line that holds only `---`'],
    () => ['indstillingerne er ikke afsluttet', 'afslut dem med en linje, der kun indeholder `---`'],
  ),
  DK0517: error(
    () => ['the settings between the `---` lines must be `name: value` lines'],
    () => ['indstillingerne mellem `---`-linjerne skal være linjer af formen `navn: værdi`'],
  ),
  DK0518: error<{ name: string; unit: Unit; got: string; min: number; max: number; example: number }>(
    (p) => [
      `\`${p.name}\` must be a number${unitEn(p.unit)}, not ${p.got}`,
      `write a plain number from ${p.min} to ${p.max}, e.g. ${p.example}`,
    ],
    (p) => [`\`${p.name}\` skal være et tal${unitDa(p.unit)}, ikke ${p.got}`, `skriv et tal fra ${p.min} til ${p.max}, fx ${p.example}`],
  ),
  DK0519: error<{ name: string; unit: Unit; min: number; max: number; value: number }>(
    (p) => [`\`${p.name}\` must be from ${p.min} to ${p.max}${unitEn(p.unit)}; it is ${p.value}`],
    (p) => [`\`${p.name}\` skal være fra ${p.min} til ${p.max}${unitDa(p.unit)}; den er ${p.value}`],
  ),
  DK0520: error<{ name: string; got: string; guess: string; values: readonly string[] }>(
    (p) => [`\`${p.name}\` cannot be ${p.got}`, `${p.guess ? `did you mean \`${p.guess}\`? ` : ''}allowed: ${p.values.join(', ')}`],
    (p) => [`\`${p.name}\` kan ikke være ${p.got}`, `${p.guess ? `mente du \`${p.guess}\`? ` : ''}mulige: ${p.values.join(', ')}`],
  ),
  DK0521: error<{ name: string; got: string; example: string }>(
    (p) => [`\`${p.name}\` must be a colour as a hex code, not ${p.got}`, `write it in quotes, e.g. "${p.example}"`],
    (p) => [`\`${p.name}\` skal være en farve som hex-kode, ikke ${p.got}`, `skriv den i anførselstegn, fx "${p.example}"`],
  ),
  DK0522: error<{ name: string; got: string; guess: string; fonts: readonly string[] }>(
    (p) => [
      `\`${p.name}\` cannot be ${p.got}: the font ${p.got} is not one Dialogkit embeds`,
      `${p.guess ? `did you mean \`${p.guess}\`? ` : ''}fonts: ${p.fonts.join(', ')}`,
    ],
    (p) => [
      `\`${p.name}\` kan ikke være ${p.got}: skrifttypen ${p.got} er ikke en af dem, Dialogkit indlejrer`,
      `${p.guess ? `mente du \`${p.guess}\`? ` : ''}skrifttyper: ${p.fonts.join(', ')}`,
    ],
  ),
  DK0523: error<{ name: string; got: string; example: string }>(
    (p) => [`\`${p.name}\` must be four numbers in points (left, top, right, bottom), not ${p.got}`, `e.g. [${p.example}]`],
    (p) => [`\`${p.name}\` skal være fire tal i punkter (venstre, top, højre, bund), ikke ${p.got}`, `fx [${p.example}]`],
  ),
  DK0524: error<{ name: string; example: string }>(
    (p) => [`\`${p.name}\` must be a group of settings, not a single value`, `settings under it: ${p.example}`],
    (p) => [`\`${p.name}\` skal være en gruppe af indstillinger, ikke én værdi`, `indstillinger under den: ${p.example}`],
  ),
  DK0525: error<{ detail: string }>(
    (p) => [
      `the download page's layout cannot be used: ${p.detail}`,
      'fix the tag on this line: every {{ needs its }}, every {{#each}} its {{/each}}; the fields a page can use are in templates/index.hbs',
    ],
    (p) => [
      `downloadsidens layout kan ikke bruges: ${p.detail}`,
      'ret koden i denne linje: hver {{ skal have sin }}, hver {{#each}} sin {{/each}}; felterne, en side kan bruge, står i templates/index.hbs',
    ],
  ),
  DK0526: error<{ name: string; guess: string; known: readonly string[] }>(
    (p) => [`unknown label \`${p.name}\``, p.guess ? `did you mean \`${p.guess}\`?` : `known labels here: ${p.known.join(', ')}`],
    (p) => [
      `betegnelsen \`${p.name}\` kendes ikke`,
      p.guess ? `mente du \`${p.guess}\`?` : `kendte betegnelser her: ${p.known.join(', ')}`,
    ],
  ),
  DK0527: error<{ name: string; part: string; kind: 'text' | 'blocks' | 'items' | 'number' | 'flag' }>(
    (p) => [
      `\`${p.name}=\` of the part "${p.part}" must be ${ARG_KINDS[p.kind]?.en ?? p.kind}`,
      'docs/layouts.md lists each part and the arguments it takes',
    ],
    (p) => [
      `\`${p.name}=\` i delen "${p.part}" skal være ${ARG_KINDS[p.kind]?.da ?? p.kind}`,
      'docs/layouts.md viser hver del og de argumenter, den tager',
    ],
  ),
  DK0528: error<{ what: 'parts' | 'loops'; limit: number }>(
    (p) => [
      `the layout does too much work: more than ${p.limit} ${p.what === 'parts' ? 'parts' : 'passes through {{#each}}'}`,
      'a layout lists each part once; an {{#each}} inside another {{#each}} repeats everything inside it for every item',
    ],
    (p) => [
      `layoutet arbejder for meget: mere end ${p.limit} ${p.what === 'parts' ? 'dele' : 'gennemløb af {{#each}}'}`,
      'et layout nævner hver del én gang; en {{#each}} inde i en anden {{#each}} gentager alt indeni for hvert punkt',
    ],
  ),
} as const;
