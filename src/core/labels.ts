/**
 * The printed words, `templates/labels.yml`. `LABEL_SHAPE` is the Danish set's shape: every key
 * the code or a layout may use. `Labels` is derived from it, so code cannot ask for a label that
 * does not exist, and `checkLabels` (kit.ts) holds labels.yml to it, Danish and English alike.
 */
const TEXT = 'text' as const;

export const LABEL_SHAPE = {
  guide: TEXT,
  handout: TEXT,
  series: TEXT,
  duration: TEXT,
  participants: TEXT,
  participantsValue: TEXT,
  minutes: TEXT,
  minutesLong: TEXT,
  media: {
    film: TEXT,
    podcast: TEXT,
    case: TEXT,
  },
  mediaIntro: {
    film: TEXT,
    podcast: TEXT,
    case: TEXT,
  },
  qrAlt: {
    film: TEXT,
    podcast: TEXT,
    case: TEXT,
  },
  overview: TEXT,
  step: TEXT,
  stepColumn: TEXT,
  titleColumn: TEXT,
  minutesColumn: TEXT,
  timeColumn: TEXT,
  clockColumn: TEXT,
  total: TEXT,
  about: TEXT,
  startingPoint: TEXT,
  preparation: TEXT,
  questions: TEXT,
  flipover: TEXT,
  tip: TEXT,
  advice: TEXT,
  legal: TEXT,
  localNote: TEXT,
  organisation: TEXT,
  meetingDate: TEXT,
  page: TEXT,
  draft: TEXT,
  notes: TEXT,
  reflection: TEXT,
  watchAgain: {
    film: TEXT,
    podcast: TEXT,
    case: TEXT,
  },
  dotvote: {
    ideaTitle: TEXT,
    ideaPrompt: TEXT,
    group: TEXT,
    dotField: TEXT,
    dotRoom: TEXT,
    voteTitle: TEXT,
    voteDots: TEXT,
    dotOne: TEXT,
    dotMany: TEXT,
    voteHow: TEXT,
    voteResult: TEXT,
    voteWhen: TEXT,
    agreementTitle: TEXT,
    agreementIntro: TEXT,
    what: TEXT,
    who: TEXT,
    when: TEXT,
    followUp: TEXT,
  },
  sheets: {
    sheetOf: TEXT,
    piece: TEXT,
    assemble: TEXT,
  },
  web: {
    skip: TEXT,
    readOnPhone: TEXT,
    phoneQrAlt: TEXT,
    openMedia: TEXT,
    screen: {
      title: TEXT,
      overview: TEXT,
      start: TEXT,
      pause: TEXT,
      reset: TEXT,
      previous: TEXT,
      next: TEXT,
      sound: TEXT,
      fullScreen: TEXT,
      controls: TEXT,
      timer: TEXT,
      timeUp: TEXT,
      prompt: TEXT,
      keys: TEXT,
    },
  },
  site: {
    pageTitle: TEXT,
    intro: TEXT,
    topics: TEXT,
    files: {
      drejebog: TEXT,
      handout: TEXT,
      flipover: TEXT,
      prikkort: TEXT,
    },
    fileAbout: {
      drejebog: TEXT,
      handout: TEXT,
      flipover: TEXT,
      prikkort: TEXT,
    },
    editions: TEXT,
    editionLinks: {
      phone: TEXT,
      screen: TEXT,
    },
    editionAbout: {
      phone: TEXT,
      screen: TEXT,
    },
    download: TEXT,
    pdfInfo: TEXT,
    pageOne: TEXT,
    pageMany: TEXT,
    all: TEXT,
    allInfo: TEXT,
    preview: TEXT,
    media: TEXT,
    published: TEXT,
    tailor: TEXT,
    tailorIntro: TEXT,
    form: {
      organisation: TEXT,
      date: TEXT,
      start: TEXT,
      participants: TEXT,
      paper: TEXT,
      paperA3: TEXT,
      paperA4: TEXT,
      paperA1Tiled: TEXT,
      note: TEXT,
      submit: TEXT,
      working: TEXT,
      done: TEXT,
      failed: TEXT,
      errors: {
        date: TEXT,
        start: TEXT,
        participants: TEXT,
        organisation: TEXT,
        note: TEXT,
      },
    },
    footer: TEXT,
  },
} as const;

type Shape<T> = { readonly [K in keyof T]: T[K] extends typeof TEXT ? string : Shape<T[K]> };

/** The labels of one language. */
export type Labels = Shape<typeof LABEL_SHAPE>;

/** A nested shape: a text (`'text'`) or a map of shapes. */
export type LabelShape = typeof TEXT | { readonly [key: string]: LabelShape };

/** Fills `{name}` placeholders in a label. */
export function fill(label: string, values: Record<string, string | number>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
