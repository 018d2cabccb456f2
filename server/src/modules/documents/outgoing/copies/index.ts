/** Copies (bản sao y, sao lục, trích sao) of documents the organisation holds, with their own numbers. */
import './copies.tables.ts';
export { copiesRoutes } from './copies.routes.ts';
export { allocateCopyNumber, copyNotation, copySeries } from './copies.numbering.ts';
export { parsePageRanges, renderCopyPdf, vietnamIsoTime, type CopyBlock, type CopyContent } from './copies.pdf.ts';
export { signCopyAsOrganization } from './copies.signature.ts';
export { COPY_FORMS, COPY_FORM_TITLES, type CopyForm, type CopyMedium } from './copies.types.ts';
