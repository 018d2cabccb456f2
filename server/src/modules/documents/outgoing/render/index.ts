/**
 * The official PDF of an outgoing document (Nghị định 30/2020 layout): a pure renderer, no database, no HTTP.
 * Import it through this file.
 */
export { renderOfficialPdf, renderOfficialPdfWithLayout, MOTTO, NATIONAL_TITLE } from './official-pdf.ts';
export {
  confidentialityMark,
  documentTitle,
  formatNumberLine,
  formatPlaceDate,
  signatureLines,
  templateOf,
  urgencyMark,
  type OfficialTemplate,
} from './format.ts';
export {
  AUTHORITY_PREFIXES,
  type AuthorityPrefix,
  type BlankSlot,
  type OfficialLayout,
  type OfficialDocumentInput,
  type OfficialPreamble,
  type OfficialSignature,
} from './render.types.ts';
