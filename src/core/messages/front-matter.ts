import { error, orList, warning } from './define.js';
import {
  addressCharHint,
  addressCharPhrase,
  datePhrase,
  lookAlikeName,
  qrPhrase,
  unwantedPhrase,
  type DateReason,
  type UnwantedKind,
} from './phrases.js';

/**
 * DK01xx: the front matter (and any YAML Dialogkit reads): its syntax in the author's terms, its
 * keys, and the values of a topic's keys.
 */

type Noun = 'front matter' | 'settings';

const nounDa = (noun: Noun) => (noun === 'settings' ? 'indstillingerne' : 'forsiden (front matter)');

/** "put the value in quotes: `title: "…"`", when the line's key and value are known. */
const quoteHint = (quoted: string, lang: 'en' | 'da') =>
  lang === 'da'
    ? quoted === ''
      ? 'sæt værdien i anførselstegn'
      : `sæt værdien i anførselstegn: \`${quoted}\``
    : quoted === ''
      ? 'put the value in quotes'
      : `put the value in quotes: \`${quoted}\``;

const unitDa = (unit: 'minutes' | 'people') => (unit === 'people' ? 'personer' : 'minutter');

export const FRONT_MATTER_MESSAGES = {
  // --- YAML syntax ---
  DK0101: error<{ char: string; space: boolean }>(
    (p) => [
      `this line has ${lookAlikeName(p.char, 'en')}, which YAML does not read as ${p.space ? 'a space' : 'a quote'}`,
      p.space ? 'replace it with an ordinary space (indent with spaces only)' : 'type straight quotes " or \', or leave the quotes out',
    ],
    (p) => [
      `linjen har ${lookAlikeName(p.char, 'da')}, som YAML ikke læser som ${p.space ? 'et mellemrum' : 'et anførselstegn'}`,
      p.space
        ? 'skriv et almindeligt mellemrum i stedet (ryk kun ind med mellemrum)'
        : 'skriv lige anførselstegn " eller \', eller udelad dem',
    ],
  ),
  DK0102: error<{ key: string; first: number }>(
    (p) => [`a key is given twice: \`${p.key}\`${p.first > 0 ? ` (first at line ${p.first})` : ''}`, 'keep one of the two lines'],
    (p) => [
      `en nøgle står der to gange: \`${p.key}\`${p.first > 0 ? ` (første gang i linje ${p.first})` : ''}`,
      'behold kun den ene linje',
    ],
  ),
  DK0103: error<{ key: string; quoted: string }>(
    (p) => [`the value of \`${p.key}\` contains \`: \`, which YAML reads as the start of another key`, quoteHint(p.quoted, 'en')],
    (p) => [`værdien af \`${p.key}\` indeholder \`: \`, som YAML læser som begyndelsen på en ny nøgle`, quoteHint(p.quoted, 'da')],
  ),
  DK0104: error(
    () => [
      'this line is indented more than the line above it',
      'indent the keys of one map (such as `media:`) by the same number of spaces',
    ],
    () => [
      'linjen er rykket mere ind end linjen over den',
      'ryk nøglerne i én gruppe (som `media:`) lige langt ind, med lige mange mellemrum',
    ],
  ),
  DK0105: error<{ key: string; value: string }>(
    (p) => [`\`${p.key}:\` needs a space after the colon`, `write \`${p.key}: ${p.value}\``],
    (p) => [`\`${p.key}:\` skal have et mellemrum efter kolonet`, `skriv \`${p.key}: ${p.value}\``],
  ),
  DK0106: error(
    () => [
      'this line is not a `key: value` line',
      'write `key: value`; if it continues the value above, put that value in quotes on one line',
    ],
    () => [
      'linjen har ikke formen `nøgle: værdi`',
      'skriv `nøgle: værdi`; hører linjen til værdien ovenover, så skriv den værdi på én linje i anførselstegn',
    ],
  ),
  DK0107: error<{ char: string; closer: string; what: 'list' | 'map' | 'text'; quoted: string }>(
    (p) => [
      `the \`${p.char}\` here starts ${p.what === 'list' ? 'a list' : p.what === 'map' ? 'a map' : 'quoted text'} that is never closed with \`${p.closer}\``,
      p.what === 'text' ? `end the value with \`${p.closer}\`` : `close it, or ${quoteHint(p.quoted, 'en')}`,
    ],
    (p) => [
      `\`${p.char}\` her begynder ${p.what === 'list' ? 'en liste' : p.what === 'map' ? 'en gruppe' : 'en tekst i anførselstegn'}, som aldrig afsluttes med \`${p.closer}\``,
      p.what === 'text' ? `afslut værdien med \`${p.closer}\`` : `afslut den, eller ${quoteHint(p.quoted, 'da')}`,
    ],
  ),
  DK0108: error<{ quoted: string }>(
    (p) => [
      'the value starts with a quote, so it must also end with that quote; here text follows the closing quote',
      quoteHint(p.quoted, 'en'),
    ],
    (p) => [
      'værdien begynder med et anførselstegn og skal derfor også slutte med det; her står der tekst efter det afsluttende anførselstegn',
      quoteHint(p.quoted, 'da'),
    ],
  ),
  DK0109: error<{ char: string; quoted: string }>(
    (p) => [`a value cannot start with \`${p.char}\` without quotes`, quoteHint(p.quoted, 'en')],
    (p) => [`en værdi kan ikke begynde med \`${p.char}\` uden anførselstegn`, quoteHint(p.quoted, 'da')],
  ),
  DK0110: error<{ detail: string }>(
    (p) => [`the front matter is not valid YAML here (${p.detail})`, 'check indentation, and quote text that contains `:` or `#`'],
    (p) => [
      `forsiden (front matter) er ikke gyldig YAML her (${p.detail})`,
      'tjek indrykningen, og sæt tekst, der indeholder `:` eller `#`, i anførselstegn',
    ],
  ),
  DK0111: error(
    () => ['YAML aliases (`*name`) are not supported', 'write the value out in full'],
    () => ['YAML-henvisninger (`*navn`) kan ikke bruges', 'skriv værdien helt ud'],
  ),

  // --- the front matter as a whole ---
  DK0112: error(
    () => ['the front matter is not closed', 'end it with a line that holds only `---`'],
    () => ['forsiden (front matter) er ikke afsluttet', 'afslut den med en linje, der kun indeholder `---`'],
  ),
  DK0113: error(
    () => ['the file has no front matter', 'start the file with `---`, then `title:`, `duration:` and `participants:`, then `---`'],
    () => [
      'filen har ingen forside (front matter)',
      'begynd filen med `---`, derefter `title:`, `duration:` og `participants:`, og så `---`',
    ],
  ),
  DK0114: error(
    () => ['the front matter is empty', 'add at least `title:`, `duration:` and `participants:`'],
    () => ['forsiden (front matter) er tom', 'skriv mindst `title:`, `duration:` og `participants:`'],
  ),
  DK0115: error<{ name: string; noun: Noun }>(
    (p) => [
      `the opening line of the ${p.noun} must hold only \`---\``,
      `remove \`${p.name}\`: ${p.noun} ${p.noun === 'settings' ? 'are' : 'is'} always YAML`,
    ],
    (p) => [`første linje i ${nounDa(p.noun)} må kun indeholde \`---\``, `fjern \`${p.name}\`: ${nounDa(p.noun)} skrives altid i YAML`],
  ),
  DK0116: error<{ name: string; language: string; noun: Noun }>(
    (p) => {
      const plural = p.noun === 'settings';
      return [
        `${p.noun} in ${p.language || `\`${p.name}\``} ${plural ? 'are' : 'is'} not supported`,
        `write ${plural ? 'them' : 'it'} in YAML, between two lines that hold only \`---\` (the first without \`${p.name}\`)`,
      ];
    },
    (p) => [
      `${nounDa(p.noun)} kan ikke skrives i ${p.language || `\`${p.name}\``}`,
      `skriv ${p.noun === 'settings' ? 'dem' : 'den'} i YAML, mellem to linjer, der kun indeholder \`---\` (den første uden \`${p.name}\`)`,
    ],
  ),
  DK0117: error(
    () => ['the front matter must be a list of `key: value` lines'],
    () => ['forsiden (front matter) skal være linjer af formen `nøgle: værdi`'],
  ),
  DK0118: error<{ slug: string }>(
    (p) => [
      `the file name "${p.slug}" is not a valid slug, and no \`slug\` is given`,
      'add e.g. `slug: mit-emne` (a-z, 0-9 and hyphens) or rename the file',
    ],
    (p) => [
      `filnavnet "${p.slug}" kan ikke bruges som mappenavn (slug), og der er ingen \`slug\``,
      'tilføj fx `slug: mit-emne` (a-z, 0-9 og bindestreger), eller omdøb filen',
    ],
  ),
  DK0119: error<{ slug: string }>(
    (p) => [
      `the slug "${p.slug}" is the name of the download page's own folder in the output`,
      `choose another slug, e.g. \`slug: ${p.slug}-emne\``,
    ],
    (p) => [`slug'en "${p.slug}" er navnet på downloadsidens egen mappe`, `vælg en anden, fx \`slug: ${p.slug}-emne\``],
  ),
  DK0120: warning<{ url: string }>(
    (p) => [
      `\`media.url\` "${p.url}" is a placeholder, not a real address`,
      'replace it with the real address before the material is published',
    ],
    (p) => [`\`media.url\` "${p.url}" er en pladsholder, ikke en rigtig adresse`, 'skriv den rigtige adresse, før materialet udgives'],
  ),
  DK0121: warning<{ comment: string; key: string; whole: string }>(
    (p) => [
      `"${p.comment}" is read as a YAML comment and is not part of \`${p.key}\``,
      `put the whole value in quotes: \`${p.key}: "${p.whole}"\``,
    ],
    (p) => [
      `"${p.comment}" læses som en YAML-kommentar og hører ikke med til \`${p.key}\``,
      `sæt hele værdien i anførselstegn: \`${p.key}: "${p.whole}"\``,
    ],
  ),

  // --- keys and values, as the settings reader checks them (settings/read-settings.ts) ---
  DK0130: error<{ key: string; parent: string; noun: 'key' | 'setting'; odd: string; guess: string; known: readonly string[] }>(
    (p) => [
      `unknown ${p.noun} \`${p.key}\`${p.parent === '' ? '' : ` ${p.noun === 'key' ? 'in' : 'under'} \`${p.parent}\``}${p.odd ? ` (it contains ${lookAlikeName(p.odd, 'en')})` : ''}`,
      p.guess ? `did you mean \`${p.guess}\`?` : `known ${p.noun}s: ${p.known.join(', ')}`,
    ],
    (p) => [
      `${p.noun === 'key' ? 'nøglen' : 'indstillingen'} \`${p.key}\`${p.parent === '' ? '' : ` under \`${p.parent}\``} kendes ikke${p.odd ? ` (den indeholder ${lookAlikeName(p.odd, 'da')})` : ''}`,
      p.guess ? `mente du \`${p.guess}\`?` : `kendte ${p.noun === 'key' ? 'nøgler' : 'indstillinger'}: ${p.known.join(', ')}`,
    ],
  ),
  DK0131: error<{ name: string; key: string }>(
    (p) => [`\`${p.name}\` is missing`, `add a line \`${p.key}: …\``],
    (p) => [`\`${p.name}\` mangler`, `tilføj en linje \`${p.key}: …\``],
  ),
  DK0132: warning<{ name: string; kind: UnwantedKind; codePoint: string; spaced: boolean }>(
    (p) => [`\`${p.name}\`: ${unwantedPhrase(p, 'en')}`, 'delete the escape (`\\u…`, `\\x…`, `\\e`) from the value'],
    (p) => [`\`${p.name}\`: ${unwantedPhrase(p, 'da')}`, 'slet escape-koden (`\\u…`, `\\x…`, `\\e`) fra værdien'],
  ),
  DK0133: error<{ name: string }>(
    (p) => [`\`${p.name}\` must be text`],
    (p) => [`\`${p.name}\` skal være tekst`],
  ),
  DK0134: error<{ name: string }>(
    (p) => [`\`${p.name}\` is empty`, `write the ${p.name} after \`${p.name}:\``],
    (p) => [`\`${p.name}\` er tom`, `skriv værdien efter \`${p.name}:\``],
  ),
  DK0135: error<{ name: string; values: readonly string[]; got: string }>(
    (p) => [`\`${p.name}\` must be ${orList(p.values, 'en')}, not "${p.got}"`],
    (p) => [`\`${p.name}\` skal være ${orList(p.values, 'da')}, ikke "${p.got}"`],
  ),
  DK0136: error<{ name: string; min: number; max: number }>(
    (p) => [`\`${p.name}\` must be a whole number from ${p.min} to ${p.max}`],
    (p) => [`\`${p.name}\` skal være et helt tal fra ${p.min} til ${p.max}`],
  ),
  DK0137: error<{ name: string }>(
    (p) => [`\`${p.name}\` must be \`true\` or \`false\``],
    (p) => [`\`${p.name}\` skal være \`true\` eller \`false\``],
  ),
  DK0138: error<{ name: string; example: string }>(
    (p) => [`\`${p.name}\` must be a map of keys`, `write e.g. ${p.example}`],
    (p) => [`\`${p.name}\` skal være en gruppe af nøgler`, `skriv fx ${p.example}`],
  ),

  // --- a topic's keys (parse/parse-front-matter.ts) ---
  DK0140: error<{ name: string; key: string }>(
    () => ['`title` is missing', 'add a line `title: …` to the front matter'],
    () => ['`title` (titlen) mangler', 'tilføj en linje `title: …` i forsiden (front matter)'],
  ),
  DK0141: error<{ name: string; key: string }>(
    () => ['`duration` is missing', 'add the total time in minutes, e.g. `duration: 60` or `duration: "45-60"`'],
    () => ['`duration` (varigheden) mangler', 'skriv den samlede tid i minutter, fx `duration: 60` eller `duration: "45-60"`'],
  ),
  DK0142: error<{ name: string; key: string }>(
    () => ['`participants` is missing', 'add the group size, e.g. `participants: "4-20"`'],
    () => ['`participants` (antal deltagere) mangler', 'skriv gruppens størrelse, fx `participants: "4-20"`'],
  ),
  DK0143: error<{ name: string; key: string }>(
    () => ['`media.kind` is missing', 'write `kind: film`, `kind: podcast` or `kind: case`'],
    () => ['`media.kind` mangler', 'skriv `kind: film`, `kind: podcast` eller `kind: case`'],
  ),
  DK0144: error<{ name: string; key: string }>(
    () => ['`media.title` is missing', 'write the title of the film, podcast or case'],
    () => ['`media.title` mangler', 'skriv titlen på filmen, podcasten eller casen'],
  ),
  DK0145: error<{ name: string; unit: 'minutes' | 'people'; got: string; example: string }>(
    (p) => [`\`${p.name}\` must be a number of ${p.unit} or a range, not "${p.got}"`, `write e.g. ${p.example}`],
    (p) => [`\`${p.name}\` skal være et antal ${unitDa(p.unit)} eller et interval, ikke "${p.got}"`, `skriv fx ${p.example}`],
  ),
  DK0146: error<{ name: string; example: string }>(
    (p) => [`\`${p.name}\` must be a range from the smallest to the largest group`, `write e.g. ${p.example}`],
    (p) => [`\`${p.name}\` skal være et interval fra den mindste til den største gruppe`, `skriv fx ${p.example}`],
  ),
  DK0147: error<{ name: string; example: string }>(
    (p) => [`\`${p.name}\` must be at least 1`, `write e.g. ${p.example}`],
    (p) => [`\`${p.name}\` skal være mindst 1`, `skriv fx ${p.example}`],
  ),
  DK0148: error<{ name: string; text: string; min: number; max: number }>(
    (p) => [`\`${p.name}\` "${p.text}" goes backwards`, `write the smaller figure first: \`${p.name}: "${p.max}-${p.min}"\``],
    (p) => [`\`${p.name}\` "${p.text}" går baglæns`, `skriv det mindste tal først: \`${p.name}: "${p.max}-${p.min}"\``],
  ),
  DK0149: error<{ name: string; unit: 'minutes' | 'people'; min: number; max: number; largest: number }>(
    (p) => [
      `\`${p.name}\` goes up to ${p.max}; at most ${p.largest} ${p.unit} are supported`,
      `write e.g. \`${p.name}: "${p.min}-${p.largest}"\``,
    ],
    (p) => [
      `\`${p.name}\` går op til ${p.max}; højst ${p.largest} ${unitDa(p.unit)} er muligt`,
      `skriv fx \`${p.name}: "${p.min}-${p.largest}"\``,
    ],
  ),
  DK0150: error<{ name: string; text: string }>(
    (p) => [`\`${p.name}\` "${p.text}" may only hold a-z, 0-9 and single hyphens`, 'for example `slug: private-it-loesninger`'],
    (p) => [`\`${p.name}\` "${p.text}" må kun indeholde a-z, 0-9 og enkelte bindestreger`, 'fx `slug: private-it-loesninger`'],
  ),
  DK0151: error<{ name: string; text: string; reason: DateReason; first: string; last: string }>(
    (p) => [`\`${p.name}\` "${p.text}" ${datePhrase(p.reason, p.first, p.last, 'en')}`, 'write it as YYYY-MM-DD, e.g. `date: 2023-10-27`'],
    (p) => [`\`${p.name}\` "${p.text}" ${datePhrase(p.reason, p.first, p.last, 'da')}`, 'skriv den som ÅÅÅÅ-MM-DD, fx `date: 2023-10-27`'],
  ),
  DK0152: error<{ name: string; values: readonly string[]; got: string }>(
    (p) => [`\`${p.name}\` must be ${orList(p.values, 'en')}, not "${p.got}"`, 'write `kind: film`, `kind: podcast` or `kind: case`'],
    (p) => [`\`${p.name}\` skal være ${orList(p.values, 'da')}, ikke "${p.got}"`, 'skriv `kind: film`, `kind: podcast` eller `kind: case`'],
  ),
  DK0153: error<{ name: string; url: string; char: string }>(
    (p) => [`\`${p.name}\` "${p.url}" ${addressCharPhrase(p.char, 'en')}`, addressCharHint('en')],
    (p) => [`\`${p.name}\` "${p.url}" ${addressCharPhrase(p.char, 'da')}`, addressCharHint('da')],
  ),
  DK0154: error<{ name: string; url: string }>(
    (p) => [`\`${p.name}\` must be an http or https address, not "${p.url}"`, 'write e.g. `url: "https://www.borger.dk"`'],
    (p) => [`\`${p.name}\` skal være en http- eller https-adresse, ikke "${p.url}"`, 'skriv fx `url: "https://www.borger.dk"`'],
  ),
  DK0155: error<{ name: string; length: number; unit: 'characters' | 'bytes'; max: number }>(
    (p) => [
      `\`${p.name}\` ${qrPhrase(p.length, p.unit, p.max, 'en')}, so it cannot be printed as a QR code`,
      'use a shorter address for the same page (many sites offer a short link to share)',
    ],
    (p) => [
      `\`${p.name}\` ${qrPhrase(p.length, p.unit, p.max, 'da')}, så den kan ikke udskrives som QR-kode`,
      'brug en kortere adresse til samme side (mange sider tilbyder et kort link til deling)',
    ],
  ),
  DK0156: error<{ name: string; min: number; max: number }>(
    (p) => [`\`${p.name}\` must be a whole number from ${p.min} to ${p.max}`, 'write e.g. `minutes: 6`'],
    (p) => [`\`${p.name}\` skal være et helt tal fra ${p.min} til ${p.max}`, 'skriv fx `minutes: 6`'],
  ),
  DK0157: error<{ name: string; got: string }>(
    (p) => [`\`${p.name}\` can only be A4, not "${p.got}"`, 'write `tile: A4` or leave the key out'],
    (p) => [`\`${p.name}\` kan kun være A4, ikke "${p.got}"`, 'skriv `tile: A4`, eller udelad nøglen'],
  ),
  DK0158: error<{ name: string; got: string; guess: string }>(
    (p) => [
      `\`${p.name}\` must be none or write, not "${p.got}"`,
      p.guess ? `did you mean \`space: ${p.guess}\`?` : 'write `space: write` for room to write below the prompt, or leave the key out',
    ],
    (p) => [
      `\`${p.name}\` skal være none eller write, ikke "${p.got}"`,
      p.guess
        ? `mente du \`space: ${p.guess}\`?`
        : 'skriv `space: write` for at få plads til at skrive under spørgsmålet, eller udelad nøglen',
    ],
  ),
  DK0159: error<{ name: string; min: number; max: number }>(
    (p) => [`\`${p.name}\` must be a whole number from ${p.min} to ${p.max}`, 'write e.g. `cards: 20`'],
    (p) => [`\`${p.name}\` skal være et helt tal fra ${p.min} til ${p.max}`, 'skriv fx `cards: 20`'],
  ),
  DK0160: error<{ name: string; min: number; max: number }>(
    (p) => [`\`${p.name}\` must be a whole number from ${p.min} to ${p.max}`, 'write e.g. `dots: 1`'],
    (p) => [`\`${p.name}\` skal være et helt tal fra ${p.min} til ${p.max}`, 'skriv fx `dots: 1`'],
  ),
} as const;
