import { phonePage } from '../html/phone.js';
import { screenFitDiagnostics } from '../html/screen-fit.js';
import { screenPage } from '../html/screen.js';
import type { Diagnostic } from '../model.js';
import type { FontSet } from '../pdf/typeset.js';
import type { ViewModel } from '../view/view-types.js';
import type { Product } from './product.js';

/** The participants' handout as a page for their phones: `<slug>/index.html`, so `<base-url><slug>/` opens it. */
export const phone: Product = webEdition('phone', 'index.html', phonePage);

/** The room's screen: a view per step and per flip-chart prompt, with the step clock. */
export const screen: Product = webEdition(
  'skaerm',
  'skaerm.html',
  (view, fonts) => screenPage(view, fonts.Atkinson),
  // Text a projector cannot show at a readable size scrolls on the page; the build says where.
  (view, file) => screenFitDiagnostics(view, file),
);

// --- internal ---

/** A product that is one HTML page made from the view model alone: no layout file, no typesetting. */
function webEdition(
  name: string,
  file: string,
  render: (view: ViewModel, fonts: FontSet) => string,
  check: (view: ViewModel, file: string) => Diagnostic[] = () => [],
): Product {
  return {
    name,
    file,
    kind: 'html',
    inArchive: true,
    parts: [],
    settings: {},
    layout: false,
    async make(ctx) {
      return {
        file: { path: `${ctx.topic.meta.slug}/${file}`, bytes: new TextEncoder().encode(render(ctx.view, ctx.fonts)) },
        diagnostics: check(ctx.view, ctx.topic.file),
      };
    },
  };
}
