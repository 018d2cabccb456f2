/** Sample edXML models for tests and the bench: a Công văn from the Ministry to two departments. */
import { randomBytes } from 'node:crypto';
import type { EdxmlPackage, EdxmlStatus } from './edxml.types.ts';

export const MOET = '000.00.00.G03';
export const HANOI_DOET = '000.00.01.H26';
export const NGHEAN_DOET = '000.00.01.H41';

/** A package carrying every header element of §2.3, a Bussiness block and one PDF of `attachmentBytes` bytes. */
export function samplePackage(options: { attachmentBytes?: number; seed?: Buffer } = {}): EdxmlPackage {
  const bytes = options.seed ?? randomBytes(options.attachmentBytes ?? 2048);
  return {
    kind: 'package',
    from: {
      organId: MOET,
      organizationInCharge: 'Chính phủ',
      organName: 'Bộ Giáo dục và Đào tạo',
      organAdd: '35 Đại Cồ Việt, Hai Bà Trưng, Hà Nội',
      email: 'bogddt@moet.gov.vn',
      telephone: '02438695144',
      fax: '02438694085',
      website: 'moet.gov.vn',
    },
    to: [
      { organId: HANOI_DOET, organName: 'Sở Giáo dục và Đào tạo Hà Nội' },
      { organId: NGHEAN_DOET, organName: 'Sở Giáo dục và Đào tạo Nghệ An' },
    ],
    code: { codeNumber: '0045', codeNotation: 'BGDĐT-GDPT' },
    promulgationInfo: { place: 'Hà Nội', promulgationDate: '2026-11-27' },
    documentType: { type: 18, typeDetail: 0, typeName: 'Công văn' },
    subject: 'V/v hướng dẫn thực hiện nhiệm vụ năm học 2026-2027 & "kiểm tra" <cuối kỳ>',
    content: 'Hướng dẫn các Sở GD&ĐT triển khai nhiệm vụ năm học.',
    signerInfo: { competence: 'KT. BỘ TRƯỞNG', position: 'THỨ TRƯỞNG', fullName: 'Nguyễn Văn Phúc' },
    dueDate: '2026-12-15',
    toPlaces: ['Như trên', 'Lưu: VT, GDPT'],
    otherInfo: {
      priority: 1,
      sphereOfPromulgation: 'Lưu hành nội bộ',
      typerNotation: 'TVC',
      promulgationAmount: 40,
      pageAmount: 3,
      appendixes: ['Phụ lục I: Kế hoạch thời gian năm học'],
    },
    responseFor: [
      {
        organId: HANOI_DOET,
        code: '1234/SGDĐT-GDTrH',
        promulgationDate: '2026-11-20',
        documentId: '000.00.01.H26,2026/11/20,1234/SGDĐT-GDTrH',
      },
    ],
    steeringType: 0,
    documentId: '000.00.00.G03,2026/11/27,0045/BGDĐT-GDPT',
    traceHeaders: [{ organId: MOET, timestamp: '2026-11-27T08:30:00+07:00' }],
    business: {
      docType: 0,
      reason: 'Văn bản điện tử mới',
      paper: 0,
      staffInfo: { department: 'Văn phòng', staff: 'Trần Thị Văn Thư', mobile: '0912345678', email: 'vt@moet.gov.vn' },
    },
    attachments: [
      {
        contentId: '6f1c2a9e-0d1b-4c55-9b7a-2f3e4d5c6b7a',
        name: '0045-BGDĐT-GDPT.pdf',
        contentType: 'application/pdf',
        description: 'Văn bản chính',
        base64: bytes.toString('base64'),
      },
    ],
  };
}

export function sampleStatus(): EdxmlStatus {
  return {
    kind: 'status',
    responseFor: {
      organId: MOET,
      code: '0045/BGDĐT-GDPT',
      promulgationDate: '2026-11-27',
      documentId: '000.00.00.G03,2026/11/27,0045/BGDĐT-GDPT',
    },
    from: { organId: HANOI_DOET, organName: 'Sở Giáo dục và Đào tạo Hà Nội' },
    statusCode: '03',
    description: 'Đã vào sổ văn bản đến số 0123',
    timestamp: '2026-11-27T14:05:09+07:00',
    staffInfo: { department: 'Văn phòng Sở', staff: 'Lê Văn Thư' },
  };
}
