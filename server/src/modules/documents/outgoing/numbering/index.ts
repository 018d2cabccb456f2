/** Outgoing numbers (số, ký hiệu): the documents module's outgoing code uses these. */
import './numbering.tables.ts';

export {
  buildNotation,
  cancelNumber,
  documentType,
  findIssuedNumberForUpdate,
  formatFullNumber,
  issueNumber,
  previewNotation,
  type IssuedNumber,
  type IssueNumberInput,
} from './numbering.ts';
export type { IssuedNumberStatus, IssuedNumbersTable } from './numbering.tables.ts';
export { numberingRoutes } from './numbering.routes.ts';
