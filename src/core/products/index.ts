import { drejebog } from './drejebog.js';
import { flipover } from './flipover.js';
import { handout } from './handout.js';
import { prikkort } from './prikkort.js';
import type { Product } from './product.js';

/** Every product, in the order files are listed. A new product is one module and one line here. */
export const PRODUCTS: readonly Product[] = [drejebog, handout, flipover, prikkort];

export type { Product, ProductContext, ProductResult } from './product.js';
