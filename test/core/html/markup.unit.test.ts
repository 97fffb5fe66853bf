import { describe, expect, it } from 'vitest';
import { html, joinHtml, safeHref, trusted } from '../../../src/core/html/markup.js';

describe('html tagged template', () => {
  it('escapes every interpolated text, in text and in attributes', () => {
    const title = `<img src=x onerror="alert(1)">'&`;
    const out = html`<h1 title="${title}">${title}</h1>`.text;
    expect(out).toBe(
      '<h1 title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&amp;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&amp;</h1>',
    );
    expect(out).not.toMatch(/<img/);
  });

  it('puts markup made by html or trusted in as it is, and lists joined', () => {
    const items = ['a<b', 'c'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>`.text).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
    expect(html`<style>${trusted('a>b{}')}</style>`.text).toBe('<style>a>b{}</style>');
  });

  it('prints nothing for false, null and undefined, and numbers as text', () => {
    expect(html`${false}${null}${undefined}${0}`.text).toBe('0');
  });

  it('treats a string that looks like markup as text', () => {
    const fake = { text: '<b>x</b>', toString: () => '<b>x</b>' } as unknown as string;
    expect(html`${fake}`.text).not.toContain('<b>');
  });

  it('joins pieces with an escaped or trusted separator, leaving out empty ones', () => {
    expect(joinHtml(['a', '', html`<b>b</b>`], ' & ').text).toBe('a &amp; <b>b</b>');
  });
});

describe('safeHref', () => {
  it('keeps http, https and mailto, written back by URL with quotes encoded', () => {
    expect(safeHref('https://example.dk/a b"c')).toBe('https://example.dk/a%20b%22c');
    expect(safeHref('mailto:a@b.dk')).toBe('mailto:a@b.dk');
  });

  it('refuses javascript:, data:, relative and broken addresses', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>', '/relative', 'not a url', ' javascript:x']) {
      expect(safeHref(bad), bad).toBeUndefined();
    }
  });
});
