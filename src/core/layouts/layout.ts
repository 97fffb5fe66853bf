import Handlebars from 'handlebars';
import { diagnostic } from '../messages/index.js';
import { budgetLoops } from './loop-budget.js';
import type { Diagnostic, Language } from '../model.js';
import type { Labels } from '../settings/labels.js';

/** A layout file as loaded: `templates/<name>.hbs`. */
export interface LayoutSource {
  name: string;
  /** Path for messages, e.g. `templates/drejebog.hbs`. */
  path: string;
  text: string;
  /** For an editor's own `labels.yml` (`--templates DIR`): the built-in labels it overrides in part. */
  base?: string;
}

// The checked set is declared here, beside the layout it holds, so that what only passes it on
// (the build's cache) need not import the checks.
/** Layouts, labels and fonts as loaded: plain data, from `templates/` (or `--templates DIR`) and the font packages. */
export interface LayoutSources {
  layouts: readonly LayoutSource[];
  /** `templates/labels.yml`. */
  labels: LayoutSource;
  /** The names of the embedded font families, the values `theme.font` may take. */
  fonts: readonly string[];
}

/** Every layout compiled with complete, checked settings, and both label sets checked; or the diagnostics why not. */
export interface LayoutSet {
  layouts: Map<string, Layout>;
  labels?: Record<Language, Labels>;
  diagnostics: Diagnostic[];
}

/**
 * One `{{part …}}` of a rendered layout: a part to typeset, the layout line it came from, and its
 * arguments as the layout passed them: the view model's own values, not copies. Read them with
 * the typed accessors of `part-args.ts`, which say at the layout's line when one has the wrong kind.
 */
export interface Part {
  part: string;
  /** The layout file (for messages). */
  layout: string;
  at: number;
  args: Readonly<Record<string, unknown>>;
}

/** A compiled layout: page settings from its front matter, and a function from view model to parts. */
export interface Layout {
  name: string;
  path: string;
  /** The front matter's settings, complete and checked (read-settings.ts, read by prepare-layouts.ts). */
  settings: Record<string, unknown>;
  /** Every `labels.…`, `topic.…` and `options.…` path the layout's body uses, with its line. */
  references: { path: string[]; line: number; col: number }[];
  render(view: object): Part[];
}

/**
 * Compiles a layout's body. A layout is a Handlebars file whose YAML front matter holds page
 * settings, fonts, colours and sizes (read by settings.ts), and whose body lists the parts of the product in print order with
 * `{{part "name" key=value}}`. Handlebars runs in strict mode, so a misspelt field is an error,
 * not an empty space on paper. Errors name the template and line.
 */
export function compileLayout(
  source: { name: string; path: string; body: string; bodyLine: number },
  settings: Record<string, unknown>,
  partNames: readonly string[],
): Layout {
  const { name, path, body } = source;
  // Template lines count from the body's first line; the file's lines from its first.
  const bodyOffset = source.bodyLine - 1;
  const handlebars = Handlebars.create();
  const lineOf = (options: Handlebars.HelperOptions) =>
    ((options as unknown as { loc?: { start: { line: number } } }).loc?.start.line ?? 0) + bodyOffset;
  // What one render has done so far, against RENDER_BUDGET: a hostile layout nesting `#each` over
  // lists multiplies its work with every level (six levels over a topic's steps: a minute, 900 MB).
  const work = { parts: 0 };
  const overBudget = (line: number, what: 'parts' | 'loops') =>
    new TemplateError(diagnostic('DK0528', { what, limit: RENDER_BUDGET[what] }, path, line));
  // The part helper collects its parts, in the order Handlebars meets them (print order, through
  // #if and #each), into the render under way; it prints nothing. One render at a time per
  // layout: rendering is synchronous.
  let collecting: Part[] = [];
  handlebars.registerHelper('part', function (this: unknown, partName: unknown, options: Handlebars.HelperOptions) {
    const line = lineOf(options);
    if (typeof partName !== 'string' || !partNames.includes(partName)) {
      throw new TemplateError(diagnostic('DK0511', { part: String(partName), known: partNames }, path, line));
    }
    if (++work.parts > RENDER_BUDGET.parts) throw overBudget(line, 'parts');
    collecting.push({ part: partName, layout: path, at: line, args: { ...(options.hash as Record<string, unknown>) } });
    return '';
  });
  const loops = budgetLoops(handlebars, RENDER_BUDGET.loops, (line) => overBudget(line + bodyOffset, 'loops'));
  let program: hbs.AST.Program;
  try {
    program = handlebars.parse(body); // syntax errors surface at load time, with their line
  } catch (error) {
    const parseLine = /line (\d+)/.exec(String(error))?.[1];
    const detail = firstLine(String((error as Error).message ?? error));
    throw new TemplateError(diagnostic('DK0512', { detail }, path, Number(parseLine ?? 1) + bodyOffset));
  }
  const stray = strayText(program);
  if (stray)
    throw new TemplateError(
      diagnostic('DK0513', { text: JSON.stringify(stray.text.slice(0, 40)) }, path, stray.line + bodyOffset, stray.col),
    );
  const references = pathsIn(program).map((r) => ({ ...r, line: r.line + bodyOffset }));
  const template = handlebars.compile(body, { strict: true, noEscape: true });
  return {
    name,
    path,
    settings,
    references,
    render(view: object): Part[] {
      work.parts = 0;
      loops.reset();
      const parts: Part[] = [];
      collecting = parts;
      try {
        template(view);
      } catch (error) {
        if (error instanceof TemplateError) throw error;
        const where = / - (\d+):(\d+)$/.exec(String((error as Error).message));
        const line = where ? Number(where[1]) + bodyOffset : 1;
        const field = /"([^"]+)" not defined/.exec(String((error as Error).message))?.[1];
        throw new TemplateError(
          field ? diagnostic('DK0514', { field }, path, line) : diagnostic('DK0515', { detail: firstLine(error) }, path, line),
        );
      } finally {
        collecting = [];
      }
      return parts;
    },
  };
}

/** A mistake in a layout or settings file, reported like a content error: with its file and line. */
export class TemplateError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(d: Diagnostic) {
    super(`${d.file}:${d.line}:${d.col}: error: ${d.message}`);
    this.name = 'TemplateError';
    this.diagnostic = d;
  }
}

/**
 * What one render of a layout may do. The shipped layouts use about 20 parts and no loops; the
 * limits are far above that and far below what costs seconds: 10,000 loop passes and 2,000 parts
 * take milliseconds.
 */
export const RENDER_BUDGET = { loops: 10_000, parts: 2_000 };

/** The first text a layout's body would print outside its parts (nothing prints it: a slip). */
function strayText(program: hbs.AST.Program): { text: string; line: number; col: number } | undefined {
  const visit = (value: unknown): { text: string; line: number; col: number } | undefined => {
    if (Array.isArray(value)) {
      for (const item of value) {
        const found = visit(item);
        if (found) return found;
      }
      return undefined;
    }
    if (value === null || typeof value !== 'object') return undefined;
    const node = value as { type?: string; value?: string; loc?: hbs.AST.SourceLocation };
    if (node.type === 'ContentStatement' && node.loc && typeof node.value === 'string' && node.value.trim() !== '') {
      const lead = node.value.length - node.value.trimStart().length;
      const before = node.value.slice(0, lead).split('\n');
      const line = node.loc.start.line + before.length - 1;
      const col = before.length > 1 ? before.at(-1)!.length + 1 : node.loc.start.column + lead + 1;
      return { text: node.value.trim(), line, col };
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === 'loc') continue;
      const found = visit(child);
      if (found) return found;
    }
    return undefined;
  };
  return visit(program);
}

/** Every path expression (`labels.overview`) in a template, with where it is written. */
function pathsIn(program: hbs.AST.Program): { path: string[]; line: number; col: number }[] {
  const found: { path: string[]; line: number; col: number }[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const node = value as { type?: string; parts?: string[]; data?: boolean; loc?: hbs.AST.SourceLocation };
    if (node.type === 'PathExpression' && !node.data && node.parts && node.loc) {
      found.push({ path: node.parts, line: node.loc.start.line, col: node.loc.start.column + 1 });
      return;
    }
    for (const [key, child] of Object.entries(value)) if (key !== 'loc') visit(child);
  };
  visit(program);
  return found;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!;
}
