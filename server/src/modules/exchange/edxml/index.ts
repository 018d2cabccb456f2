/**
 * The edXML codec (QCVN 102:2016), usable on its own: no database, no configuration. For integrators, tests
 * and the bench: `parseEdxml(buffer)`, `buildEdxml(model)`, `signEdxml`, `verifyEdxmlSignature`.
 */
export * from './edxml.types.ts';
export { EDXML_ISSUES, EdxmlError, type EdxmlIssue, type EdxmlIssueCode } from './edxml.errors.ts';
export { parseEdxml, parseEdxmlOrThrow, type EdxmlParseOptions, type EdxmlParseResult } from './edxml.parse.ts';
export { buildEdxml, type EdxmlBuildOptions } from './edxml.build.ts';
export {
  signEdxml,
  verifyEdxmlSignature,
  certificatesFromPem,
  type EdxmlSigningKey,
  type EdxmlSigner,
  type EdxmlVerifyOptions,
  type EdxmlVerifyResult,
} from './edxml.signature.ts';
export {
  validateEdxml,
  documentIdOf,
  isValidDocumentId,
  EDXML_IDENTIFIER,
  DEFAULT_ALLOWED_CONTENT_TYPES,
} from './edxml.validate.ts';
export { DEFAULT_XML_LIMITS, type XmlLimits } from './edxml.xml.ts';
export { parseEdxmlDate, parseEdxmlMoment, toEdxmlMoment } from './edxml.dates.ts';
