/**
 * The skeleton `dialogkit new` writes: every section of the format in order, a Markdown comment
 * per section saying what belongs there, and placeholder texts marked `SKRIV:` / `WRITE:` that
 * `check` flags as warnings until they are replaced (src/core/check/write-this.ts). Pure.
 */
export type SkeletonLanguage = 'da' | 'en';

/** The marker every placeholder text starts with, per language. */
export const WRITE_THIS: Record<SkeletonLanguage, string> = { da: 'SKRIV:', en: 'WRITE:' };

export function topicSkeleton(options: { title?: string; language: SkeletonLanguage; date: string }): string {
  const w = WRITE_THIS[options.language];
  const t = options.language === 'da' ? DA : EN;
  const title = options.title ?? `${w} ${t.title}`;
  return [
    '---',
    `title: ${JSON.stringify(title)}`,
    `series: "${w} ${t.series}"`,
    `publisher: "${w} ${t.publisher}"`,
    `date: ${options.date}`,
    ...(options.language === 'en' ? ['language: en'] : []),
    'duration: "45-60"',
    'participants: "4-20"',
    '---',
    '',
    ...t.sections.flatMap(([heading, comment, body]) => [
      heading,
      '',
      `<!-- ${comment} -->`,
      '',
      ...body.map((l) => l.replaceAll('@', w)),
      '',
    ]),
  ].join('\n');
}

type Section = [heading: string, comment: string, body: string[]];

const DA = {
  title: 'emnets titel',
  series: 'serien emnet hører til',
  publisher: 'hvem der udgiver materialet',
  sections: [
    ['## Om emnet', 'Et kort afsnit: hvad emnet handler om, og hvorfor I taler om det.', ['@ hvad emnet handler om.']],
    ['## Tag afsæt i emnet', 'To til fire spørgsmål, gruppen tager udgangspunkt i.', ['- @ et spørgsmål at tage afsæt i?']],
    [
      '## Forberedelse',
      'Hvad facilitator skal have klar: materialer, teknik og tid.',
      ['- **Materialer:** @ hvad I skal bruge.', '- **Tid:** Cirka {varighed}.'],
    ],
    [
      '## Trin 1 (10 min): Rammesæt emnet',
      'Hvert trin: minutter og navn i overskriften, så hvad facilitator gør.',
      ['@ hvad facilitator gør i trinnet.', '', '### Dialogspørgsmål', '', '- @ et spørgsmål til dialogen?'],
    ],
    ['## Trin 2 (10 min): Indsaml pointer', 'Trinene nummereres 1, 2, 3 … i rækkefølge.', ['@ hvad deltagerne gør.']],
    [
      '## Trin 3 (15 min): Refleksioner',
      'Linjerne under "Til flipover" skrives på flipoveren.',
      ['@ hvad grupperne reflekterer over.', '', '### Til flipover', '', '- @ en linje til flipoveren?'],
    ],
    ['## Trin 4 (10 min): Find handlingsrum', 'Hvad gruppen kan gøre anderledes.', ['@ hvordan I finder handlingsrum.']],
    ['## Trin 5 (10 min): Opsamling og beslutning', 'Hvordan I samler op og beslutter hvad, hvem og hvornår.', ['@ hvordan I samler op.']],
    ['## Praktiske råd', 'Gode råd til facilitator, som punkter.', ['- @ et praktisk råd.']],
    [
      '## Juridisk baggrund',
      'Regler og love emnet hviler på, med en underoverskrift pr. regel.',
      ['### @ reglens navn', '', '@ hvad reglen siger.'],
    ],
  ] as Section[],
};

const EN = {
  title: 'the topic title',
  series: 'the series the topic belongs to',
  publisher: 'who publishes the material',
  sections: [
    ['## About', 'A short paragraph: what the topic is about, and why you talk about it.', ['@ what the topic is about.']],
    ['## Starting point', 'Two to four questions the group starts from.', ['- @ a question to start from?']],
    [
      '## Preparation',
      'What the facilitator needs ready: materials, equipment and time.',
      ['- **Materials:** @ what you need.', '- **Time:** About {duration}.'],
    ],
    [
      '## Step 1 (10 min): Set the scene',
      'Each step: minutes and name in the heading, then what the facilitator does.',
      ['@ what the facilitator does in this step.', '', '### Dialogue questions', '', '- @ a question for the dialogue?'],
    ],
    ['## Step 2 (10 min): Collect points', 'The steps are numbered 1, 2, 3 … in order.', ['@ what the participants do.']],
    [
      '## Step 3 (15 min): Reflect on practice',
      'The lines under "For the flip chart" go on the flip chart.',
      ['@ what the groups reflect on.', '', '### For the flip chart', '', '- @ a line for the flip chart?'],
    ],
    ['## Step 4 (10 min): Find room for action', 'What the group can do differently.', ['@ how you find room for action.']],
    ['## Step 5 (10 min): Decide together', 'How you sum up and decide what, who and when.', ['@ how you sum up.']],
    ['## Practical advice', 'Advice for the facilitator, as bullet points.', ['- @ a piece of practical advice.']],
    [
      '## Legal background',
      'The rules and laws the topic rests on, with a subheading per rule.',
      ['### @ the rule', '', '@ what the rule says.'],
    ],
  ] as Section[],
};
