/**
 * HTML built so that a value is escaped unless it is marked as markup. `html` is a tagged
 * template: every interpolated string or number is escaped; only a `Markup` (made by `html`
 * itself or by `trusted`) goes in as it is. Forgetting to escape is then impossible by
 * construction, where a hand-written `escapeHtml(…)` call at every place could be missed.
 */
import { escapeHtml } from './escape.js';

const MARKUP: unique symbol = Symbol('markup');

/** A piece of HTML that is known to be safe: made by `html`, or vouched for with `trusted`. */
export interface Markup {
  readonly [MARKUP]: true;
  readonly text: string;
  toString(): string;
}

/** What may stand in an `html` template: text (escaped), markup, a list of either, or nothing. */
export type HtmlValue = string | number | Markup | readonly HtmlValue[] | false | null | undefined;

function markup(text: string): Markup {
  return { [MARKUP]: true, text, toString: () => text };
}

export function isMarkup(value: unknown): value is Markup {
  return typeof value === 'object' && value !== null && MARKUP in value;
}

function render(value: HtmlValue): string {
  if (value === false || value === null || value === undefined) return '';
  if (isMarkup(value)) return value.text;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(value as string | number);
}

/** HTML from a template; each value is escaped unless it is `Markup`; `false`, `null` and `undefined` print nothing. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Markup {
  let text = strings[0]!;
  for (let i = 0; i < values.length; i++) text += render(values[i]) + strings[i + 1]!;
  return markup(text);
}

/** Text written by Dialogkit itself (a style sheet, a script), never by an author: goes in as it is. */
export function trusted(text: string): Markup {
  return markup(text);
}

/** Pieces joined with a separator (itself text or markup). */
export function joinHtml(pieces: readonly HtmlValue[], separator: HtmlValue = ''): Markup {
  const sep = render(separator);
  return markup(
    pieces
      .map(render)
      .filter((p) => p !== '')
      .join(sep),
  );
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * An address fit for an `href`: parsed by `URL` and written back as its `href`, so quotes and
 * spaces are percent-encoded; anything but http, https and mailto (`javascript:`, `data:`, a
 * relative or broken address) gives `undefined`, and the caller prints the text without a link.
 */
export function safeHref(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  return LINK_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}
