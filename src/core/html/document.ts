import { escapeHtml } from './escape.js';

/** The web editions' own labels, `web:` in `templates/labels.yml`. */
export interface WebLabels {
  skip: string;
  readOnPhone: string;
  phoneQrAlt: string;
  openMedia: string;
  screen: Record<
    | 'title'
    | 'overview'
    | 'start'
    | 'pause'
    | 'reset'
    | 'previous'
    | 'next'
    | 'sound'
    | 'fullScreen'
    | 'controls'
    | 'timer'
    | 'timeUp'
    | 'prompt'
    | 'keys',
    string
  >;
}

/**
 * A whole HTML page that works opened from disk: styles (and a script, if any) inline, nothing
 * fetched, not even a favicon. `body` is HTML already escaped by its maker.
 */
export function htmlDocument(page: {
  lang: string;
  title: string;
  css: string;
  body: string;
  script?: string;
  bodyClass?: string;
}): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(page.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Dialogkit">',
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${page.css}</style>`,
    '</head>',
    `<body${page.bodyClass ? ` class="${escapeHtml(page.bodyClass)}"` : ''}>`,
    page.body,
    ...(page.script ? [`<script>${page.script}</script>`] : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
