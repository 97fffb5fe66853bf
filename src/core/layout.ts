import Handlebars from 'handlebars';
import { parse as parseYaml } from 'yaml';
import { diagnostic } from './diagnostics.js';
import type { Diagnostic } from './model.js';

/** A layout file as loaded: `templates/<name>.hbs`. */
export interface LayoutSource {
  name: string;
  /** Path for messages, e.g. `templates/drejebog.hbs`. */
  path: string;
  text: string;
}

/** One line of a rendered layout: a part to typeset, with its arguments and the template line it came from. */
export interface Part {
  part: string;
  at: number;
  [arg: string]: unknown;
}

/** A compiled layout: page settings from its front matter, and a function from view model to parts. */
export interface Layout {
  name: string;
  path: string;
  settings: Record<string, unknown>;
  render(view: object): Part[];
}

/**
 * Compiles a layout. A layout is a Handlebars file whose YAML front matter holds page settings,
 * fonts, colours and sizes, and whose body lists the parts of the product in print order with
 * `{{part "name" key=value}}`. Handlebars runs in strict mode, so a misspelt field is an error,
 * not an empty space on paper. Errors name the template and line.
 */
export function compileLayout(source: LayoutSource, partNames: readonly string[]): Layout {
  const { name, path } = source;
  const text = source.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---[ \t]*\n?/.exec(text);
  let settings: Record<string, unknown> = {};
  let bodyOffset = 0;
  if (match) {
    try {
      const parsed: unknown = parseYaml(match[1]!, { maxAliasCount: 0 });
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) settings = parsed as Record<string, unknown>;
      else if (parsed !== null) throw new Error('the front matter must be a map of settings');
    } catch (error) {
      const line = /line (\d+)/.exec(String(error))?.[1];
      throw templateError(path, line ? Number(line) + 1 : 1, `bad settings: ${firstLine(error)}`);
    }
    bodyOffset = match[0].split('\n').length - 1;
  }
  const body = text.slice(match?.[0].length ?? 0);

  const handlebars = Handlebars.create();
  // Parts become one JSON line each; JSON.stringify escapes everything, so no HTML escaping applies.
  handlebars.registerHelper('part', function (this: unknown, partName: unknown, options: Handlebars.HelperOptions) {
    const line = ((options as unknown as { loc?: { start: { line: number } } }).loc?.start.line ?? 0) + bodyOffset;
    if (typeof partName !== 'string' || !partNames.includes(partName)) {
      throw templateError(path, line, `unknown part "${String(partName)}"`, `known parts of this layout: ${partNames.join(', ')}`);
    }
    return new handlebars.SafeString(`\n${JSON.stringify({ part: partName, at: line, ...options.hash })}\n`);
  });
  try {
    handlebars.parse(body); // syntax errors surface at load time, with their line
  } catch (error) {
    const parseLine = /line (\d+)/.exec(String(error))?.[1];
    throw templateError(path, Number(parseLine ?? 1) + bodyOffset, firstLine(String((error as Error).message ?? error)));
  }
  const template = handlebars.compile(body, { strict: true, noEscape: true });
  return {
    name,
    path,
    settings,
    render(view: object): Part[] {
      let output: string;
      try {
        output = template(view);
      } catch (error) {
        if (error instanceof TemplateError) throw error;
        const where = / - (\d+):(\d+)$/.exec(String((error as Error).message));
        const line = where ? Number(where[1]) + bodyOffset : 1;
        const field = /"([^"]+)" not defined/.exec(String((error as Error).message))?.[1];
        throw templateError(path, line, field ? `the field "${field}" does not exist` : firstLine(error), field ? 'check the spelling against the fields listed in the README' : undefined);
      }
      return output.split('\n').filter((l) => l.trim().startsWith('{')).map((l) => JSON.parse(l) as Part);
    },
  };
}

/** Reads a YAML settings file such as `templates/labels.yml`, with its path in any error. */
export function parseSettingsFile(path: string, text: string): Record<string, unknown> {
  try {
    const parsed: unknown = parseYaml(text.replace(/^\uFEFF/, ''), { maxAliasCount: 0 });
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('expected a map of settings');
    return parsed as Record<string, unknown>;
  } catch (error) {
    const line = /line (\d+)/.exec(String(error))?.[1];
    throw templateError(path, line ? Number(line) : 1, firstLine(error));
  }
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

function templateError(path: string, line: number, message: string, hint?: string): TemplateError {
  return new TemplateError(diagnostic('error', path, line, message, hint));
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!;
}
