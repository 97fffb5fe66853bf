/**
 * An SVG logo checked before pdfmake draws it: read as the SVG renderer in pdfmake
 * (svg-to-pdfkit) reads it, its work bounded, and its embedded pictures held to the same limits
 * as a PNG or JPEG logo. The renderer makes a new element for every `<use>` and every `url(#…)`
 * it follows, and looks each reference up by walking the whole document; a 2.6 KB file whose
 * `<use>` elements fan out ten ways over ten levels asks for ten billion elements. So the
 * elements the drawing would make, and the lookups, are counted here first (each element once,
 * its count reused), and a file over the budget is refused in milliseconds.
 */

/** What drawing the SVG may cost: elements made (with every `<use>` expanded) plus document walks for lookups. */
export const MAX_SVG_WORK = 200_000;
/** Nesting deeper than this is no logo, and would overflow the renderer's recursive parser. */
const MAX_DEPTH = 200;

export interface SvgNode {
  name: string;
  attributes: Map<string, { value: string; start: number; end: number }>;
  children: SvgNode[];
}

/** An embedded picture: its `data:` address and where it stands in the file, to be replaced by a smaller one. */
export interface SvgPicture {
  href: string;
  start: number;
  end: number;
}

/** The document's element tree (as the renderer builds it), or why the file is no SVG it can draw. */
export function parseSvg(text: string): { root: SvgNode } | { problem: string } {
  const s = text;
  let at = s.length - s.trimStart().length;
  const end = s.trimEnd().length;
  const stack: SvgNode[] = [];
  let root: SvgNode | undefined;
  const match = (pattern: RegExp): RegExpExecArray | null => {
    pattern.lastIndex = at;
    const found = pattern.exec(s);
    if (found) at = pattern.lastIndex;
    return found;
  };
  while (at < end) {
    let found: RegExpExecArray | null;
    if ((found = match(OPEN))) {
      const node: SvgNode = { name: found[1]!, attributes: new Map(), children: [] };
      while ((found = match(ATTRIBUTE))) {
        const [whole, name, double, single] = found;
        if (node.attributes.has(name!)) continue;
        const value = double ?? single ?? '';
        // The value starts after the first quote: a name has none.
        const start = at - whole.length + whole.indexOf(double === undefined ? "'" : '"') + 1;
        node.attributes.set(name!, { value: decodeEntities(value), start, end: start + value.length });
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(node);
      else if (root) return notWellFormed(s, at, 'a second top-level element');
      else root = node;
      if (match(CLOSE_START)) {
        if (stack.length >= MAX_DEPTH) return TOO_DEEP;
        stack.push(node);
      } else if (!match(SELF_CLOSE)) return notWellFormed(s, at, `a tag <${node.name}> that does not end`);
    } else if ((found = match(CLOSING))) {
      const open = stack.pop();
      if (open?.name !== found[1]) return notWellFormed(s, at, `</${found[1]}> where ${open ? `</${open.name}>` : 'nothing'} should close`);
    } else if (!(match(COMMENT) ?? match(INSTRUCTION) ?? match(DOCTYPE) ?? match(CDATA) ?? match(TEXT))) {
      return notWellFormed(s, at, 'a "<" that starts no tag');
    }
  }
  if (stack.length > 0) return notWellFormed(s, at, `<${stack[stack.length - 1]!.name}> is never closed`);
  if (root?.name !== 'svg') return { problem: 'the file is not an SVG image (its first element is not <svg>)' };
  return { root };
}

/**
 * The work drawing `root` would take, counted without doing it, and stopped as soon as it is over
 * the budget; or the reference loop that makes it endless.
 */
export function svgWork(root: SvgNode): { work: number } | { problem: string } {
  const byId = new Map<string, SvgNode>();
  let nodes = 0;
  const index = (node: SvgNode) => {
    nodes++;
    const id = node.attributes.get('id')?.value;
    if (id !== undefined && !byId.has(id)) byId.set(id, node);
    node.children.forEach(index);
  };
  index(root);
  // Per element: the elements it makes, the lookups it does (its children and whatever it refers
  // to included) and how deep it goes, for the renderer recurses that deep.
  type Cost = { made: number; lookups: number; height: number };
  const known = new Map<SvgNode, Cost | 'open'>();
  const cost = (node: SvgNode, depth: number): Cost | { problem: string } => {
    const seen = known.get(node);
    if (seen === 'open')
      return { problem: `the SVG refers to itself in a loop (through "${printable(node.attributes.get('id')?.value ?? node.name)}")` };
    if (seen) return depth + seen.height > MAX_DEPTH ? TOO_DEEP : seen;
    if (depth > MAX_DEPTH) return TOO_DEEP;
    known.set(node, 'open');
    const result: Cost = { made: 1, lookups: 0, height: 1 };
    const parts = [...node.children];
    for (const [name, { value }] of node.attributes) {
      const id = referenceOf(name, value);
      if (id === undefined) continue;
      result.lookups++;
      const target = byId.get(id);
      if (target) parts.push(target);
    }
    for (const part of parts) {
      const inner = cost(part, depth + 1);
      if ('problem' in inner) return inner;
      result.made = Math.min(result.made + inner.made, CAP);
      result.lookups = Math.min(result.lookups + inner.lookups, CAP);
      result.height = Math.max(result.height, inner.height + 1);
    }
    known.set(node, result);
    return result;
  };
  const total = cost(root, 1);
  if ('problem' in total) return total;
  return { work: Math.min(total.made + total.lookups * nodes, CAP) };
}

/** The `<image>` elements' addresses, in file order. */
export function svgPictures(root: SvgNode): SvgPicture[] {
  const found: SvgPicture[] = [];
  const visit = (node: SvgNode) => {
    if (node.name === 'image') {
      const href = node.attributes.get('href') ?? node.attributes.get('xlink:href');
      found.push(href ? { href: href.value, start: href.start, end: href.end } : { href: '', start: -1, end: -1 });
    }
    node.children.forEach(visit);
  };
  visit(root);
  return found;
}

// --- internal ---

const CAP = Number.MAX_SAFE_INTEGER / 4;
const TOO_DEEP = { problem: `the SVG nests elements (or references) more than ${MAX_DEPTH} deep` };
// The renderer's own patterns (svg-to-pdfkit's parseXml), as sticky expressions.
const OPEN = /<([\w:.-]+)\s*/y;
const ATTRIBUTE = /([\w:.-]+)(?:\s*=\s*"([^"]*)"|\s*=\s*'([^']*)')?\s*/y;
const CLOSE_START = />/y;
const SELF_CLOSE = /\/>/y;
const CLOSING = /<\/([\w:.-]+)\s*>/y;
const COMMENT = /<!--[\s\S]*?-->/y;
const INSTRUCTION = /<\?[\s\S]*?\?>/y;
const DOCTYPE = /<!DOCTYPE\s*[\s\S]*?>/y;
const CDATA = /<!\[CDATA\[[\s\S]*?\]\]>/y;
const TEXT = /[^<]+/y;

/** The id an attribute refers to (`href="#a"`, `fill="url(#b)"`), as the renderer resolves it. */
function referenceOf(name: string, value: string): string | undefined {
  if (name !== 'href' && name !== 'xlink:href' && !value.includes('url(')) return undefined;
  const found = /^\s*(?:url\("?'?)?#([^"')\s]+)/.exec(value) ?? /url\(\s*["']?#([^"')\s]+)/.exec(value);
  return found?.[1];
}

function decodeEntities(value: string): string {
  return value.replace(
    /&(?:#([0-9]+)|#[xX]([0-9A-Fa-f]+)|(amp|lt|gt|quot|apos));/g,
    (whole, dec?: string, hex?: string, named?: string) => {
      if (dec) return String.fromCharCode(Number.parseInt(dec, 10));
      if (hex) return String.fromCharCode(Number.parseInt(hex, 16));
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named as 'amp'] ?? whole;
    },
  );
}

function notWellFormed(text: string, at: number, what: string): { problem: string } {
  const line = text.slice(0, at).split('\n').length;
  return { problem: `the SVG is not well-formed: ${what} (line ${line}); open it in a drawing program and save it again` };
}

/** A name from the file as it may be shown on a terminal: letters, digits and a few marks, shortened. */
function printable(name: string): string {
  const clean = name.replace(/[^\w.:-]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
