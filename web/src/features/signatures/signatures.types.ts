/** Types of digital signatures (chữ ký số), picked out of the generated API schema. */
import type { ApiBody, ApiResponse } from '../../api/types';

export type Validation = ApiResponse<'/api/v1/signatures/validations/latest', 'get'>;
export type ValidationReport = Validation['report'];
export type SignatureCheck = ValidationReport['signatures'][number];
export type Verdict = Validation['verdict'];
export type Reason = ValidationReport['reasons'][number];
/** What a badge says: the server's verdict, or `none` when the file carries no signature at all. */
export type DisplayVerdict = Verdict | 'none';

export type Credentials = ApiResponse<'/api/v1/signatures/credentials', 'get'>;
export type Credential = NonNullable<Credentials['personal']>;
export type NewPkcs12 = ApiBody<'/api/v1/signatures/credentials/pkcs12', 'post'>;

export type ImageKind = 'signature' | 'seal';
export type SignatureImage = ApiResponse<'/api/v1/signatures/images/{kind}', 'put'>;

export type TrustRoot = ApiResponse<'/api/v1/signatures/trust-roots', 'get'>['items'][number];
export type NewTrustRoot = ApiBody<'/api/v1/signatures/trust-roots', 'post'>;

/** The verdict to show for a report: `none` when no signature was found in the file. */
export function displayVerdict(report: Pick<ValidationReport, 'verdict' | 'signatures'>): DisplayVerdict {
  return report.signatures.length === 0 ? 'none' : report.verdict;
}
