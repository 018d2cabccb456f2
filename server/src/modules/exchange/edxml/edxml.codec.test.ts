import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildEdxml,
  EdxmlError,
  parseEdxml,
  parseEdxmlOrThrow,
  type EdxmlIssueCode,
  type EdxmlMessage,
  type EdxmlPackage,
} from '../index.ts';
import { parseEdxmlDate, parseEdxmlMoment } from './edxml.dates.ts';
import { HANOI_DOET, MOET, NGHEAN_DOET, samplePackage, sampleStatus } from './edxml.fixtures.ts';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name));

function parsed(input: string | Buffer) {
  const result = parseEdxml(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

/** The error codes of parsing (possibly broken) XML text. */
function codesOf(input: string | Buffer): EdxmlIssueCode[] {
  const result = parseEdxml(input);
  return result.ok ? [] : result.errors.map((e) => e.code);
}

describe('edXML build → parse', () => {
  it('gives back the same package: every header element, Bussiness, manifest and attachment bytes', () => {
    const p = samplePackage();
    const xml = buildEdxml(p);
    const back = parsed(xml);
    expect(back.message).toEqual(p);
    expect(back.warnings).toEqual([]);
    // The attachment decodes to the very bytes that went in.
    const original = Buffer.from(p.attachments[0]!.base64, 'base64');
    const pkg = back.message as EdxmlPackage;
    expect(Buffer.from(pkg.attachments[0]!.base64, 'base64').equals(original)).toBe(true);
  });

  it('writes the edXML: prefix on every element and keeps identifiers, numbers and text exactly', () => {
    const xml = buildEdxml(samplePackage());
    const tags = [...xml.matchAll(/<\/?([A-Za-z_][\w.-]*(?::[\w.-]+)?)/g)].map((m) => m[1]!);
    expect(tags.length).toBeGreaterThan(50);
    expect(tags.filter((t) => !t.startsWith('edXML:'))).toEqual([]);
    expect(xml).toContain('xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"');
    expect(xml).toContain('<edXML:CodeNumber>0045</edXML:CodeNumber>');
    expect(xml).toContain('<edXML:Telephone>02438695144</edXML:Telephone>');
    expect(xml).toContain('<edXML:PromulgationDate>2026/11/27</edXML:PromulgationDate>');
    expect(xml).toContain('<edXML:Timestamp>2026/11/27 08:30:00</edXML:Timestamp>');
    const back = parsed(xml).message as EdxmlPackage;
    expect(back.code.codeNumber).toBe('0045');
    expect(back.from.telephone).toBe('02438695144');
    expect(back.business.staffInfo?.mobile).toBe('0912345678');
    expect(back.subject).toBe('V/v hướng dẫn thực hiện nhiệm vụ năm học 2026-2027 & "kiểm tra" <cuối kỳ>');
  });

  it('round-trips the revoke, update and replace business types with their sub-elements', () => {
    const base = samplePackage({ attachmentBytes: 16 });
    const variants: EdxmlPackage[] = [
      { ...base, business: { docType: 1, reason: 'Thu hồi văn bản', documentId: base.documentId } },
      {
        ...base,
        business: {
          docType: 2,
          documentId: base.documentId,
          documentInfo: {
            documentInfo: 1,
            documentReceiver: 1,
            receivers: [
              { receiverType: 1, organId: HANOI_DOET },
              { receiverType: 0, organId: NGHEAN_DOET },
            ],
          },
        },
      },
      {
        ...base,
        business: {
          docType: 3,
          documentId: base.documentId,
          replacements: [{ documentId: base.documentId, organIds: [HANOI_DOET, NGHEAN_DOET] }],
        },
      },
    ];
    for (const v of variants) expect(parsed(buildEdxml(v)).message).toEqual(v);
  });

  it('round-trips a status packet with the dd/MM/yyyy HH:mm:ss timestamp of the SDK samples', () => {
    const s = sampleStatus();
    const xml = buildEdxml(s);
    expect(xml).toContain('<edXML:Timestamp>27/11/2026 14:05:09</edXML:Timestamp>');
    expect(parsed(xml).message).toEqual(s);
  });

  it('derives the DocumentId when the model has none', () => {
    const { documentId: _omit, ...rest } = samplePackage({ attachmentBytes: 8 });
    const xml = buildEdxml(rest as EdxmlPackage);
    expect((parsed(xml).message as EdxmlPackage).documentId).toBe('000.00.00.G03,2026/11/27,0045/BGDĐT-GDPT');
  });

  it('reads a 1 MB package in well under a second and keeps the Base64 text unchanged', () => {
    const p = samplePackage({ attachmentBytes: 768 * 1024 });
    const buffer = Buffer.from(buildEdxml(p));
    const started = performance.now();
    const back = parsed(buffer).message as EdxmlPackage;
    expect(performance.now() - started).toBeLessThan(2000);
    expect(back.attachments[0]!.base64).toBe(p.attachments[0]!.base64);
  });
});

describe('lenient reading of other vendors', () => {
  it('reads a VPCP-style package: default namespace, CRLF, dd/MM/yyyy, char refs, CDATA, wrapped Base64', () => {
    const result = parsed(fixture('vpcp-style-new.xml'));
    const p = result.message as EdxmlPackage;
    expect(p.from).toEqual({
      organId: '000.00.00.G22',
      organizationInCharge: 'Chính phủ',
      organName: 'Văn phòng Chính phủ',
    });
    expect(p.to).toEqual([{ organId: MOET, organName: 'Bộ Giáo dục và Đào tạo' }]);
    expect(p.code).toEqual({ codeNumber: '07816', codeNotation: 'VPCP-TTĐT' });
    expect(p.promulgationInfo).toEqual({ place: 'Hà Nội', promulgationDate: '2015-09-30' });
    expect(p.subject).toBe('V/v triển khai Cổng thông tin & "một cửa" <điện tử>');
    expect(p.content).toBeUndefined();
    expect(p.otherInfo?.priority).toBe(4);
    expect(p.traceHeaders).toEqual([{ organId: '000.00.00.G22', timestamp: '2015-09-30T09:15:00+07:00' }]);
    expect(p.documentId).toBe('000.00.00.G22,2015/09/30,07816/VPCP-TTĐT');
    expect(result.warnings.map((w) => w.code)).toEqual(['edxml.required']);
    const bytes = Buffer.from(p.attachments[0]!.base64, 'base64');
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(p.attachments[0]).toMatchObject({
      name: '7816_VPCP-TTĐT.pdf',
      contentType: 'application/pdf',
      description: 'Văn bản',
    });
    expect(result.signed).toBe(false);
    // Every text is NFC.
    expect(JSON.stringify(p)).toBe(JSON.stringify(p).normalize('NFC'));
  });

  it('reads a VNPT-style status packet', () => {
    const s = parsed(fixture('vnpt-style-status.xml')).message;
    expect(s).toMatchObject({
      kind: 'status',
      statusCode: '04',
      timestamp: '2026-11-28T09:07:45+07:00',
      from: { organId: NGHEAN_DOET },
      responseFor: {
        organId: MOET,
        promulgationDate: '2026-11-27',
        documentId: '000.00.00.G03,2026/11/27,0045/BGDĐT-GDPT',
      },
      staffInfo: { mobile: '0987654321' },
    });
  });

  it('reads a Bkav-style replacement without prefixes, with ISO dates and no attachments', () => {
    const p = parsed(fixture('bkav-style-replace.xml')).message as EdxmlPackage;
    expect(p.to.map((t) => t.organId)).toEqual([MOET, NGHEAN_DOET]);
    expect(p.promulgationInfo.promulgationDate).toBe('2026-11-26');
    expect(p.business).toEqual({
      docType: 3,
      reason: 'Thay thế văn bản',
      documentId: '000.00.01.H26,2026/11/20,120/SGDĐT-VP',
      replacements: [{ documentId: '000.00.01.H26,2026/11/20,120/SGDĐT-VP', organIds: [MOET, NGHEAN_DOET] }],
    });
    expect(p.attachments).toEqual([]);
  });

  it('accepts the date forms seen in the wild', () => {
    expect(parseEdxmlDate('2026/11/27')).toBe('2026-11-27');
    expect(parseEdxmlDate('27/11/2026')).toBe('2026-11-27');
    expect(parseEdxmlDate('2026-11-27')).toBe('2026-11-27');
    expect(parseEdxmlDate('2026-11-26T18:30:00Z')).toBe('2026-11-27');
    expect(parseEdxmlMoment('27/11/2026 08:05:09')).toBe('2026-11-27T08:05:09+07:00');
    expect(parseEdxmlMoment('2026/11/27 08:05:09')).toBe('2026-11-27T08:05:09+07:00');
    expect(parseEdxmlMoment('2026-11-27T08:05:09.123+07:00')).toBe('2026-11-27T08:05:09+07:00');
    expect(parseEdxmlDate('31/02/2026')).toBeUndefined();
    expect(parseEdxmlDate('hôm qua')).toBeUndefined();
  });
});

describe('validation error codes', () => {
  const good = () => samplePackage({ attachmentBytes: 12 });
  /** Each case: a way to break a valid package's XML, and the code it must produce. */
  const xmlOf = (p: EdxmlMessage) => buildEdxml(p);
  const cases: [EdxmlIssueCode, (xml: string) => string][] = [
    ['edxml.required', (x) => x.replace(/<edXML:Subject>[^<]*<\/edXML:Subject>/, '')],
    [
      'edxml.invalid_identifier',
      (x) => x.replace('<edXML:OrganId>000.00.01.H26</edXML:OrganId>', '<edXML:OrganId>H26.01</edXML:OrganId>'),
    ],
    ['edxml.no_recipient', (x) => x.replace(/<edXML:To>.*?<\/edXML:To>/g, '')],
    ['edxml.duplicate_recipient', (x) => x.replace('000.00.01.H41', '000.00.01.H26')],
    ['edxml.subject_too_long', (x) => x.replace(/(<edXML:Subject>)[^<]*/, `$1${'Â'.repeat(501)}`)],
    ['edxml.text_too_long', (x) => x.replace(/(<edXML:Content>)[^<]*/, `$1${'x'.repeat(501)}`)],
    [
      'edxml.invalid_date',
      (x) => x.replace('<edXML:PromulgationDate>2026/11/27', '<edXML:PromulgationDate>2026/13/45'),
    ],
    ['edxml.invalid_number', (x) => x.replace('<edXML:PageAmount>3', '<edXML:PageAmount>ba')],
    ['edxml.invalid_priority', (x) => x.replace('<edXML:Priority>1', '<edXML:Priority>7')],
    ['edxml.invalid_business_type', (x) => x.replace('<edXML:BussinessDocType>0', '<edXML:BussinessDocType>9')],
    ['edxml.attachment_name_too_long', (x) => x.replaceAll('0045-BGDĐT-GDPT.pdf', `${'a'.repeat(201)}.pdf`)],
    ['edxml.attachment_name_invalid', (x) => x.replaceAll('0045-BGDĐT-GDPT.pdf', '../../etc/passwd')],
    ['edxml.attachment_base64_invalid', (x) => x.replace(/(<edXML:ContentTransferEncoded>)[^<]*/, '$1@@not base64!')],
    ['edxml.attachment_content_type', (x) => x.replaceAll('application/pdf', 'application/x-msdownload')],
    ['edxml.invalid_status_code', () => xmlOf(sampleStatus()).replace('<edXML:StatusCode>03', '<edXML:StatusCode>3a')],
    ['edxml.not_edxml', () => '<html><body>hello</body></html>'],
    ['edxml.malformed_xml', (x) => x.replace('</edXML:Subject>', '</edXML:Subjec>')],
  ];

  it.each(cases)('%s', (code, breakIt) => {
    const codes = codesOf(breakIt(xmlOf(good())));
    expect(codes).toContain(code);
  });

  it('two attachments with one ContentId are refused; a manifest that does not match, or no namespace, warns', () => {
    const p = good();
    const twice: EdxmlPackage = { ...p, attachments: [p.attachments[0]!, { ...p.attachments[0]!, name: 'b.pdf' }] };
    expect(() => buildEdxml(twice)).toThrow(/edxml\.attachment_duplicate/);
    const xml = xmlOf(p);
    const noManifest = parsed(
      xml.replace(
        /<edXML:edXMLManifest[\s\S]*<\/edXML:edXMLManifest>/,
        '<edXML:edXMLManifest version="1.0"><edXML:Reference xlink:href="cid:other"/></edXML:edXMLManifest>',
      ),
    );
    expect(noManifest.warnings.map((w) => w.code)).toEqual(['edxml.manifest_mismatch']);
    const noNamespace = parsed(
      xml.replace(' xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"', ' xmlns:edXML="urn:other"'),
    );
    expect(noNamespace.warnings.map((w) => w.code)).toEqual(['edxml.namespace']);
  });

  it('a revoke without the target DocumentId is refused; a bad DocumentId form is only a warning on input', () => {
    const revoke: EdxmlPackage = { ...good(), business: { docType: 1 } };
    expect(() => buildEdxml(revoke)).toThrow(EdxmlError);
    const xml = xmlOf(good()).replace(
      '<edXML:DocumentId>000.00.00.G03,2026/11/27,0045/BGDĐT-GDPT</edXML:DocumentId></edXML:MessageHeader>',
      '<edXML:DocumentId>ABC-123</edXML:DocumentId></edXML:MessageHeader>',
    );
    const result = parsed(xml);
    expect(result.warnings.map((w) => w.code)).toContain('edxml.invalid_document_id');
    expect(() => buildEdxml(result.message)).toThrow(/edxml\.invalid_document_id/);
  });

  it('the builder is strict: it throws with the codes and paths instead of writing a bad package', () => {
    const bad: EdxmlPackage = {
      ...good(),
      to: [{ organId: HANOI_DOET }, { organId: HANOI_DOET }],
      subject: '',
      attachments: [{ contentId: 'x', name: 'a/b.pdf', contentType: 'application/pdf', base64: 'QUJD' }],
    };
    try {
      buildEdxml(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EdxmlError);
      const issues = (e as EdxmlError).issues.map((i) => `${i.code} ${i.path}`);
      expect(issues).toEqual(
        expect.arrayContaining([
          'edxml.duplicate_recipient MessageHeader/To[2]/OrganId',
          'edxml.required MessageHeader/Subject',
          'edxml.attachment_name_invalid AttachmentEncoded/Attachment[1]/AttachmentName',
        ]),
      );
    }
  });

  it('every issue has a Vietnamese and an English message', () => {
    const result = parseEdxml(xmlOf(good()).replace('000.00.01.H41', '000.00.01.H26'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]!.message.vi).toMatch(/nhiều lần/);
      expect(result.errors[0]!.message.en).toMatch(/more than once/);
    }
    expect(() => parseEdxmlOrThrow('<edXML/>')).toThrow(EdxmlError);
  });
});
