import 'i18next';
import type { viCatalog } from './catalogs';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof viCatalog };
  }
}
