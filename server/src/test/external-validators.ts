/**
 * The independent validators (poppler's pdfsig with an NSS database, openssl) for tests of any module that
 * signs PDFs: they live with the signatures module's fixtures; other modules reach them through here.
 */
export { nssDbTrusting, pdfsig, TOOLS, toolsMissing } from '../modules/signatures/signatures.fixtures.ts';
