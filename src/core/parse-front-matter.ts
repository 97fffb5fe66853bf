import matter from 'gray-matter';
import { isAlias, isMap, isScalar, LineCounter, parseDocument, visit, type Node as YamlNode, type YAMLMap } from 'yaml';
import { dateProblem } from './dates.js';
import { diagnostic } from './diagnostics.js';
import { LIMITS } from './input-bounds.js';
import { ideaCardsFor, type Diagnostic, type Language, type Media, type MediaKind, type PaperSize, type Range, type TopicMeta } from './model.js';
import { isPlaceholder, PLACEHOLDER_HINT } from './placeholders.js';
import { closest } from './suggest.js';
import { explainYamlError, firstLookAlike } from './yaml-errors.js';

/** The front matter as read, before the body is parsed. */
export interface FrontMatterResult {
  meta?: TopicMeta;
  /** The Markdown after the front matter. */
  body: string;
  /** 1-based line in the file where `body` starts. */
  bodyLine: number;
  /** The front matter never ends, so the whole file is unreadable as a body. */
  noBody?: boolean;
  diagnostics: Diagnostic[];
}

const TOP_KEYS = [
  'title', 'slug', 'series', 'publisher', 'date', 'language', 'duration',
  'participants', 'media', 'draft', 'flipover', 'dotvote',
] as const;
const MEDIA_KEYS = ['kind', 'title', 'url', 'minutes'] as const;
const FLIPOVER_KEYS = ['size', 'tile'] as const;
const DOTVOTE_KEYS = ['cards', 'dots'] as const;
const MEDIA_KINDS: readonly MediaKind[] = ['film', 'podcast', 'case'];
const PAPER_SIZES: readonly PaperSize[] = ['A4', 'A3', 'A2', 'A1'];
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;


/**
 * Splits the front matter from the body (gray-matter) and validates it against the contract.
 * `text` must already be normalised (no BOM, `\n` line endings).
 */
export function parseFrontMatter(file: string, text: string, fallbackSlug: string): FrontMatterResult {
  const diagnostics: Diagnostic[] = [];
  const opens = /^---[ \t]*\n/.test(text);
  if (opens && !/\n---[ \t]*(\n|$)/.test(text.slice(3))) {
    diagnostics.push(
      diagnostic('error', file, 1, 'the front matter is not closed', 'end it with a line that holds only `---`'),
    );
    return { body: '', bodyLine: 1, diagnostics, noBody: true };
  }
  if (!opens) {
    diagnostics.push(
      diagnostic('error', file, 1, 'the file has no front matter', 'start the file with `---`, then `title:`, `duration:` and `participants:`, then `---`'),
    );
    return { body: text, bodyLine: 1, diagnostics };
  }

  // gray-matter splits; the YAML itself is parsed by `yaml` below, which keeps positions.
  const split = matter(text, { language: 'yaml', engines: { yaml: { parse: () => ({}) } } });
  const body = split.content;
  const bodyLine = countLines(text.slice(0, text.length - body.length)) + 1;

  const lineCounter = new LineCounter();
  const doc = parseDocument(split.matter, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  // The raw matter starts on the `---` line itself, so YAML line N is file line N.
  const at = (node: YamlNode | null | undefined, fallback = 1) => {
    const offset = node?.range?.[0];
    return offset === undefined ? { line: fallback, col: 1 } : lineCounter.linePos(offset);
  };
  // The first error, in the author's terms; later ones mostly follow from it, except keys given twice.
  const matterLines = split.matter.split('\n');
  doc.errors.forEach((error, index) => {
    if (index > 0 && error.code !== 'DUPLICATE_KEY') return;
    const explained = explainYamlError(error, lineCounter.linePos(error.pos[0]), matterLines);
    diagnostics.push(diagnostic('error', file, explained.line, explained.message, explained.hint, explained.col));
  });
  if (doc.errors.length > 0) return { body, bodyLine, diagnostics };

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    diagnostics.push(diagnostic('error', file, 1, 'the front matter is empty', 'add at least `title:`, `duration:` and `participants:`'));
    return { body, bodyLine, diagnostics };
  }
  if (!isMap(root)) {
    diagnostics.push(diagnostic('error', file, at(root).line, 'the front matter must be a list of `key: value` lines'));
    return { body, bodyLine, diagnostics };
  }

  const report = (node: YamlNode | null | undefined, message: string, hint?: string) => {
    const pos = at(node);
    diagnostics.push(diagnostic('error', file, pos.line, message, hint, pos.col));
  };
  // Aliases are never resolved, anywhere, so an alias bomb ("billion laughs") costs nothing: the
  // first one found is reported and the front matter is read no further.
  let alias: YamlNode | undefined;
  visit(doc, { Alias: (_key, node) => ((alias = node as YamlNode), visit.BREAK) });
  if (alias) {
    report(alias, 'YAML aliases (`*name`) are not supported', 'write the value out in full');
    return { body, bodyLine, diagnostics };
  }
  // Reads a map's entries, reporting unknown keys (and so `__proto__`/`constructor`) with a suggestion.
  // Values are returned as YAML nodes; nothing from the file becomes an object key of ours.
  // Keys an unknown key was taken for ("titel" → title): their absence is not reported twice.
  const suggested = new Set<string>();
  const entries = (map: YAMLMap, known: readonly string[], where: string) => {
    const found = new Map<string, YamlNode>();
    for (const pair of map.items) {
      const keyNode = pair.key as YamlNode;
      const key = isScalar(keyNode) ? String(keyNode.value) : '';
      if (!known.includes(key)) {
        const guess = closest(key, known);
        if (guess) suggested.add(guess);
        const odd = firstLookAlike(key);
        const named = odd ? ` (it contains ${odd.name})` : '';
        report(keyNode, `unknown key \`${key}\`${where}${named}`, guess ? `did you mean \`${guess}\`?` : `known keys: ${known.join(', ')}`);
        continue;
      }
      found.set(key, pair.value as YamlNode);
    }
    return found;
  };
  // Aliases are never resolved, so an alias bomb ("billion laughs") costs nothing: it is refused here.
  const scalar = (node: YamlNode | undefined): unknown => {
    if (node === undefined || node === null) return undefined;
    if (isAlias(node)) {
      report(node, 'YAML aliases (`*name`) are not supported', 'write the value out in full');
      return undefined;
    }
    return isScalar(node) ? node.value : node;
  };

  diagnostics.push(...swallowedByComments(file, split.matter, lineCounter, doc));

  const top = entries(root, TOP_KEYS, '');
  const text_ = (key: string, required: boolean): string | undefined => {
    const node = top.get(key);
    const value = scalar(node);
    if (value === undefined || value === null) {
      if (required && !suggested.has(key)) report(root, `\`${key}\` is missing`, `add a line \`${key}: …\` to the front matter`);
      return undefined;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      report(node, `\`${key}\` must be text`);
      return undefined;
    }
    const trimmed = String(value).trim();
    if (trimmed === '') {
      report(node, `\`${key}\` is empty`, `write the ${key} after \`${key}:\``);
      return undefined;
    }
    return trimmed;
  };

  const title = text_('title', true);
  const series = text_('series', false);
  const publisher = text_('publisher', false);

  let slug = fallbackSlug;
  const slugNode = top.get('slug');
  if (slugNode !== undefined) {
    const value = text_('slug', false);
    if (value !== undefined && !SLUG.test(value)) {
      report(slugNode, `\`slug\` "${value}" may only hold a-z, 0-9 and single hyphens`, 'for example `slug: private-it-loesninger`');
    } else if (value !== undefined) slug = value;
  } else if (!SLUG.test(fallbackSlug)) {
    report(root, `the file name "${fallbackSlug}" is not a valid slug, and no \`slug\` is given`, 'add e.g. `slug: mit-emne` (a-z, 0-9 and hyphens) or rename the file');
  }

  let date: string | undefined;
  const dateNode = top.get('date');
  if (dateNode !== undefined) {
    const value = scalar(dateNode);
    const asText = value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '');
    const problem = dateProblem(asText);
    if (problem !== undefined) report(dateNode, `\`date\` "${asText}" ${problem}`, 'write it as YYYY-MM-DD, e.g. `date: 2023-10-27`');
    else date = asText;
  }

  let language: Language = 'da';
  const languageNode = top.get('language');
  if (languageNode !== undefined) {
    const value = scalar(languageNode);
    if (value === 'da' || value === 'en') language = value;
    else report(languageNode, `\`language\` must be \`da\` or \`en\`, not "${String(value)}"`);
  }

  const duration = range(top.get('duration'), 'duration', 'minutes', '`duration: 60` or `duration: "45-60"`', true);
  const participants = range(top.get('participants'), 'participants', 'people', '`participants: "4-20"`', false, LIMITS.participants);
  if (!top.has('duration')) report(root, '`duration` is missing', 'add the total time in minutes, e.g. `duration: 60` or `duration: "45-60"`');
  if (!top.has('participants')) report(root, '`participants` is missing', 'add the group size, e.g. `participants: "4-20"`');

  const draftNode = top.get('draft');
  let draft = false;
  if (draftNode !== undefined) {
    const value = scalar(draftNode);
    if (typeof value === 'boolean') draft = value;
    else report(draftNode, '`draft` must be `true` or `false`');
  }

  const media = parseMedia(top.get('media'));
  const flipover = parseFlipover(top.get('flipover'));
  const dotvote = parseDotvote(top.get('dotvote'), participants);

  if (diagnostics.some((d) => d.severity === 'error') || title === undefined || duration === undefined || participants === undefined) {
    return { body, bodyLine, diagnostics };
  }
  const meta: TopicMeta = {
    title, slug, language, duration, participants, draft, flipover, dotvote,
    ...(series !== undefined && { series }),
    ...(publisher !== undefined && { publisher }),
    ...(date !== undefined && { date }),
    ...(media !== undefined && { media }),
  };
  return { meta, body, bodyLine, diagnostics };

  // --- internal ---

  function range(node: YamlNode | undefined, key: string, unit: string, example: string, allowSingle: boolean, largest = Infinity): Range | undefined {
    if (node === undefined) return undefined;
    const value = scalar(node);
    const textValue = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
    const match = textValue === undefined ? null : /^(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?$/.exec(textValue);
    if (!match) {
      report(node, `\`${key}\` must be a number of ${unit} or a range, not "${String(textValue ?? typeof value)}"`, `write e.g. ${example}`);
      return undefined;
    }
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : Number(match[2]);
    if (match[2] === undefined && !allowSingle) {
      report(node, `\`${key}\` must be a range from the smallest to the largest group`, `write e.g. ${example}`);
      return undefined;
    }
    if (min < 1) {
      report(node, `\`${key}\` must be at least 1`, `write e.g. ${example}`);
      return undefined;
    }
    if (min > max) {
      report(node, `\`${key}\` "${textValue}" goes backwards`, `write the smaller figure first: \`${key}: "${max}-${min}"\``);
      return undefined;
    }
    if (max > largest) {
      report(node, `\`${key}\` goes up to ${max}; at most ${largest} ${unit} are supported`, `write e.g. \`${key}: "${min}-${largest}"\``);
      return undefined;
    }
    return { min, max };
  }

  function mapOf(node: YamlNode | undefined, key: string, example: string): YAMLMap | undefined {
    if (node === undefined) return undefined;
    if (!isMap(node)) {
      report(node, `\`${key}\` must be a map of keys`, `write e.g. ${example}`);
      return undefined;
    }
    return node;
  }

  function parseMedia(node: YamlNode | undefined): Media | undefined {
    const map = mapOf(node, 'media', '`media: { kind: film, title: …, url: "https://…", minutes: 6 }`');
    if (!map) return undefined;
    const fields = entries(map, MEDIA_KEYS, ' in `media`');
    const kindNode = fields.get('kind');
    const kind = scalar(kindNode);
    const titleValue = scalar(fields.get('title'));
    let ok = true;
    if (!MEDIA_KINDS.includes(kind as MediaKind)) {
      report(kindNode ?? map, kindNode ? `\`media.kind\` must be film, podcast or case, not "${String(kind)}"` : '`media.kind` is missing', 'write `kind: film`, `kind: podcast` or `kind: case`');
      ok = false;
    }
    if (typeof titleValue !== 'string' || titleValue.trim() === '') {
      report(fields.get('title') ?? map, '`media.title` is missing or empty', 'write the title of the film, podcast or case');
      ok = false;
    }
    const urlNode = fields.get('url');
    const url = scalar(urlNode);
    if (urlNode !== undefined && (typeof url !== 'string' || !/^https?:\/\/[^\s/]+\.[^\s]*$/i.test(url))) {
      report(urlNode, `\`media.url\` must be an http or https address, not "${String(url)}"`, 'write e.g. `url: "https://www.borger.dk"`');
      ok = false;
    }
    if (ok && typeof url === 'string' && isPlaceholder(url)) {
      const pos = at(urlNode);
      diagnostics.push(diagnostic('warning', file, pos.line, `\`media.url\` "${url}" is a placeholder, not a real address`, PLACEHOLDER_HINT, pos.col));
    }
    const minutesNode = fields.get('minutes');
    const minutes = scalar(minutesNode);
    if (minutesNode !== undefined && (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > 600)) {
      report(minutesNode, '`media.minutes` must be a whole number of minutes', 'write e.g. `minutes: 6`');
      ok = false;
    }
    if (!ok) return undefined;
    return {
      kind: kind as MediaKind,
      title: (titleValue as string).trim(),
      ...(typeof url === 'string' && { url }),
      ...(typeof minutes === 'number' && { minutes }),
    };
  }

  function parseFlipover(node: YamlNode | undefined): TopicMeta['flipover'] {
    const result: TopicMeta['flipover'] = { size: 'A3' };
    const map = mapOf(node, 'flipover', '`flipover: { size: A2, tile: A4 }`');
    if (!map) return result;
    const fields = entries(map, FLIPOVER_KEYS, ' in `flipover`');
    const sizeNode = fields.get('size');
    if (sizeNode !== undefined) {
      const size = String(scalar(sizeNode));
      if (PAPER_SIZES.includes(size as PaperSize)) result.size = size as PaperSize;
      else report(sizeNode, `\`flipover.size\` must be A4, A3, A2 or A1, not "${size}"`);
    }
    const tileNode = fields.get('tile');
    if (tileNode !== undefined) {
      const tile = scalar(tileNode);
      if (tile === 'A4') result.tile = 'A4';
      else if (tile !== false && tile !== null) report(tileNode, `\`flipover.tile\` can only be A4, not "${String(tile)}"`, 'write `tile: A4` or leave the key out');
    }
    return result;
  }

  function parseDotvote(node: YamlNode | undefined, group: Range | undefined): TopicMeta['dotvote'] {
    const result = { cards: ideaCardsFor(group?.max ?? 20), dots: 1 };
    const map = mapOf(node, 'dotvote', '`dotvote: { cards: 20, dots: 2 }`');
    if (!map) return result;
    const fields = entries(map, DOTVOTE_KEYS, ' in `dotvote`');
    for (const [key, max] of [['cards', 200], ['dots', 10]] as const) {
      const valueNode = fields.get(key);
      if (valueNode === undefined) continue;
      const value = scalar(valueNode);
      if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max) result[key] = value;
      else report(valueNode, `\`dotvote.${key}\` must be a whole number from 1 to ${max}`, `write e.g. \`${key}: ${key === 'cards' ? 20 : 1}\``);
    }
    return result;
  }
}

/**
 * `title: Hjælp til MitID #1` is valid YAML that loses "#1": after a space, `#` starts a comment. A
 * value without quotes followed by a comment on its own line was most likely meant whole.
 */
function swallowedByComments(file: string, matter: string, lineCounter: LineCounter, doc: ReturnType<typeof parseDocument>): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Pair: (_key, pair) => {
      const value = pair.value;
      if (!isScalar(value) || value.type !== 'PLAIN' || !value.range) return;
      const comment = /^[ \t]+(#[^\n]*)/.exec(matter.slice(value.range[1]))?.[1]?.trimEnd();
      if (comment === undefined) return;
      const pos = lineCounter.linePos(matter.indexOf('#', value.range[1]));
      const key = isScalar(pair.key) ? String(pair.key.value) : 'value';
      const whole = `${matter.slice(value.range[0], value.range[1])} ${comment}`.replace(/"/g, '\\"');
      out.push(diagnostic('warning', file, pos.line, `"${comment}" is read as a YAML comment and is not part of \`${key}\``, `put the whole value in quotes: \`${key}: "${whole}"\``, pos.col));
    },
  });
  return out;
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
