import { error, orList, warning } from './define.js';
import { datePhrase, type DateReason } from './phrases.js';

/** DK04xx: adaptation files (`--adapt`, the download page's kit): their keys and what they ask of the topic. */

export const ADAPT_MESSAGES = {
  DK0401: error(
    () => ['the adaptation file is larger than 256 KB', 'an adaptation is a few lines; check the file'],
    () => ['tilpasningsfilen er større end 256 KB', 'en tilpasning er få linjer; tjek filen'],
  ),
  DK0402: error(
    () => ['the adaptation file must be a map of keys', 'start with a line `topic: <slug>`; see docs/adapt.md'],
    () => ['tilpasningsfilen skal bestå af linjer med `nøgle: værdi`', 'begynd med en linje `topic: <slug>`; se docs/adapt.md'],
  ),
  DK0403: error<{ name: string; key: string }>(
    () => ['`topic` is missing', 'add a line `topic: <slug>` naming the topic the file adapts'],
    () => ['`topic` mangler', 'tilføj en linje `topic: <slug>`, der nævner det emne, filen tilpasser'],
  ),
  DK0404: error<{ name: string; text: string }>(
    (p) => [`\`${p.name}\` "${p.text}" is not a topic slug`, 'write the topic folder name, e.g. `private-it-loesninger`'],
    (p) => [`\`${p.name}\` "${p.text}" er ikke et emnes slug`, 'skriv emnets mappenavn, fx `private-it-loesninger`'],
  ),
  DK0405: error<{ name: string; values: readonly string[]; got: string }>(
    (p) => [
      `\`${p.name}\` must be ${orList(p.values, 'en')}, not "${p.got}"`,
      '`before` when the group has seen or heard it before the meeting',
    ],
    (p) => [`\`${p.name}\` skal være ${orList(p.values, 'da')}, ikke "${p.got}"`, '`before`, når gruppen har set eller hørt det før mødet'],
  ),
  DK0406: error<{ name: string; text: string }>(
    (p) => [`\`${p.name}\` "${p.text}" is not a time`, 'write HH:MM, e.g. 13:00'],
    (p) => [`\`${p.name}\` "${p.text}" er ikke et klokkeslæt`, 'skriv TT:MM, fx 13:00'],
  ),
  DK0407: error<{ name: string; min: number; max: number }>(
    (p) => [`\`${p.name}\` must be a whole number from ${p.min} to ${p.max}`, 'the session in minutes, e.g. 45'],
    (p) => [`\`${p.name}\` skal være et helt tal fra ${p.min} til ${p.max}`, 'mødets længde i minutter, fx 45'],
  ),
  DK0408: error<{ name: string; min: number; max: number }>(
    (p) => [`\`${p.name}\` must be a whole number from ${p.min} to ${p.max}`, 'the number of participants, e.g. 12'],
    (p) => [`\`${p.name}\` skal være et helt tal fra ${p.min} til ${p.max}`, 'antallet af deltagere, fx 12'],
  ),
  DK0409: error<{ name: string }>(
    (p) => [`\`${p.name}\` must be a map of step numbers`, 'write e.g. `steps:` and below it `  2: { minutes: 10 }`'],
    (p) => [`\`${p.name}\` skal være en gruppe med trinnenes numre`, 'skriv fx `steps:` og under det `  2: { minutes: 10 }`'],
  ),
  DK0410: error<{ name: string; min: number; max: number }>(
    (p) => [`\`${p.name}\` must be a whole number from ${p.min} to ${p.max}`, 'the step in whole minutes, e.g. 10'],
    (p) => [`\`${p.name}\` skal være et helt tal fra ${p.min} til ${p.max}`, 'trinnets længde i hele minutter, fx 10'],
  ),
  DK0411: error<{ name: string }>(
    (p) => [`\`${p.name}\` must be a list of texts`, 'write e.g. `["Hvad gør vi, når …?"]`, or one text per line starting with `- `'],
    (p) => [
      `\`${p.name}\` skal være en liste af tekster`,
      'skriv fx `["Hvad gør vi, når …?"]`, eller én tekst pr. linje, der begynder med `- `',
    ],
  ),
  DK0412: error<{ name: string }>(
    (p) => [`\`${p.name}\` has an empty text`, 'write the question or prompt, or leave the line out'],
    (p) => [`\`${p.name}\` har en tom tekst`, 'skriv spørgsmålet, eller udelad linjen'],
  ),
  DK0413: error<{ name: string; max: number }>(
    (p) => [`\`${p.name}\` has a text longer than ${p.max} characters`, 'keep each question or prompt short'],
    (p) => [`\`${p.name}\` har en tekst på mere end ${p.max} tegn`, 'hold hvert spørgsmål kort'],
  ),
  DK0414: error<{ name: string; max: number }>(
    (p) => [`\`${p.name}\` lists more than ${p.max} texts`, 'keep the list to what the group can use'],
    (p) => [`\`${p.name}\` har mere end ${p.max} tekster`, 'begræns listen til det, gruppen kan nå'],
  ),
  DK0416: error<{ name: string }>(
    (p) => [`\`${p.name}\` is empty`, 'write the text, or leave the line out'],
    (p) => [`\`${p.name}\` er tom`, 'skriv teksten, eller udelad linjen'],
  ),
  DK0417: error<{ name: string; max: number }>(
    (p) => [`\`${p.name}\` is longer than ${p.max} characters`],
    (p) => [`\`${p.name}\` er længere end ${p.max} tegn`],
  ),
  DK0418: error<{ name: string; text: string; reason: DateReason; first: string; last: string }>(
    (p) => [`\`${p.name}\` "${p.text}" ${datePhrase(p.reason, p.first, p.last, 'en')}`, 'write YYYY-MM-DD, e.g. 2027-01-15'],
    (p) => [`\`${p.name}\` "${p.text}" ${datePhrase(p.reason, p.first, p.last, 'da')}`, 'skriv ÅÅÅÅ-MM-DD, fx 2027-01-15'],
  ),
  DK0419: error<{ limit: number }>(
    (p) => [`\`steps\` lists more than ${p.limit} steps`, 'list only the steps you change'],
    (p) => [`\`steps\` nævner mere end ${p.limit} trin`, 'nævn kun de trin, du ændrer'],
  ),
  DK0420: error<{ key: string }>(
    (p) => [`\`steps\` has \`${p.key}\`, which is not a step number`, 'name a step by its number, e.g. `2:`'],
    (p) => [`\`steps\` har \`${p.key}\`, som ikke er et trins nummer`, 'angiv et trin med dets nummer, fx `2:`'],
  ),
  DK0421: error<{ number: number }>(
    (p) => [`step ${p.number} must be a map of changes`, `write e.g. \`${p.number}: { minutes: 10 }\` or \`${p.number}: { skip: true }\``],
    (p) => [
      `trin ${p.number} skal være en gruppe af ændringer`,
      `skriv fx \`${p.number}: { minutes: 10 }\` eller \`${p.number}: { skip: true }\``,
    ],
  ),
  DK0422: error<{ other: string; slug: string }>(
    (p) => [`${p.other} already adapts "${p.slug}"`, 'give one adaptation file per topic'],
    (p) => [`${p.other} tilpasser allerede "${p.slug}"`, 'brug én tilpasningsfil pr. emne'],
  ),
  DK0423: error<{ slug: string; guess: string; slugs: readonly string[] }>(
    (p) => [`no topic with the slug "${p.slug}"`, p.guess ? `did you mean \`${p.guess}\`?` : `the topics are ${p.slugs.join(', ')}`],
    (p) => [`der er intet emne med slug'en "${p.slug}"`, p.guess ? `mente du \`${p.guess}\`?` : `emnerne er ${p.slugs.join(', ')}`],
  ),
  DK0424: error<{ number: number; file: string; numbers: readonly string[] }>(
    (p) => [
      `step ${p.number} is not in ${p.file}: its steps are ${p.numbers.join(', ')}`,
      'name a step by its number in the topic (`## Trin N`)',
    ],
    (p) => [
      `trin ${p.number} findes ikke i ${p.file}: dets trin er ${p.numbers.join(', ')}`,
      'angiv et trin med dets nummer i emnet (`## Trin N`)',
    ],
  ),
  DK0425: error<{ file: string }>(
    (p) => [`\`media: before\`, but ${p.file} has no film, podcast or case`, 'leave out the `media` line'],
    (p) => [`\`media: before\`, men ${p.file} har ingen film, podcast eller case`, 'udelad linjen `media`'],
  ),
  DK0426: warning<{ number: number; keys: readonly string[] }>(
    (p) => [
      `step ${p.number} is skipped, so its ${p.keys.map((k) => `\`${k}\``).join(', ')} ${p.keys.length === 1 ? 'is' : 'are'} not printed`,
      'remove `skip: true` to keep the step, or the other changes',
    ],
    (p) => [
      `trin ${p.number} springes over, så dets ${p.keys.map((k) => `\`${k}\``).join(', ')} udskrives ikke`,
      'fjern `skip: true` for at beholde trinnet, eller fjern de andre ændringer',
    ],
  ),
  DK0427: error(
    () => ['every step is skipped: the kit would have no dialogue', 'keep at least one step'],
    () => ['alle trin springes over: sættet ville ikke have nogen dialog', 'behold mindst ét trin'],
  ),
} as const;
