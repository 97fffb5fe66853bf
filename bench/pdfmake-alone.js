/**
 * The floor that issue 22 measures the cold build against: a fresh Node process in which pdfmake
 * alone (the npm package as shipped, none of our patches or layouts) renders one simple guide per
 * topic: the title, then the body's headings, paragraphs and lists as Markdown gives them, in the
 * same font. Plain JavaScript, run by `node` itself, so it pays no TypeScript loader.
 *
 *   node bench/pdfmake-alone.js <content folder>    prints the number of bytes written
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import matter from 'gray-matter';
import { marked } from 'marked';

const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake');

const face = (name) => require.resolve(`@expo-google-fonts/atkinson-hyperlegible/${name}/AtkinsonHyperlegible_${name}.ttf`);
pdfmake.setFonts({
  Atkinson: {
    normal: face('400Regular'),
    bold: face('700Bold'),
    italics: face('400Regular_Italic'),
    bolditalics: face('700Bold_Italic'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.endsWith('.ttf'));

const folder = process.argv[2];
let bytes = 0;
for (const name of readdirSync(folder)
  .filter((n) => n.endsWith('.md'))
  .sort()) {
  const { data, content } = matter(readFileSync(join(folder, name), 'utf8'));
  const doc = {
    content: [
      { text: String(data.title ?? name), fontSize: 20, bold: true, margin: [0, 0, 0, 12] },
      ...marked.lexer(content).flatMap(block),
    ],
    defaultStyle: { font: 'Atkinson', fontSize: 10.5, lineHeight: 1.25 },
  };
  const buffer = await pdfmake.createPdf(doc).getBuffer();
  bytes += buffer.length;
}
console.log(bytes);

/** A Markdown block as simple pdfmake content: headings bold, lists as lists, the rest as paragraphs. */
function block(token) {
  if (token.type === 'heading') return [{ text: token.text, bold: true, fontSize: 16 - token.depth, margin: [0, 10, 0, 4] }];
  if (token.type === 'paragraph') return [{ text: token.text, margin: [0, 0, 0, 6] }];
  if (token.type === 'list') return [{ [token.ordered ? 'ol' : 'ul']: token.items.map((item) => item.text), margin: [0, 0, 0, 6] }];
  if (token.type === 'blockquote') return token.tokens.flatMap(block);
  return [];
}
