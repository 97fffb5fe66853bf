import { error, warning } from './define.js';

/**
 * DK03xx: checks that look at a topic as a whole, across topics, and at what the products made of
 * it (a prompt too long for its sheet, text a PDF did not print, a font without a character).
 */

type Medium = 'film' | 'podcast' | 'case';
const a = (medium: Medium, lang: 'en' | 'da') => `${lang === 'da' ? 'en' : 'a'} ${medium}`;
const theDa = (medium: string) => `${medium}${medium.endsWith('e') ? 'n' : 'en'}`;

/** Where a session length came from: `--duration` on the command line, or an adaptation file's `duration`. */
type Source = 'option' | 'adaptation';
const said = (source: Source) => (source === 'option' ? '--duration' : '`duration`');

type ScreenPart = 'step' | 'prompt' | 'case';
const screenPart = (p: { part: ScreenPart; number: number }, lang: 'en' | 'da') => {
  if (lang === 'da')
    return p.part === 'step'
      ? `skærmbilledet for trin ${p.number}`
      : p.part === 'prompt'
        ? `et flipover-spørgsmål i trin ${p.number}`
        : 'casen';
  return p.part === 'step' ? `step ${p.number}'s view` : p.part === 'prompt' ? `a flip-chart prompt of step ${p.number}` : 'the case';
};

export const CHECK_MESSAGES = {
  DK0301: error<{ slug: string; other: string }>(
    (p) => [`the slug "${p.slug}" is already used by ${p.other}`, 'give one of the topics another `slug:` in its front matter'],
    (p) => [`slug'en "${p.slug}" bruges allerede af ${p.other}`, 'giv et af emnerne en anden `slug:` i forsiden (front matter)'],
  ),
  DK0302: warning<{ name: string }>(
    (p) => [
      `the topic's medium is a case, but there is no \`## ${p.name}\` section: the handout has no case to read`,
      `add \`## ${p.name}\` with the case text`,
    ],
    (p) => [
      `emnets medie er en case, men der er intet afsnit \`## ${p.name}\`: uddelingsarket har ingen case at læse`,
      `tilføj \`## ${p.name}\` med casens tekst`,
    ],
  ),
  DK0303: warning<{ total: number; min: number; max: number }>(
    (p) => [
      `the steps add up to ${p.total} minutes, but \`duration\` promises ${p.min === p.max ? `${p.min} minutes` : `${p.min}–${p.max} minutes`}`,
      p.total < p.min
        ? `lengthen the steps, or set \`duration: "${p.total}-${p.max}"\``
        : `shorten the steps, or set \`duration: "${p.min}-${p.total}"\``,
    ],
    (p) => [
      `trinnene varer tilsammen ${p.total} minutter, men \`duration\` lover ${p.min === p.max ? `${p.min} minutter` : `${p.min}–${p.max} minutter`}`,
      p.total < p.min
        ? `gør trinnene længere, eller skriv \`duration: "${p.total}-${p.max}"\``
        : `gør trinnene kortere, eller skriv \`duration: "${p.min}-${p.total}"\``,
    ],
  ),
  DK0304: warning<{ found: string; placeholder: string; label: string }>(
    (p) => [
      `"${p.found}" states the session's length in words; a kit made for another length (--duration, an adaptation) would contradict it`,
      `write ${p.placeholder} where the length goes, e.g. \`**${p.label}:** ${p.placeholder}.\`: it prints the kit's own length`,
    ],
    (p) => [
      `"${p.found}" angiver mødets længde med ord; et sæt lavet til en anden længde (--duration, en tilpasning) ville sige noget andet`,
      `skriv ${p.placeholder}, hvor længden skal stå, fx \`**${p.label}:** ${p.placeholder}.\`: så udskrives sættets egen længde`,
    ],
  ),
  DK0305: warning<{ found: string; placeholder: string }>(
    (p) => [
      `"${p.found}" states the group size in figures; a kit made for another group (--participants) would contradict it`,
      `write ${p.placeholder} where the figures go: it prints the kit's own group size`,
    ],
    (p) => [
      `"${p.found}" angiver gruppens størrelse med tal; et sæt lavet til en anden gruppe (--participants) ville sige noget andet`,
      `skriv ${p.placeholder}, hvor tallene skal stå: så udskrives sættets egen gruppestørrelse`,
    ],
  ),
  DK0306: warning<{ written: string; guess: string }>(
    (p) => [`\`${p.written}\` is printed as written: it is not a placeholder`, `did you mean \`{${p.guess}}\`?`],
    (p) => [`\`${p.written}\` udskrives, som det står: det er ikke en pladsholder`, `mente du \`{${p.guess}}\`?`],
  ),
  DK0307: warning<{ marker: string }>(
    (p) => [`"${p.marker}" marks a text still to be written`, 'write this text, and remove the marker'],
    (p) => [`"${p.marker}" markerer en tekst, der endnu ikke er skrevet`, 'skriv teksten, og fjern markeringen'],
  ),
  DK0308: warning<{ char: string; codePoint: string; invisible: boolean; files: readonly string[] }>(
    (p) => [
      `${p.invisible ? `${p.codePoint}, an invisible character,` : `"${p.char}" (${p.codePoint})`} is not in the font and prints as an empty box in ${p.files.join(', ')}, which are therefore not marked PDF/UA or PDF/A`,
      p.invisible
        ? 'delete it (it is often pasted in with text from other programs)'
        : 'write it in words, or use a letter, digit or common punctuation mark instead',
    ],
    (p) => [
      `${p.invisible ? `${p.codePoint}, et usynligt tegn,` : `"${p.char}" (${p.codePoint})`} findes ikke i skrifttypen og udskrives som en tom firkant i ${p.files.join(', ')}, som derfor ikke mærkes PDF/UA eller PDF/A`,
      p.invisible
        ? 'slet det (det kommer ofte med, når tekst kopieres fra andre programmer)'
        : 'skriv det med ord, eller brug et bogstav, et tal eller et almindeligt tegn i stedet',
    ],
  ),
  DK0309: warning<{ word: string; own: Medium; other: Medium }>(
    (p) => [
      `the text speaks of "${p.word}", but this topic's medium is ${a(p.own, 'en')} (media.kind: ${p.own})`,
      `write about the ${p.own} here, or change \`media.kind\` if the topic really uses ${a(p.other, 'en')}`,
    ],
    (p) => [
      `teksten taler om "${p.word}", men emnets medie er ${a(p.own, 'da')} (media.kind: ${p.own})`,
      `skriv om ${theDa(p.own)} her, eller ret \`media.kind\`, hvis emnet virkelig bruger ${a(p.other, 'da')}`,
    ],
  ),
  DK0310: warning<{ word: string; title: string; file: string; own: string }>(
    (p) => [
      `this step speaks of "${p.word}", which belongs to another topic, "${p.title}" (${p.file}); copied from its guide?`,
      `rewrite the sentence for "${p.own}", or delete it`,
    ],
    (p) => [
      `trinnet taler om "${p.word}", som hører til et andet emne, "${p.title}" (${p.file}); er det kopieret fra dets drejebog?`,
      `skriv sætningen om, så den passer til "${p.own}", eller slet den`,
    ],
  ),
  DK0311: error<{ source: Source; total: number; shortest: number }>(
    (p) => [
      `${said(p.source)} ${p.total} cannot be met: the adaptation gives every step its minutes, and they add up to ${p.shortest}`,
      `leave out one step's \`minutes\` so it takes up the rest, or give duration ${p.shortest}`,
    ],
    (p) => [
      `${said(p.source)} ${p.total} kan ikke nås: tilpasningen giver hvert trin dets minutter, og de giver tilsammen ${p.shortest}`,
      `udelad \`minutes\` for ét trin, så det får resten af tiden, eller angiv varigheden ${p.shortest}`,
    ],
  ),
  DK0312: error<{ source: Source; total: number; steps: number; shortest: number; range: string; media: string; mediaMinutes: number }>(
    (p) => [
      `${said(p.source)} ${p.total} is shorter than the topic can be: ${p.steps} steps of at least 1 minute${p.mediaMinutes ? ` and the ${p.media}'s ${p.mediaMinutes}` : ''} need ${p.shortest} minutes`,
      `give at least --duration ${p.shortest}; the topic is written for ${p.range} minutes`,
    ],
    (p) => [
      `${said(p.source)} ${p.total} er kortere, end emnet kan blive: ${p.steps} trin på mindst 1 minut${p.mediaMinutes ? ` og ${theDa(p.media)}s ${p.mediaMinutes}` : ''} kræver ${p.shortest} minutter`,
      `angiv mindst --duration ${p.shortest}; emnet er skrevet til ${p.range} minutter`,
    ],
  ),
  DK0313: warning<{ source: Source; total: number; range: string }>(
    (p) => [
      `${said(p.source)} ${p.total} is far from the ${p.range} minutes the topic is written for`,
      'the steps are scaled all the same; check that each step still has time for its task',
    ],
    (p) => [
      `${said(p.source)} ${p.total} ligger langt fra de ${p.range} minutter, emnet er skrevet til`,
      'trinnene skaleres alligevel; tjek, at hvert trin stadig har tid til sin opgave',
    ],
  ),
  DK0320: warning<{ size: string }>(
    (p) => [
      `the flip-chart prompt is too long to fit the sheet at the minimum size (${p.size} pt)`,
      'shorten the prompt, move detail into a nested list item, or choose a larger `flipover.size`',
    ],
    (p) => [
      `flipover-spørgsmålet er for langt til arket, selv med den mindste skriftstørrelse (${p.size} pt)`,
      'gør spørgsmålet kortere, flyt detaljer ned i et underpunkt, eller vælg en større `flipover.size`',
    ],
  ),
  DK0321: warning<{ word: string; size: string }>(
    (p) => [
      `the word "${p.word}" is too long for the sheet even at the minimum size (${p.size} pt); it is broken with a hyphen`,
      'write it as two words or with a hyphen where it should break, or choose a larger `flipover.size`',
    ],
    (p) => [
      `ordet "${p.word}" er for langt til arket, selv med den mindste skriftstørrelse (${p.size} pt); det deles med en bindestreg`,
      'skriv det som to ord eller med en bindestreg, hvor det skal deles, eller vælg en større `flipover.size`',
    ],
  ),
  DK0322: warning<{ pages: number; steps: number }>(
    (p) => [
      `the run sheet needs ${p.pages} pages for ${p.steps} steps, even in its smallest type; the table's head is repeated on each page`,
      'a run sheet holds about 20 steps on one A4 page; join short steps, or print it on two pages',
    ],
    (p) => [
      `køreplanen fylder ${p.pages} sider med ${p.steps} trin, selv med den mindste skrift; tabellens overskrifter gentages på hver side`,
      'en køreplan kan rumme omkring 20 trin på én A4-side; slå korte trin sammen, eller udskriv den på to sider',
    ],
  ),
  DK0323: error<{ product: string; offPage: boolean; missing: number; expected: number; sample: string }>(
    (p) => [
      p.offPage
        ? `${p.product} prints part of this past the paper's edge: ${p.missing} of ${p.expected} characters of "${p.sample}"`
        : `${p.product} does not print all of this: ${p.missing} of ${p.expected} characters of "${p.sample}" were not drawn`,
      p.offPage
        ? 'a word too long for its column or footer pushes the text off the page; shorten it or add spaces, and report this as a Dialogkit bug'
        : 'pdfmake drops a block kept together on one page when it is taller than a page; shorten or split the block, and report this as a Dialogkit bug',
    ],
    (p) => [
      p.offPage
        ? `${p.product} udskriver en del af dette uden for papirets kant: ${p.missing} af ${p.expected} tegn af "${p.sample}"`
        : `${p.product} udskriver ikke alt dette: ${p.missing} af ${p.expected} tegn af "${p.sample}" kom ikke med`,
      p.offPage
        ? 'et ord, der er for langt til sin kolonne eller sidefod, skubber teksten ud over kanten; gør det kortere eller sæt mellemrum ind, og meld det som en fejl i Dialogkit'
        : 'en blok, der skal holdes samlet på én side, men er højere end en side, udelades; gør blokken kortere eller del den, og meld det som en fejl i Dialogkit',
    ],
  ),
  DK0324: warning<{ part: ScreenPart; number: number; length: number; limit: number }>(
    (p) => [
      `${screenPart(p, 'en')} is ${p.length} characters: more than the screen edition shows at a readable size (about ${p.limit}), so it will scroll on the screen`,
      'shorten it, or split it over more questions or prompts',
    ],
    (p) => [
      `${screenPart(p, 'da')} har ${p.length} tegn: mere end skærmudgaven kan vise i en læselig størrelse (omkring ${p.limit}), så teksten må rulle på skærmen`,
      'gør teksten kortere, eller fordel den på flere spørgsmål',
    ],
  ),
  DK0325: warning<{ char: string; codePoint: string; option: string; files: readonly string[] }>(
    (p) => [
      `"${p.char}" (${p.codePoint}) in ${p.option} is not in the fonts and prints as an empty box in ${p.files.join(', ')}, which are therefore not marked PDF/UA or PDF/A`,
      `write ${p.option} without it, in letters, digits or common punctuation`,
    ],
    (p) => [
      `"${p.char}" (${p.codePoint}) i ${p.option} findes ikke i skrifttyperne og udskrives som en tom firkant i ${p.files.join(', ')}, som derfor ikke mærkes PDF/UA eller PDF/A`,
      `skriv ${p.option} uden tegnet, med bogstaver, tal eller almindelige tegn`,
    ],
  ),
} as const;
