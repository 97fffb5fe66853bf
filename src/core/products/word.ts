import type { ViewModel } from '../view/view-types.js';
import type { Topic } from '../model.js';
import { agreementDoc, guideDoc, handoutDoc } from '../word/word-docs.js';
import type { WordDoc } from '../word/word-model.js';
import { wordWriter } from '../word/word-writer.js';
import type { Product } from './product.js';

/** The guide as an editable Word file: the PDF stays the official version. */
export const drejebogWord: Product = wordProduct('drejebogWord', 'drejebog.docx', guideDoc);

/** The participants' sheet as an editable Word file. */
export const handoutWord: Product = wordProduct('handoutWord', 'handout.docx', (view) => handoutDoc(view));

/** An agreement and minutes sheet to fill in during the meeting: topic, date, participants, ideas and dots, what/who/when/follow-up. */
export const aftaleark: Product = wordProduct('aftaleark', 'aftaleark.docx', (view) => agreementDoc(view));

// --- internal ---

/** A Word copy: made from the view model alone (no layout file), written by the lazily loaded `docx` writer. */
function wordProduct(name: string, file: string, make: (view: ViewModel, topic: Topic) => WordDoc): Product {
  return {
    name,
    file,
    kind: 'docx',
    inArchive: true,
    parts: [],
    settings: {},
    layout: false,
    async make(ctx) {
      const write = await wordWriter();
      const bytes = await write(make(ctx.view, ctx.topic), ctx.creationDate);
      return { file: { path: `${ctx.topic.meta.slug}/${file}`, bytes }, diagnostics: [] };
    },
  };
}
