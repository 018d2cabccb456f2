/**
 * Golden files (issue 6, "Done when"): fixtures/edugov-*.xml are packages as EduGov builds them, beside the
 * model each was built from (edugov-*.json); the other fixtures are hand-written in the styles of other
 * vendors (STANDARDS §2.2–2.7). A change of the builder's output shows here as a failing test: if the change
 * is meant, rebuild the file with `npm run edxml -- build fixtures/<name>.json > fixtures/<name>.xml`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEdxml, parseEdxml, type EdxmlMessage, type EdxmlPackage } from '../index.ts';
import { HANOI_DOET, MOET, NGHEAN_DOET } from './edxml.fixtures.ts';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name));

function parsed(input: Buffer | string) {
  const result = parseEdxml(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

describe('golden files: packages EduGov builds', () => {
  const names = ['edugov-new', 'edugov-revoke', 'edugov-update', 'edugov-replace', 'edugov-status-15'];

  it.each(names)('%s: built exactly as the golden XML, which parses back to the same model', (name) => {
    const model = JSON.parse(fixture(`${name}.json`).toString('utf8')) as EdxmlMessage;
    const xml = fixture(`${name}.xml`).toString('utf8');
    expect(buildEdxml(model)).toBe(xml);
    const back = parsed(xml);
    expect(back.message).toEqual(model);
    expect(back.warnings).toEqual([]);
  });

  it('the golden set covers every business type and the update/replace sub-elements', () => {
    const business = names
      .map((n) => JSON.parse(fixture(`${n}.json`).toString('utf8')) as EdxmlMessage)
      .flatMap((m) => (m.kind === 'package' ? [m.business] : []));
    expect(business.map((b) => b.docType)).toEqual([0, 1, 2, 3]);
    expect(business[2]!.documentInfo?.receivers).toHaveLength(2);
    expect(business[3]!.replacements).toEqual([
      { documentId: '000.00.00.G03,2026/11/20,0040/BGDĐT-GDPT', organIds: [HANOI_DOET, NGHEAN_DOET] },
    ]);
  });
});

describe('golden files: hand-written in the styles of other vendors', () => {
  it('a VPCP-style revocation: dd/MM/yyyy, UTC trace time, StaffInfo, no attachments', () => {
    const result = parsed(fixture('vpcp-style-revoke.xml'));
    const p = result.message as EdxmlPackage;
    expect(result.warnings).toEqual([]);
    expect(p.promulgationInfo.promulgationDate).toBe('2015-09-30');
    expect(p.traceHeaders).toEqual([{ organId: '000.00.00.G22', timestamp: '2015-10-01T10:20:00+07:00' }]);
    expect(p.business).toEqual({
      docType: 1,
      reason: 'Thu hồi văn bản do gửi nhầm nơi nhận',
      documentId: '000.00.00.G22,2015/09/30,07816/VPCP-TTĐT',
      paper: 0,
      staffInfo: {
        department: 'Vụ Hành chính',
        staff: 'Phạm Thị B',
        mobile: '0904000111',
        email: 'vanthu@chinhphu.vn',
      },
    });
    expect(p.attachments).toEqual([]);
    expect(p.content).toBeUndefined();
    expect(p.otherInfo).toBeUndefined();
  });

  it('a VNPT-style update: yyyy/MM/dd dates, yyyy/MM/dd HH:mm:ss trace time, BussinessDocumentInfo, one PDF', () => {
    const result = parsed(fixture('vnpt-style-update.xml'));
    const p = result.message as EdxmlPackage;
    expect(result.warnings).toEqual([]);
    expect(p.from.organId).toBe(MOET);
    expect(p.promulgationInfo.promulgationDate).toBe('2026-11-27');
    expect(p.dueDate).toBe('2026-12-20');
    expect(p.otherInfo).toEqual({ priority: 0, pageAmount: 4 });
    expect(p.signerInfo).toBeUndefined();
    expect(p.traceHeaders).toEqual([{ organId: MOET, timestamp: '2026-11-28T10:12:30+07:00' }]);
    expect(p.business).toMatchObject({
      docType: 2,
      documentId: '000.00.00.G03,2026/11/27,0045/BGDĐT-GDPT',
      documentInfo: { documentInfo: 1, documentReceiver: 0, receivers: [{ receiverType: 1, organId: HANOI_DOET }] },
    });
    const bytes = Buffer.from(p.attachments[0]!.base64, 'base64');
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
  });

  it('a Bkav-style new document with only the required elements: ISO dates, DocumentId derived (a warning)', () => {
    const result = parsed(fixture('bkav-style-minimal-new.xml'));
    const p = result.message as EdxmlPackage;
    expect(result.warnings.map((w) => `${w.code} ${w.path}`)).toEqual(['edxml.required MessageHeader/DocumentId']);
    expect(p).toMatchObject({
      from: { organId: NGHEAN_DOET },
      to: [{ organId: MOET }],
      code: { codeNumber: '0008', codeNotation: 'SGDĐT-KHTC' },
      promulgationInfo: { promulgationDate: '2026-11-25' },
      documentId: '000.00.01.H41,2026/11/25,0008/SGDĐT-KHTC',
      business: { docType: 0 },
    });
    for (const absent of ['documentType', 'signerInfo', 'otherInfo', 'toPlaces', 'dueDate', 'content'] as const) {
      expect(p[absent], absent).toBeUndefined();
    }
    expect(p.attachments[0]).toMatchObject({
      name: 'BaoCao_CSVC.pdf',
      contentType: 'application/pdf; name=BaoCao_CSVC.pdf',
    });
  });

  it.each([
    'vpcp-style-new.xml',
    'vpcp-style-revoke.xml',
    'vnpt-style-update.xml',
    'vnpt-style-status.xml',
    'bkav-style-replace.xml',
    'bkav-style-minimal-new.xml',
  ])('%s is read leniently and written again strictly: EduGov’s form parses back to the same model', (name) => {
    const message = parsed(fixture(name)).message;
    const again = parsed(buildEdxml(message));
    expect(again.message).toEqual(message);
    expect(again.warnings).toEqual([]);
  });
});
