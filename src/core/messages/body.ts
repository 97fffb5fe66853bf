import { error, warning } from './define.js';
import { addressCharHint, addressCharPhrase } from './phrases.js';

/**
 * DK02xx: the body of a topic — its sections, steps, lists and Markdown, and slips of typing
 * that Markdown reads otherwise than meant.
 */

export const BODY_MESSAGES = {
  // --- sections ---
  DK0201: warning<{ about: string }>(
    (p) => ['text before the first `##` section is not printed', `put it under \`## ${p.about}\``],
    (p) => ['tekst før det første `##`-afsnit bliver ikke udskrevet', `flyt den ind under \`## ${p.about}\``],
  ),
  DK0202: warning<{ heading: string; named: string }>(
    (p) => [
      `\`## ${p.heading}\` is read as the section \`## ${p.named}\`; the words after "${p.named}" are not printed`,
      `write \`## ${p.named}\`, and put the rest in the section's text`,
    ],
    (p) => [
      `\`## ${p.heading}\` læses som afsnittet \`## ${p.named}\`; ordene efter "${p.named}" bliver ikke udskrevet`,
      `skriv \`## ${p.named}\`, og flyt resten ned i afsnittets tekst`,
    ],
  ),
  DK0203: error<{ name: string; first: number }>(
    (p) => [`the section \`## ${p.name}\` appears twice (first at line ${p.first})`, 'merge the two sections into one'],
    (p) => [`afsnittet \`## ${p.name}\` står der to gange (første gang i linje ${p.first})`, 'saml de to afsnit til ét'],
  ),
  DK0204: error<{ limit: number }>(
    (p) => [`a topic has at most ${p.limit} steps; this is one more`, 'merge steps, or split the topic in two'],
    (p) => [`et emne kan højst have ${p.limit} trin; dette er ét for meget`, 'slå trin sammen, eller del emnet i to'],
  ),
  DK0205: warning<{ heading: string; guess: string }>(
    (p) => [`unknown section \`## ${p.heading}\` is printed as it stands`, `did you mean \`## ${p.guess}\`?`],
    (p) => [`afsnittet \`## ${p.heading}\` kendes ikke og udskrives, som det står`, `mente du \`## ${p.guess}\`?`],
  ),
  DK0206: warning<{ heading: string; legal: string }>(
    (p) => [
      `\`## ${p.heading}\` ends the legal background: it and what follows are printed in the guide, not in the handout`,
      `write \`### ${p.heading}\` to keep it in the legal background, or move it before \`## ${p.legal}\``,
    ],
    (p) => [
      `\`## ${p.heading}\` afslutter den juridiske baggrund: afsnittet og det, der følger, udskrives i drejebogen, ikke i uddelingsarket`,
      `skriv \`### ${p.heading}\` for at beholde det i den juridiske baggrund, eller flyt det op før \`## ${p.legal}\``,
    ],
  ),
  DK0207: error<{ name: string }>(
    (p) => [`the section \`## ${p.name}\` is missing`, "add it with the topic's guiding questions as a list"],
    (p) => [`afsnittet \`## ${p.name}\` mangler`, 'tilføj det med emnets dialogspørgsmål som en liste'],
  ),
  DK0208: error<{ name: string }>(
    (p) => [`the section \`## ${p.name}\` is missing`, 'add it with one list item per thing to prepare'],
    (p) => [`afsnittet \`## ${p.name}\` mangler`, 'tilføj det med ét punkt for hver ting, der skal forberedes'],
  ),
  DK0209: error<{ stepWord: string }>(
    (p) => ['the topic has no steps', `add at least one \`## ${p.stepWord} 1 (10 min): …\` section`],
    (p) => ['emnet har ingen trin', `tilføj mindst ét afsnit \`## ${p.stepWord} 1 (10 min): …\``],
  ),
  DK0210: warning<{ name: string }>(
    (p) => [
      `the section \`## ${p.name}\` is missing; the handout will have no legal background`,
      `add \`## ${p.name}\` with the legal background participants are handed`,
    ],
    (p) => [
      `afsnittet \`## ${p.name}\` mangler; uddelingsarket får ingen juridisk baggrund`,
      `tilføj \`## ${p.name}\` med den juridiske baggrund, deltagerne får udleveret`,
    ],
  ),
  DK0211: error<{ heading: string; name: string }>(
    (p) => [`the section \`## ${p.heading}\` is not known, and \`## ${p.name}\` is missing`, `did you mean \`## ${p.name}\`?`],
    (p) => [`afsnittet \`## ${p.heading}\` kendes ikke, og \`## ${p.name}\` mangler`, `mente du \`## ${p.name}\`?`],
  ),
  DK0212: warning<{ name: string }>(
    (p) => [`only list items are printed under \`${p.name}\`; this text is left out`, 'write it as a list item: `- …`'],
    (p) => [`under \`${p.name}\` udskrives kun punkter i en liste; denne tekst udelades`, 'skriv den som et punkt: `- …`'],
  ),
  DK0213: error<{ name: string; what: 'guiding' | 'preparation' }>(
    (p) => [
      `\`${p.name}\` has no list`,
      `write ${p.what === 'guiding' ? 'the guiding questions' : 'one item per thing to prepare'} as list items, each starting with \`- \``,
    ],
    (p) => [
      `\`${p.name}\` har ingen liste`,
      `skriv ${p.what === 'guiding' ? 'dialogspørgsmålene' : 'ét punkt for hver ting, der skal forberedes,'} som en liste, hvor hvert punkt begynder med \`- \``,
    ],
  ),

  // --- steps ---
  DK0220: error<{ stepWord: string; heading: string; paren: boolean; bareMinutes: boolean; example: string }>(
    (p) => [
      `${p.paren ? 'the step heading is not in the form' : 'the step heading has no minutes'} \`${p.stepWord} N (M min): Title\`: "${p.heading}"`,
      p.bareMinutes ? `write the minutes with "min": ${p.example}` : `write the step as ${p.example}`,
    ],
    (p) => [
      `${p.paren ? 'overskriften for trinnet har ikke formen' : 'overskriften for trinnet har ingen minutter; den skal have formen'} \`${p.stepWord} N (M min): Titel\`: "${p.heading}"`,
      p.bareMinutes ? `skriv minutterne med "min": ${p.example}` : `skriv trinnet som ${p.example}`,
    ],
  ),
  DK0221: error<{ stepWord: string; number: number }>(
    (p) => [`${p.stepWord} ${p.number} lasts 0 minutes`, 'give the step its time in minutes, e.g. `(8 min)`'],
    (p) => [`${p.stepWord} ${p.number} varer 0 minutter`, 'giv trinnet dets tid i minutter, fx `(8 min)`'],
  ),
  DK0222: error<{ stepWord: string; number: number; example: string }>(
    (p) => [`${p.stepWord} ${p.number} has no title`, `write a title after the colon: ${p.example}`],
    (p) => [`${p.stepWord} ${p.number} har ingen titel`, `skriv en titel efter kolonet: ${p.example}`],
  ),
  DK0223: error<{ name: string }>(
    (p) => [`\`### ${p.name}\` must be followed by a list`, 'write each item on its own line, starting with `- `'],
    (p) => [`\`### ${p.name}\` skal efterfølges af en liste`, 'skriv hvert punkt på sin egen linje, begyndende med `- `'],
  ),
  DK0224: warning<{ heading: string; guess: string }>(
    (p) => [`\`### ${p.heading}\` is printed as an ordinary heading`, `did you mean \`### ${p.guess}\`?`],
    (p) => [`\`### ${p.heading}\` udskrives som en almindelig overskrift`, `mente du \`### ${p.guess}\`?`],
  ),
  DK0225: warning(
    () => ['this text stands among list items and is printed as an instruction', 'put instructions before the `###` heading'],
    () => ['teksten står mellem punkterne i en liste og udskrives som en instruktion', 'skriv instruktioner før `###`-overskriften'],
  ),
  DK0226: error<{ limit: number; sheet: number }>(
    (p) => [
      `a topic has at most ${p.limit} flip-chart sheets; this is sheet ${p.sheet}`,
      'keep the prompts for the flip chart few and short; put the rest under `### Dialogspørgsmål`',
    ],
    (p) => [
      `et emne kan højst have ${p.limit} flipover-ark; dette er ark nr. ${p.sheet}`,
      'hold flipover-spørgsmålene få og korte; skriv resten under `### Dialogspørgsmål`',
    ],
  ),
  DK0227: error(
    () => ['a flip-chart item is empty', 'write the question after `- `'],
    () => ['et punkt til flipover er tomt', 'skriv spørgsmålet efter `- `'],
  ),
  DK0228: error<{ stepWord: string; number: number; expected: number; missing: boolean }>(
    (p) => [
      `steps must be numbered 1, 2, 3 … in order: ${p.missing ? `${p.stepWord} ${p.expected} is missing` : `${p.stepWord} ${p.number} comes again or out of order`}`,
      `number this step ${p.expected}`,
    ],
    (p) => [
      `trinnene skal nummereres 1, 2, 3 … i rækkefølge: ${p.missing ? `${p.stepWord} ${p.expected} mangler` : `${p.stepWord} ${p.number} kommer igen eller i forkert rækkefølge`}`,
      `giv dette trin nummer ${p.expected}`,
    ],
  ),

  // --- Markdown ---
  DK0230: warning(
    () => ['this heading has no text and is left out', "write the heading's words after the `#` marks, or delete the line"],
    () => ['overskriften har ingen tekst og udelades', 'skriv overskriftens ord efter `#`-tegnene, eller slet linjen'],
  ),
  DK0231: warning(
    () => ['the tip is empty and is left out', 'write the tip after `**Tip:**`, or delete the line'],
    () => ['tippet er tomt og udelades', 'skriv tippet efter `**Tip:**`, eller slet linjen'],
  ),
  DK0232: warning(
    () => ['a code block is printed as plain text', 'write it as an ordinary paragraph'],
    () => ['en kodeblok udskrives som almindelig tekst', 'skriv den som et almindeligt afsnit'],
  ),
  DK0233: warning(
    () => ['tables are not supported and are left out', 'write the content as a list'],
    () => ['tabeller kan ikke bruges og udelades', 'skriv indholdet som en liste'],
  ),
  DK0234: warning(
    () => ['HTML is not printed', 'use Markdown: **bold**, *italic*, [text](https://…)'],
    () => ['HTML bliver ikke udskrevet', 'brug Markdown: **fed**, *kursiv*, [tekst](https://…)'],
  ),
  DK0235: warning<{ type: string }>(
    (p) => [`unsupported Markdown (${p.type}) is left out`],
    (p) => [`Markdown af typen ${p.type} kan ikke bruges og udelades`],
  ),
  DK0236: warning<{ extra: number }>(
    (p) => [
      `this item is indented by ${p.extra === 1 ? 'one space' : `${p.extra} spaces`} more than the list, which is not enough to put it under the item before: it is printed as an item of its own`,
      'indent a line that belongs under an item by two spaces more, or start it at the same place as the others',
    ],
    (p) => [
      `punktet er rykket ${p.extra === 1 ? 'ét mellemrum' : `${p.extra} mellemrum`} mere ind end listen, og det er ikke nok til at komme under punktet før: det udskrives som et punkt for sig`,
      'ryk en linje, der hører under et punkt, to mellemrum mere ind, eller begynd den samme sted som de andre',
    ],
  ),
  DK0237: warning<{ href: string }>(
    (p) => [
      `the link "${p.href}" is a placeholder, not a real address`,
      'replace it with the real address before the material is published',
    ],
    (p) => [`linket "${p.href}" er en pladsholder, ikke en rigtig adresse`, 'skriv den rigtige adresse, før materialet udgives'],
  ),
  DK0238: error<{ href: string; char: string }>(
    (p) => [`the link "${p.href}" ${addressCharPhrase(p.char, 'en')}`, addressCharHint('en')],
    (p) => [`linket "${p.href}" ${addressCharPhrase(p.char, 'da')}`, addressCharHint('da')],
  ),
  DK0239: error<{ href: string }>(
    (p) => [
      `the link "${p.href}" is not an http, https or mailto address`,
      'write a full address, e.g. [borger.dk](https://www.borger.dk)',
    ],
    (p) => [
      `linket "${p.href}" er ikke en http-, https- eller mailto-adresse`,
      'skriv en hel adresse, fx [borger.dk](https://www.borger.dk)',
    ],
  ),
  DK0240: warning(
    () => ['images are not printed; only their text is kept', 'describe the picture in words'],
    () => ['billeder udskrives ikke; kun deres tekst kommer med', 'beskriv billedet med ord'],
  ),
  DK0241: warning<{ html: string }>(
    (p) => [`HTML "${p.html}" is not printed`, 'use Markdown instead of HTML'],
    (p) => [`HTML-koden "${p.html}" bliver ikke udskrevet`, 'brug Markdown i stedet for HTML'],
  ),

  // --- slips of typing ---
  DK0250: warning<{ shown: string; rest: string }>(
    (p) => [
      `"${p.shown}" has no space after the dash, so it is no list item: it is printed as part of the text before it`,
      `write \`- ${p.rest}\``,
    ],
    (p) => [
      `"${p.shown}" har intet mellemrum efter bindestregen og er derfor ikke et punkt i en liste: det udskrives som en del af teksten før`,
      `skriv \`- ${p.rest}\``,
    ],
  ),
  DK0251: warning<{ marks: string; text: string }>(
    (p) => [
      `\`${p.marks}${p.text}\` has no space after \`${p.marks}\`, so it is no heading: it is printed as text`,
      `write \`${p.marks} ${p.text.trim()}\``,
    ],
    (p) => [
      `\`${p.marks}${p.text}\` har intet mellemrum efter \`${p.marks}\` og er derfor ikke en overskrift: det udskrives som tekst`,
      `skriv \`${p.marks} ${p.text.trim()}\``,
    ],
  ),
  DK0252: warning(
    () => [
      'a space between `]` and `(` makes this link print as text, with its address in brackets',
      'write the link without the space: `[text](https://…)`',
    ],
    () => [
      'et mellemrum mellem `]` og `(` gør, at linket udskrives som tekst med adressen i parentes',
      'skriv linket uden mellemrummet: `[tekst](https://…)`',
    ],
  ),
  DK0253: error<{ text: string }>(
    (p) => [
      `a level-1 heading ("# ${p.text}") is not allowed in the body`,
      'the title belongs in the front matter as `title:`; use `##` for sections',
    ],
    (p) => [
      `en overskrift på niveau 1 ("# ${p.text}") kan ikke bruges i teksten`,
      'titlen skrives i forsiden (front matter) som `title:`; brug `##` til afsnit',
    ],
  ),
} as const;
