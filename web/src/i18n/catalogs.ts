/**
 * The UI text catalogs. Shared text lives in `vi.json`/`en.json`; each business feature keeps its own
 * catalogs beside its pages (`features/<feature>/i18n/{vi,en}.json`) under one top-level key, merged here.
 * Add a feature's catalogs with one line per language.
 */
import enApprovals from '../features/approvals/i18n/en.json';
import viApprovals from '../features/approvals/i18n/vi.json';
import enCalendar from '../features/calendar/i18n/en.json';
import viCalendar from '../features/calendar/i18n/vi.json';
import enExchange from '../features/exchange/i18n/en.json';
import viExchange from '../features/exchange/i18n/vi.json';
import enFiles from '../features/files/i18n/en.json';
import viFiles from '../features/files/i18n/vi.json';
import enIncoming from '../features/incoming/i18n/en.json';
import viIncoming from '../features/incoming/i18n/vi.json';
import enOutgoing from '../features/outgoing/i18n/en.json';
import viOutgoing from '../features/outgoing/i18n/vi.json';
import enCopies from '../features/outgoing/i18n/copies.en.json';
import viCopies from '../features/outgoing/i18n/copies.vi.json';
import enNotifications from '../features/notifications/i18n/en.json';
import viNotifications from '../features/notifications/i18n/vi.json';
import enSignatures from '../features/signatures/i18n/en.json';
import viSignatures from '../features/signatures/i18n/vi.json';
import enSupervision from '../features/supervision/i18n/en.json';
import viSupervision from '../features/supervision/i18n/vi.json';
import en from './en.json';
import vi from './vi.json';

export const viCatalog = {
  ...vi,
  ...viNotifications,
  ...viCalendar,
  ...viApprovals,
  ...viFiles,
  ...viIncoming,
  ...viOutgoing,
  ...viCopies,
  ...viSupervision,
  ...viSignatures,
  ...viExchange,
};

export const enCatalog: typeof viCatalog = {
  ...en,
  ...enNotifications,
  ...enCalendar,
  ...enApprovals,
  ...enFiles,
  ...enIncoming,
  ...enOutgoing,
  ...enCopies,
  ...enSupervision,
  ...enSignatures,
  ...enExchange,
};
