import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES } from '../documents/index.ts';
import { buildEdxml, parseEdxml, type EdxmlPackage } from './edxml/index.ts';
import { HANOI_DOET, MOET, NGHEAN_DOET, samplePackage } from './edxml/edxml.fixtures.ts';
import {
  documentTypeOfEdxml,
  edxmlDocumentType,
  packageOfOutgoing,
  priorityOfUrgency,
  receivedPackage,
  urgencyOfPriority,
  type OrganizationDirectory,
} from './exchange.mapping.ts';

const directory: OrganizationDirectory = {
  findByIdentifier: (id) =>
    ({
      [MOET]: { id: 'org-moet', name: 'Bộ Giáo dục và Đào tạo' },
      [HANOI_DOET]: { id: 'org-hanoi', name: 'Sở GD&ĐT Hà Nội' },
    })[id],
};

describe('edXML ↔ EduGov documents', () => {
  it('maps all 29 document types both ways, Công văn being Type 18 as in the VPCP samples', () => {
    expect(edxmlDocumentType('official_letter')).toEqual({ type: 18, typeName: 'Công văn' });
    for (const t of DOCUMENT_TYPES) {
      const dt = edxmlDocumentType(t.code);
      expect(documentTypeOfEdxml(dt)).toEqual({ code: t.code, recognised: true });
      expect(documentTypeOfEdxml({ type: dt.type })).toEqual({ code: t.code, recognised: true });
    }
    // The name wins over a vendor's own numbering; without either, a Công văn to check.
    expect(documentTypeOfEdxml({ type: 1, typeName: 'CÔNG VĂN' })).toEqual({
      code: 'official_letter',
      recognised: true,
    });
    expect(documentTypeOfEdxml({ type: 99 })).toEqual({ code: 'official_letter', recognised: false });
  });

  it('maps priority 0–4 to độ khẩn and back; 4 (hỏa tốc hẹn giờ) reads as Hỏa tốc with a note', () => {
    expect([0, 1, 2, 3, 4].map((p) => urgencyOfPriority(p))).toEqual([
      { urgency: 'normal', timed: false },
      { urgency: 'urgent', timed: false },
      { urgency: 'very_urgent', timed: false },
      { urgency: 'flash', timed: false },
      { urgency: 'flash', timed: true },
    ]);
    expect((['normal', 'urgent', 'very_urgent', 'flash'] as const).map(priorityOfUrgency)).toEqual([0, 1, 2, 3]);
    expect(urgencyOfPriority(undefined).urgency).toBe('normal');
  });

  it('an issued document becomes a valid package that the recipient reads back as the same document', () => {
    const file = samplePackage({ attachmentBytes: 64 }).attachments[0]!;
    const pkg = packageOfOutgoing(
      {
        sender: { organId: MOET, organName: 'Bộ Giáo dục và Đào tạo' },
        recipients: [{ organId: HANOI_DOET }, { organId: NGHEAN_DOET }],
        number: '0045',
        notation: 'BGDĐT-GDPT',
        place: 'Hà Nội',
        issuedOn: '2026-11-27',
        docType: 'official_letter',
        subject: 'V/v hướng dẫn nhiệm vụ năm học',
        signer: { authority: 'KT. BỘ TRƯỞNG', position: 'THỨ TRƯỞNG', fullName: 'Nguyễn Văn Phúc' },
        urgency: 'very_urgent',
        replyDueOn: '2026-12-15',
        recipientsText: ['Như trên', 'Lưu: VT, GDPT'],
        pageCount: 3,
        files: [file],
      },
      new Date('2026-11-27T01:30:00Z'),
    );
    expect(pkg.documentId).toBe('000.00.00.G03,2026/11/27,0045/BGDĐT-GDPT');
    expect(pkg.traceHeaders).toEqual([{ organId: MOET, timestamp: '2026-11-27T08:30:00+07:00' }]);
    const parsed = parseEdxml(buildEdxml(pkg));
    expect(parsed.ok).toBe(true);
    const received = receivedPackage((parsed as { message: EdxmlPackage }).message, directory);
    expect(received).toMatchObject({
      documentId: '000.00.00.G03,2026/11/27,0045/BGDĐT-GDPT',
      senderIdentifier: MOET,
      senderOrganizationId: 'org-moet',
      issuerName: 'Bộ Giáo dục và Đào tạo',
      recipients: [{ identifier: HANOI_DOET, organizationId: 'org-hanoi' }],
      unknownRecipients: [NGHEAN_DOET],
      numberNotation: '0045/BGDĐT-GDPT',
      documentDate: '2026-11-27',
      docType: 'official_letter',
      subject: 'V/v hướng dẫn nhiệm vụ năm học',
      signerName: 'Nguyễn Văn Phúc',
      signerPosition: 'KT. BỘ TRƯỞNG THỨ TRƯỞNG',
      urgency: 'very_urgent',
      replyDueDate: '2026-12-15',
      pageCount: 3,
      notes: null,
      businessType: 0,
      targetDocumentId: null,
    });
    expect(received.files[0]!.base64).toBe(file.base64);
  });

  it('a revoke carries the target DocumentId; an unknown type and priority 4 leave notes for the clerk', () => {
    const revoke = packageOfOutgoing({
      sender: { organId: MOET },
      recipients: [{ organId: HANOI_DOET }],
      number: '46',
      notation: 'BGDĐT-GDPT',
      issuedOn: '2026-11-28',
      docType: 'notice',
      subject: 'Thu hồi Công văn 0045',
      urgency: 'normal',
      files: [],
      business: { type: 1, documentId: '000.00.00.G03,2026/11/27,0045/BGDĐT-GDPT' },
    });
    expect(revoke.business).toMatchObject({
      docType: 1,
      reason: 'Thu hồi văn bản',
      documentId: '000.00.00.G03,2026/11/27,0045/BGDĐT-GDPT',
    });
    expect(() => buildEdxml(revoke)).not.toThrow();
    const odd: EdxmlPackage = {
      ...samplePackage({ attachmentBytes: 8 }),
      documentType: { type: 77 },
      otherInfo: { priority: 4 },
    };
    expect(receivedPackage(odd, directory).notes).toBe(
      'Độ khẩn: Hỏa tốc hẹn giờ; Loại văn bản không xác định (77), ghi là Công văn',
    );
  });
});
