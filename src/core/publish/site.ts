import Handlebars from 'handlebars';
import { budgetLoops } from '../layouts/loop-budget.js';
import type { Manifest, ManifestFile, ManifestTopic } from './manifest.js';
import type { Language } from '../model.js';
import { PRODUCTS, type Product } from '../products/index.js';
import type { Labels } from '../settings/labels.js';
import { mediaWord } from '../settings/labels.js';
import { embeddedSource } from './embedded-source.js';
import { outlineOf } from './adapt-outline.js';
import { PageTemplateError, pageTemplateDiagnostic } from './page-template.js';

export interface IndexInput {
  manifest: Manifest;
  /** `templates/index.hbs`. */
  template: { path: string; text: string };
  labels: Record<Language, Labels>;
  /** Each topic's Markdown source by slug, embedded for the in-page kit. */
  sources: ReadonlyMap<string, string>;
  /** Script addresses relative to the page. */
  scripts: { site: string; kit: string; preview: string };
  /** `--base-url`: the tailored kits' guides and handouts then carry the phone edition's QR code too. */
  baseUrl?: string;
}

/**
 * Renders `out/index.html` from the manifest. Handlebars escapes every value (`{{…}}`); the one
 * unescaped kind is JSON in a script element (`jsonInScript`), with `<` escaped, so a `</script>`
 * or `<!--` in a topic stays text. Addresses of files are relative paths, each segment
 * percent-encoded (`relativeHref`), so a hand-edited manifest cannot make one a `javascript:` link.
 */
export function renderIndex(input: IndexInput): string {
  const topics = input.manifest.topics.filter((t) => t.summary);
  const languages = new Set(topics.map((t) => t.summary!.language));
  const pageLanguage: Language = languages.size === 1 && languages.has('en') ? 'en' : 'da';
  const site = (language: Language): SiteLabels => input.labels[language].site;
  const handlebars = Handlebars.create();
  // Labels for the page's script, as JSON that cannot end its <script> element early.
  handlebars.registerHelper('json', (value: unknown) => jsonInScript(value));
  // A page of a thousand topics makes some 100,000 passes; a hostile nesting of loops is stopped.
  budgetLoops(
    handlebars,
    PAGE_LOOPS,
    (line) => new Error(`the layout does too much work: more than ${PAGE_LOOPS} passes through {{#each}} - ${line}:0`),
  );
  const compiled = handlebars.compile(input.template.text, { strict: true });
  // A broken or misspelt layout is the editor's mistake, reported at its line, never an internal error.
  const template = (data: object): string => {
    try {
      return compiled(data);
    } catch (error) {
      throw new PageTemplateError(pageTemplateDiagnostic(input.template.path, error));
    }
  };
  const series = [...new Set(topics.map((t) => t.summary!.series).filter(Boolean))];
  return template({
    lang: pageLanguage,
    title: series.length === 1 ? series[0] : site(pageLanguage).pageTitle,
    subtitle: site(pageLanguage).pageTitle,
    // The small line above the heading, unless it would repeat it.
    kicker: series.length === 1 ? site(pageLanguage).pageTitle : null,
    publisher: [...new Set(topics.map((t) => t.summary!.publisher).filter(Boolean))].join(', ') || null,
    labels: site(pageLanguage),
    topics: topics.map((topic) =>
      topicView(topic, input, site(topic.summary!.language), input.labels[topic.summary!.language], pageLanguage),
    ),
    several: severalView(topics, input, site(pageLanguage), pageLanguage),
    scripts: input.scripts,
    generator: input.manifest.generator,
  });
}

// --- internal ---

/** Passes through `{{#each}}` one render of the page may make (layouts/loop-budget.ts). */
const PAGE_LOOPS = 2_000_000;

/**
 * The one kind of unescaped value on the page: JSON for a `<script type="application/json">`
 * element. Every `<` is written `\\u003c` (the same string to `JSON.parse`), so no text in it can
 * end the element (`</script>`) or open a comment (`<!--`).
 */
function jsonInScript(value: unknown): Handlebars.SafeString {
  return new Handlebars.SafeString(JSON.stringify(value).replace(/</g, '\\u003c'));
}

/**
 * A file's address on the page, relative to it: each segment of its path percent-encoded. A
 * slug or file name Dialogkit wrote (a-z, 0-9, `-`, `.`) is unchanged; a hand-edited manifest's
 * `javascript:alert(1)` becomes `javascript%3Aalert(1)`, a file name, not a scheme.
 */
function relativeHref(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

interface SiteLabels {
  pageTitle: string;
  files: Record<string, string>;
  fileAbout: Record<string, string>;
  download: string;
  pdfInfo: string;
  pageOne: string;
  pageMany: string;
  all: string;
  allInfo: string;
  preview: string;
  editionLinks: Record<WebEdition, string>;
  editionAbout: Record<WebEdition, string>;
  [key: string]: unknown;
}

function topicView(topic: ManifestTopic, input: IndexInput, site: SiteLabels, labels: Labels, pageLanguage: Language) {
  const summary = topic.summary!;
  const language = summary.language;
  const range = ({ min, max }: { min: number; max: number }) => (min === max ? `${min}` : `${min}–${max}`);
  const media = summary.media;
  return {
    slug: topic.slug,
    title: topic.title,
    // Only set when it differs from the page's, so screen readers switch voice just where needed.
    lang: language === pageLanguage ? null : language,
    series: summary.series,
    intro: summary.intro,
    date: summary.date,
    facts: [
      { term: labels.duration, value: `${range(summary.duration)}\u00a0${labels.minutes}` },
      {
        term: labels.participants,
        value: labels.participantsValue
          .replace('{min}', String(summary.participants.min))
          .replace('{max}', String(summary.participants.max)),
      },
      ...(media
        ? [
            {
              term: site.media,
              value: `${mediaWord(labels, media.kind)}: ${media.title}${media.minutes ? ` (${media.minutes}\u00a0${labels.minutes})` : ''}`,
            },
          ]
        : []),
    ],
    // Listed by the product that made each file, in product order: PDFs to download, web editions to open.
    files: filesOf(topic, 'pdf').map(([file, product]) => fileView(file, product, site, language)),
    editions: filesOf(topic, 'html').flatMap(([file]) => editionView(file, topic.title, site)),
    // The editable Word copies, to download; the PDFs stay the official version.
    words: filesOf(topic, 'docx').map(([file, product]) => ({ href: file.path, name: site.files[product.name] ?? product.name })),
    archive: topic.archive
      ? {
          href: relativeHref(topic.archive.path),
          label: site.all.replace('{title}', topic.title),
          info: site.allInfo.replace('{size}', formatSize(topic.archive.bytes, language)),
        }
      : null,
    labels: site,
    baseUrl: input.baseUrl ?? null,
    // Shown in the form's empty fields: what the kit uses when they are left empty.
    defaults: {
      participants: String(summary.participants.max),
      duration: summary.minutes !== undefined ? String(summary.minutes) : range(summary.duration),
    },
    // JSON in a script element: escaping `<` keeps `</script>` and `<!--` in a topic harmless.
    source: input.sources.has(topic.slug)
      ? jsonInScript({ path: topic.source, text: embeddedSource(input.sources.get(topic.slug)!) })
      : null,
    // "Tilpas indholdet": the steps as the form shows them, and as JSON for the page's script.
    ...adaptView(topic, input, site),
  };
}

function adaptView(topic: ManifestTopic, input: IndexInput, site: SiteLabels) {
  const text = input.sources.get(topic.slug);
  const outline = text === undefined ? null : outlineOf({ path: topic.source, text });
  if (!outline) return { outline: null, outlineJson: null };
  return {
    outline: {
      ...outline,
      mediaLabel: outline.media
        ? (site['form'] as { adapt: { mediaBefore: string } }).adapt.mediaBefore.replace('{title}', outline.media.title)
        : null,
      steps: outline.steps.map((step) => ({
        ...step,
        questions: step.questions.map((text, index) => ({ text, index })),
        prompts: step.prompts.map((text, index) => ({ text, index })),
      })),
    },
    outlineJson: jsonInScript(outline),
  };
}

/**
 * The form that tailors several topics into one zip, when the page offers more than one to tailor.
 * Its ids start with an underscore-joined prefix no slug can have (slugs are a-z, 0-9 and hyphens).
 */
function severalView(topics: readonly ManifestTopic[], input: IndexInput, site: SiteLabels, pageLanguage: Language) {
  const tailored = topics.filter((t) => input.sources.has(t.slug));
  if (tailored.length < 2) return null;
  const asTopic = (site['form'] as Record<string, string>)['asTopic'];
  return {
    id: 'flere_emner',
    labels: site,
    topics: tailored.map((t) => ({
      slug: t.slug,
      title: t.title,
      lang: t.summary!.language === pageLanguage ? null : t.summary!.language,
    })),
    // Each topic keeps its own group size and length unless the form says otherwise.
    defaults: { participants: asTopic, duration: asTopic },
    baseUrl: input.baseUrl ?? null,
  };
}

/** A topic's files made by products of one kind, each with its product. */
function filesOf(topic: ManifestTopic, kind: Product['kind']): [ManifestFile, Product][] {
  return PRODUCTS.filter((p) => p.kind === kind).flatMap((product) =>
    topic.files.filter((f) => f.path === `${topic.slug}/${product.file}`).map((file): [ManifestFile, Product] => [file, product]),
  );
}

/** A PDF as the page lists it: named and described by its product's labels, with a preview and its page count. */
function fileView(file: ManifestFile, product: Product, site: SiteLabels, language: Language) {
  const name = site.files[product.name] ?? product.name;
  const pages = file.pages ?? 0;
  return {
    href: relativeHref(file.path),
    name,
    about: site.fileAbout[product.name] ?? '',
    label: site.download.replace('{name}', name.toLowerCase()),
    info: site.pdfInfo
      .replace('{pages}', String(pages))
      .replace('{pageWord}', pages === 1 ? site.pageOne : site.pageMany)
      .replace('{size}', formatSize(file.bytes, language)),
    previewAlt: site.preview.replace('{name}', name.toLowerCase()),
  };
}

type WebEdition = 'phone' | 'screen';
const WEB_EDITIONS: Record<string, WebEdition> = { 'index.html': 'phone', 'skaerm.html': 'screen' };

/** A link that opens a web edition (in the page, not as a download). */
function editionView(file: ManifestFile, title: string, site: SiteLabels) {
  const edition = WEB_EDITIONS[file.path.split('/').pop()!];
  if (!edition) return [];
  return [
    { href: relativeHref(file.path), label: site.editionLinks[edition], about: site.editionAbout[edition].replace('{title}', title) },
  ];
}

/** "84 kB", "1,2 MB" (Danish decimal comma) or "1.2 MB". */
export function formatSize(bytes: number, language: Language): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'MB'] : [Math.max(1, Math.round(bytes / 1000)), 'kB'];
  const text = unit === 'MB' ? value.toFixed(1) : String(value);
  return `${language === 'da' ? text.replace('.', ',') : text} ${unit}`;
}
