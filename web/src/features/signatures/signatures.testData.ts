/** Answers shaped like the signatures API, for the screen tests. */
import type { Credentials, SignatureCheck, Validation } from './signatures.types';

export const FILE_ID = '00000000-0000-4000-8000-000000000801';

const reason = (code: string, vi: string, en: string) => ({ code, vi, en });

export const UNSIGNED_CHANGES = reason(
  'modified_after_signing',
  'Tài liệu có thay đổi được thêm sau khi ký mà không được ký',
  'Unsigned changes were added to the document after this signature',
);
export const UNTRUSTED = reason(
  'untrusted_chain',
  'Chứng thư số không thuộc tổ chức cung cấp dịch vụ chứng thực được tin cậy',
  'The certificate does not chain to a trusted root',
);

export function signatureCheck(more: Partial<SignatureCheck> = {}): SignatureCheck {
  return {
    index: 1,
    fieldName: 'Signature1',
    signerName: 'Nguyễn Văn Phúc',
    organization: 'Bộ Giáo dục và Đào tạo',
    subject: 'CN=Nguyễn Văn Phúc, O=Bộ Giáo dục và Đào tạo',
    issuer: 'CN=EduGov DEMO Root CA',
    serialNumber: '01',
    signingTime: '2026-11-21T09:30:00+07:00',
    signingTimeSource: 'pdf',
    subFilter: 'ETSI.CAdES.detached',
    timestamped: false,
    intact: true,
    coversWholeDocument: true,
    laterChanges: 'none',
    trusted: true,
    trustAnchor: 'CN=EduGov DEMO Root CA',
    certificateValidAtSigningTime: true,
    revocationChecked: false,
    verdict: 'valid',
    reasons: [],
    ...more,
  };
}

export function validation(report: Partial<Validation['report']> = {}): Validation {
  const signatures = report.signatures ?? [signatureCheck()];
  const verdict = report.verdict ?? 'valid';
  return {
    id: '00000000-0000-4000-8000-000000000802',
    fileId: FILE_ID,
    verdict,
    report: {
      verdict,
      reasons: [],
      signatures,
      sizeBytes: 4096,
      sha256: 'a'.repeat(64),
      validatedAt: '2026-11-21T03:00:00.000Z',
      ...report,
    },
    validatedBy: null,
    createdAt: '2026-11-21T03:00:00.000Z',
  };
}

/** A report whose second signature was followed by unsigned changes and chains to no trusted root. */
export const invalidReport = validation({
  verdict: 'invalid',
  reasons: [reason('signature_invalid', 'Có chữ ký không hợp lệ', 'At least one signature is invalid')],
  signatures: [
    signatureCheck({ laterChanges: 'signatures_only', coversWholeDocument: false }),
    signatureCheck({
      index: 2,
      signerName: 'Trần Thị Lan',
      organization: 'Sở GD&ĐT Hà Nội',
      signingTime: '2026-11-22T14:05:00+07:00',
      laterChanges: 'unsigned_changes',
      coversWholeDocument: false,
      trusted: false,
      trustAnchor: null,
      verdict: 'invalid',
      reasons: [UNSIGNED_CHANGES, UNTRUSTED],
    }),
  ],
});

export const credentials: Credentials = {
  personal: {
    id: '00000000-0000-4000-8000-000000000811',
    owner: 'person',
    provider: 'pkcs12',
    label: 'Đỗ Thu Trang (DEMO)',
    subject: 'CN=Đỗ Thu Trang, O=Bộ Giáo dục và Đào tạo',
    issuer: 'CN=EduGov DEMO Root CA',
    serialNumber: '1A2B',
    fingerprint: 'b'.repeat(64),
    notBefore: '2026-01-01T00:00:00.000Z',
    notAfter: '2036-12-31T16:00:00.000Z',
    demo: true,
  },
  organization: null,
};
