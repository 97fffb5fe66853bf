import { drejebog } from './drejebog.js';
import { flipover } from './flipover.js';
import { handout } from './handout.js';
import { koereplan } from './koereplan.js';
import { prikkort } from './prikkort.js';
import type { Product } from './product.js';
import { phone, screen } from './web.js';
import { aftaleark, drejebogWord, handoutWord } from './word.js';

/** Every product, in the order files are listed. A new product is one module and one line here. */
export const PRODUCTS: readonly Product[] = [
  drejebog,
  koereplan,
  handout,
  flipover,
  prikkort,
  phone,
  screen,
  drejebogWord,
  handoutWord,
  aftaleark,
];

/** The products printed from a layout in `templates/`. */
export const LAYOUT_PRODUCTS: readonly Product[] = PRODUCTS.filter((p) => p.layout !== false);

export { NO_LAYOUT, type Product, type ProductContext, type ProductResult } from './product.js';
