import type { NL } from "./nl";

/**
 * The catalogue's shape is nl.ts's: a key there and not in en.ts does not compile. Kept apart from
 * catalogue.ts so that en.ts can name it without importing the module that imports en.ts.
 */
export type Catalogue = { readonly [S in keyof typeof NL]: { readonly [K in keyof (typeof NL)[S]]: string } };
