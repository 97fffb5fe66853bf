import { html, joinHtml, type Markup } from './markup.js';

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
 * fetched, not even a favicon. `lang`, `title` and `bodyClass` are text (escaped); `body`, `css`
 * and `script` are markup, made with `html` or vouched for with `trusted`.
 */
export function htmlDocument(page: {
  lang: string;
  title: string;
  css: Markup;
  body: Markup;
  script?: Markup;
  bodyClass?: string;
}): string {
  return (
    joinHtml(
      [
        html`<!doctype html>`,
        html`<html lang="${page.lang}">`,
        html`<head>`,
        html`<meta charset="utf-8">`,
        html`<meta name="viewport" content="width=device-width, initial-scale=1">`,
        html`<meta name="generator" content="Dialogkit">`,
        html`<link rel="icon" href="data:,">`,
        html`<title>${page.title}</title>`,
        html`<style>${page.css}</style>`,
        html`</head>`,
        page.bodyClass ? html`<body class="${page.bodyClass}">` : html`<body>`,
        page.body,
        page.script && html`<script>${page.script}</script>`,
        html`</body>`,
        html`</html>`,
      ],
      '\n',
    ).text + '\n'
  );
}
