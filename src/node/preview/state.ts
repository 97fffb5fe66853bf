import { basename, join, resolve } from 'node:path';
import type { TopicBuild } from '../../core/build/build.js';
import type { Manifest } from '../../core/publish/manifest.js';
import type { Diagnostic } from '../../core/model.js';
import { PRODUCTS } from '../../core/products/index.js';
import { sortDiagnostics } from '../../core/diagnostics.js';
import { formatText, type Lang } from '../../core/messages/index.js';
import { SLUG } from '../../core/parse/parse-front-matter.js';

/**
 * What the preview page shows, as one plain object the server sends after every build: each
 * topic's products as they are on disk (with a version from their SHA-256, so the page redraws
 * only those whose version changed), and every diagnostic of the last build. A topic whose last
 * build failed keeps its earlier products (`stale`): the page shows them under a banner.
 */
export interface PreviewState {
  /** Changes when the server restarts: the page then reloads everything. */
  instance: string;
  /** Counts builds; 0 before the first one ends. */
  build: number;
  building: boolean;
  topics: PreviewTopic[];
  /** Problems not tied to one topic: layouts, labels.yml, duplicate slugs. */
  diagnostics: PreviewDiagnostic[];
  /** Lines the last build ended with that are not about the content (a locked folder, a PDF held open). */
  problems: string[];
}

export interface PreviewTopic {
  slug: string;
  title: string;
  /** The topic file as the build named it, and its absolute path (for the editor link). */
  source: string;
  sourcePath: string;
  /** The last build of the topic failed: its products are the last good ones. */
  stale: boolean;
  products: PreviewProduct[];
  diagnostics: PreviewDiagnostic[];
}

export interface PreviewProduct {
  /** The file's name, e.g. `drejebog.pdf`. */
  file: string;
  /** Its path in `out/`. */
  path: string;
  label: string;
  /** `file`: anything else (the Word documents), offered as a download. */
  kind: 'pdf' | 'html' | 'file';
  /** The file's SHA-256: a new one means new content. */
  version: string;
}

export interface PreviewDiagnostic extends Diagnostic {
  /** The file's absolute path, for `vscode://file/…`. */
  path: string;
}

/** What a build told the preview (cli.ts's `observe`): each topic, and the problems of the whole build. */
export interface BuildOutcome {
  topics: readonly TopicBuild[];
  diagnostics: readonly Diagnostic[];
}

/** The tab names, in Danish as the page is. */
const LABELS: Record<string, string> = {
  'drejebog.pdf': 'Drejebog',
  'koereplan.pdf': 'Køreplan',
  'handout.pdf': 'Handout',
  'flipover.pdf': 'Flipover',
  'prikkort.pdf': 'Prikkort',
  'index.html': 'Telefon',
  'skaerm.html': 'Skærm',
  'drejebog.docx': 'Drejebog (Word)',
  'handout.docx': 'Handout (Word)',
  'aftaleark.docx': 'Aftaleark (Word)',
};

/**
 * The state after a build: products from the manifest (what is on disk now), diagnostics from
 * the build. Without an outcome (the build stopped before it built, e.g. the folder was locked),
 * the previous state's diagnostics stay.
 */
export function nextState(
  previous: PreviewState,
  manifest: Manifest | undefined,
  outcome: BuildOutcome | undefined,
  problems: readonly string[],
  contentDir: string,
): PreviewState {
  const before = new Map(previous.topics.map((t) => [t.slug, t]));
  const listed = manifest?.topics ?? [];
  // A topic whose front matter does not parse has no slug of its own (the build names it by its
  // path): it is the topic its file made before, so its errors show over that topic's products.
  // A topic that never built is named by its file (`emne.md` → `emne`), so its page, and the
  // editor on it, can be opened to fix it.
  const slugOf = (build: TopicBuild) =>
    listed.some((t) => t.slug === build.slug)
      ? build.slug
      : (listed.find((t) => resolve(contentDir, t.source) === resolve(build.source))?.slug ??
        previous.topics.find((t) => t.sourcePath === resolve(build.source))?.slug ??
        fileSlug(build.slug, build.source));
  const built = new Map((outcome?.topics ?? []).map((t) => [slugOf(t), t]));
  const slugs = [...new Set([...listed.map((t) => t.slug), ...built.keys()])];
  const topics = slugs.map((slug): PreviewTopic => {
    const entry = listed.find((t) => t.slug === slug);
    const build = built.get(slug);
    const source = build?.source ?? before.get(slug)?.source ?? join(contentDir, entry?.source ?? '');
    return {
      slug,
      title: (build?.ok ? build.title : undefined) ?? entry?.title ?? build?.title ?? slug,
      source,
      sourcePath: resolve(source),
      stale: build ? !build.ok : (before.get(slug)?.stale ?? false),
      products: productsOf(entry?.files ?? []),
      // In the topic's language (its `language:`; Danish when it cannot be read), as the page is.
      diagnostics: build
        ? located(build.diagnostics, build.summary?.language ?? entry?.summary?.language ?? 'da')
        : (before.get(slug)?.diagnostics ?? []),
    };
  });
  return {
    instance: previous.instance,
    build: previous.build + 1,
    building: false,
    topics: topics.sort((a, b) => a.source.localeCompare(b.source)),
    diagnostics: outcome ? located(outcome.diagnostics, 'da') : previous.diagnostics,
    problems: [...problems],
  };
}

export function emptyState(instance: string): PreviewState {
  return { instance, build: 0, building: true, topics: [], diagnostics: [], problems: [] };
}

// --- internal ---

/** The slug the build gave, or for a topic named by its path (its front matter did not parse) the file's name without `.md`. */
function fileSlug(slug: string, source: string): string {
  if (SLUG.test(slug)) return slug;
  const name = basename(source).replace(/\.md$/i, '');
  return SLUG.test(name) ? name : slug;
}

function productsOf(files: Manifest['topics'][number]['files']): PreviewProduct[] {
  return PRODUCTS.flatMap((product) => {
    const file = files.find((f) => f.path.endsWith(`/${product.file}`));
    if (!file) return [];
    return [
      {
        file: product.file,
        path: file.path,
        label: LABELS[product.file] ?? product.file,
        kind: product.file.endsWith('.pdf') ? ('pdf' as const) : product.file.endsWith('.html') ? ('html' as const) : ('file' as const),
        version: file.sha256,
      },
    ];
  });
}

/** In the order of the file (errors and warnings together), each with its absolute path. */
function located(diagnostics: readonly Diagnostic[], lang: Lang): PreviewDiagnostic[] {
  return sortDiagnostics([...diagnostics]).map((d) => ({ ...d, ...formatText(d, lang), path: resolve(d.file) }));
}
