/**
 * The UI text catalogs. Shared text lives in `vi.json`/`en.json`; each business feature keeps its own
 * catalogs beside its pages (`features/<feature>/i18n/{vi,en}.json`) under one top-level key, merged here.
 * Add a feature's catalogs with one line per language.
 */
import en from './en.json';
import vi from './vi.json';

export const viCatalog = {
  ...vi,
};

export const enCatalog: typeof viCatalog = {
  ...en,
};
