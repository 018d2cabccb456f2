/**
 * [OUTGOING] The official PDF of an outgoing document (Nghị định 30/2020, Phụ lục I and III): the number and
 * date lines, and each of the seven templates read back with poppler's pdftotext and pdffonts. Without poppler
 * the PDF tests report themselves skipped with the reason — except under CI=true, where that is a failure.
 * `UPDATE_SAMPLES=1 npx vitest run src/modules/documents/outgoing/render` rewrites samples/<type>.pdf.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, PDFPage, type PDFPageDrawLineOptions, type PDFPageDrawTextOptions } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { vietnamDate } from '../../../../platform/time.ts';
import {
  formatNumberLine,
  formatPlaceDate,
  MOTTO,
  NATIONAL_TITLE,
  renderOfficialPdf,
  signatureLines,
  type OfficialDocumentInput,
} from './index.ts';
import { DECISION, NOTICE, OFFICIAL_LETTER, SUBMISSION, TEMPLATE_SAMPLES } from './render.fixtures.ts';

const PDFTOTEXT = process.env.PDFTOTEXT_PATH ?? '/usr/bin/pdftotext';
const PDFFONTS = path.join(path.dirname(PDFTOTEXT), 'pdffonts');

function popplerMissing(): string | undefined {
  const absent = [PDFTOTEXT, PDFFONTS].find((tool) => !fs.existsSync(tool));
  if (!absent) return undefined;
  const reason = `${path.basename(absent)} not found at ${absent} (install Debian's poppler-utils package)`;
  if (process.env.CI === 'true') throw new Error(`${reason}; under CI=true this is a failure, not a skip`);
  return reason;
}

const missing = popplerMissing();
const pdfIt = it.skipIf(missing !== undefined);
const skipNote = missing ? ` — skipped: ${missing}` : '';

async function withFile<T>(bytes: Uint8Array, run: (file: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync('/tmp/edugov-official-');
  const file = path.join(dir, 'f.pdf');
  fs.writeFileSync(file, bytes);
  try {
    return await run(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page (`layout` keeps the columns apart; `raw` keeps wrapped lines in reading order). */
async function pdfPages(bytes: Uint8Array, mode: 'layout' | 'raw' = 'layout'): Promise<string[]> {
  const { stdout } = await withFile(bytes, (file) =>
    promisify(execFile)(PDFTOTEXT, [`-${mode}`, '-enc', 'UTF-8', file, '-']),
  );
  return stdout.split('\f').slice(0, -1);
}

/** The pieces of text on each line of a layout page: runs apart by two or more spaces. */
const segmentsOf = (page: string): string[] =>
  page.split('\n').flatMap((line) =>
    line
      .split(/\s{2,}/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
/** The layout line holding `part`. */
const lineWith = (page: string, part: string) => page.split('\n').find((l) => l.includes(part)) ?? '';

/** The `pdffonts` table: each font's name and whether it is embedded. */
async function pdfFonts(bytes: Uint8Array): Promise<{ name: string; embedded: boolean }[]> {
  const { stdout } = await withFile(bytes, (file) => promisify(execFile)(PDFFONTS, [file]));
  return stdout
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const flags = /\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l);
      return { name: l.split(/\s+/)[0]!, embedded: flags?.[1] === 'yes' };
    });
}

describe('[OUTGOING] number line (Phụ lục I, ô 3)', () => {
  it('prints "Số: NN/ký hiệu" with a leading zero below 10 and a blank for a draft', () => {
    expect(formatNumberLine(5, 'QĐ-BGDĐT')).toBe('Số: 05/QĐ-BGDĐT');
    expect(formatNumberLine(1, 'TB-BGDĐT')).toBe('Số: 01/TB-BGDĐT');
    expect(formatNumberLine(9, 'KH-BGDĐT')).toBe('Số: 09/KH-BGDĐT');
    expect(formatNumberLine(10, 'KH-BGDĐT')).toBe('Số: 10/KH-BGDĐT');
    expect(formatNumberLine(123, 'BGDĐT-GDPT')).toBe('Số: 123/BGDĐT-GDPT');
    expect(formatNumberLine(4555, 'BGDĐT-GDPT')).toBe('Số: 4555/BGDĐT-GDPT');
    expect(formatNumberLine(5, 'QĐ-BGDĐT'.normalize('NFD'))).toBe('Số: 05/QĐ-BGDĐT'); // composed
    expect(formatNumberLine(null, 'QĐ-BGDĐT')).toMatch(/^Số:\s{4,}\/QĐ-BGDĐT$/);
  });

  it('refuses a number that is not a positive integer and an empty or spaced notation', () => {
    for (const n of [0, -1, 1.5, Number.NaN]) expect(() => formatNumberLine(n, 'QĐ-BGDĐT')).toThrow(RangeError);
    expect(() => formatNumberLine(5, ' ')).toThrow(RangeError);
    expect(() => formatNumberLine(5, 'QĐ BGDĐT')).toThrow(RangeError);
  });
});

describe('[OUTGOING] place and date line (Phụ lục I, ô 4)', () => {
  it('gives days below 10 and the months 1 and 2 a leading zero, no other month', () => {
    expect(formatPlaceDate('Hà Nội', '2026-03-05')).toBe('Hà Nội, ngày 05 tháng 3 năm 2026');
    expect(formatPlaceDate('Hà Nội', '2026-01-09')).toBe('Hà Nội, ngày 09 tháng 01 năm 2026');
    expect(formatPlaceDate('Hà Nội', '2026-02-28')).toBe('Hà Nội, ngày 28 tháng 02 năm 2026');
    expect(formatPlaceDate('Hà Nội', '2026-09-01')).toBe('Hà Nội, ngày 01 tháng 9 năm 2026');
    expect(formatPlaceDate('Hà Nội', '2026-10-10')).toBe('Hà Nội, ngày 10 tháng 10 năm 2026');
    expect(formatPlaceDate('Thành phố Hồ Chí Minh', '2026-12-31')).toBe(
      'Thành phố Hồ Chí Minh, ngày 31 tháng 12 năm 2026',
    );
  });

  it('leaves the day and month of a draft blank, with the given year or this year in Vietnam', () => {
    expect(formatPlaceDate('Hà Nội', null, 2026)).toMatch(/^Hà Nội, ngày\s{4,}tháng\s{4,}năm 2026$/);
    expect(formatPlaceDate('Hà Nội', null)).toMatch(new RegExp(`năm ${vietnamDate().slice(0, 4)}$`));
  });

  it('refuses a date that is not a calendar day as yyyy-mm-dd', () => {
    for (const d of ['2026-02-30', '5/3/2026', '2026-3-5', '']) {
      expect(() => formatPlaceDate('Hà Nội', d)).toThrow(RangeError);
    }
  });
});

describe('[OUTGOING] authority lines (STANDARDS §1.5)', () => {
  it('puts TM./KT./TL./TUQ. before whom the signer signs for, Q. before the position itself', () => {
    const sign = (authority: OfficialDocumentInput['signature']['authority'], principal?: string) =>
      signatureLines({ authority, principal, position: 'Thứ trưởng', name: 'Nguyễn Văn An' });
    expect(sign('KT.', 'Bộ trưởng')).toEqual(['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG']);
    expect(sign('TM.', 'Ủy ban nhân dân')).toEqual(['TM. ỦY BAN NHÂN DÂN', 'THỨ TRƯỞNG']);
    expect(sign('TL.', 'Bộ trưởng')).toEqual(['TL. BỘ TRƯỞNG', 'THỨ TRƯỞNG']);
    expect(sign('TUQ.', 'Bộ trưởng')).toEqual(['TUQ. BỘ TRƯỞNG', 'THỨ TRƯỞNG']);
    expect(sign('Q.')).toEqual(['Q. THỨ TRƯỞNG']);
    expect(sign(null)).toEqual(['THỨ TRƯỞNG']);
    expect(() => sign('KT.')).toThrow(RangeError);
  });
});

/** What each template must show, as whole pieces of a layout line. */
const EXPECTED: Record<keyof typeof TEMPLATE_SAMPLES, { segments: string[]; absent?: string[] }> = {
  decision: {
    segments: [
      'BỘ GIÁO DỤC VÀ ĐÀO TẠO',
      'Số: 05/QĐ-BGDĐT',
      'Hà Nội, ngày 05 tháng 3 năm 2026',
      'QUYẾT ĐỊNH',
      'BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO',
      'QUYẾT ĐỊNH:',
      'KT. BỘ TRƯỞNG',
      'THỨ TRƯỞNG',
      'Phạm Đức Thịnh',
      '- Như Điều 3;',
      '- Lưu: VT, GDTC.',
    ],
  },
  official_letter: {
    segments: [
      'BỘ GIÁO DỤC VÀ ĐÀO TẠO',
      'Số: 123/BGDĐT-GDPT',
      'Hà Nội, ngày 05 tháng 3 năm 2026',
      'KHẨN',
      'Kính gửi: - Sở Giáo dục và Đào tạo thành phố Hà Nội;',
      '- Sở Giáo dục và Đào tạo tỉnh Nghệ An.',
      'KT. BỘ TRƯỞNG',
      'THỨ TRƯỞNG',
      '- Như trên;',
      '- Lưu: VT, GDPT.',
    ],
    absent: ['CÔNG VĂN'],
  },
  submission: {
    segments: [
      'UBND THÀNH PHỐ HÀ NỘI',
      'SỞ GIÁO DỤC VÀ ĐÀO TẠO',
      'Số: 12/TTr-SGDĐT',
      'Hà Nội, ngày 09 tháng 02 năm 2026',
      'TỜ TRÌNH',
      'Kính gửi: Ủy ban nhân dân thành phố Hà Nội.',
      'GIÁM ĐỐC',
      'Trần Thị Bích Ngọc',
      '- Lưu: VT, QLT.',
    ],
  },
  notice: {
    segments: [
      'Số: 07/TB-BGDĐT',
      'Hà Nội, ngày 08 tháng 01 năm 2026',
      'MẬT',
      'THÔNG BÁO',
      'Kết luận của Thứ trưởng tại cuộc họp về công tác chuyển đổi số',
      'TL. BỘ TRƯỞNG',
      'CHÁNH VĂN PHÒNG',
      '- Lưu: VT, VP.',
    ],
  },
  plan: {
    segments: [
      'Số: 45/KH-BGDĐT',
      'Hà Nội, ngày 20 tháng 4 năm 2026',
      'KẾ HOẠCH',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '- Lưu: VT, GDTC.',
    ],
  },
  report: {
    segments: [
      'Số: 89/BC-BGDĐT',
      'Hà Nội, ngày 25 tháng 12 năm 2026',
      'THƯỢNG KHẨN',
      'BÁO CÁO',
      'Kính gửi: Thủ tướng Chính phủ.',
      'BỘ TRƯỞNG',
      'Đặng Quốc Khánh',
    ],
  },
  invitation: {
    segments: [
      'Số: 03/GM-BGDĐT',
      'Hà Nội, ngày 02 tháng 11 năm 2026',
      'GIẤY MỜI',
      'Dự Hội nghị tổng kết công tác thi đua, khen thưởng',
      'Q. CHÁNH VĂN PHÒNG',
      'Lê Minh Đức',
      '- Lưu: VT, VP.',
    ],
  },
};

describe('[OUTGOING] the official PDF of each template', () => {
  for (const [type, input] of Object.entries(TEMPLATE_SAMPLES) as [
    keyof typeof TEMPLATE_SAMPLES,
    OfficialDocumentInput,
  ][]) {
    pdfIt(
      `${type}: header, number and date on one row, title, signer, Nơi nhận, fonts embedded, A4${skipNote}`,
      async () => {
        const bytes = await renderOfficialPdf(input);
        const [page, ...rest] = await pdfPages(bytes);
        expect(rest).toEqual([]); // one page, so no page number
        const segments = segmentsOf(page!);
        for (const s of [NATIONAL_TITLE, MOTTO, 'Nơi nhận:', ...EXPECTED[type].segments]) expect(segments).toContain(s);
        for (const s of EXPECTED[type].absent ?? []) expect(segments).not.toContain(s);
        // Quốc hiệu on the first line, right of the organisation; the number and the date share a row.
        const lines = page!.split('\n').filter((l) => l.trim());
        expect(lines[0]).toContain(NATIONAL_TITLE);
        const org = (input.parentOrganizationName ?? input.organizationName).toLocaleUpperCase('vi');
        expect(lines[0]!.indexOf(org)).toBeGreaterThanOrEqual(0);
        expect(lines[0]!.indexOf(org)).toBeLessThan(lines[0]!.indexOf(NATIONAL_TITLE));
        const numberRow = lineWith(page!, 'Số: ');
        expect(numberRow).toMatch(/Số: \S+ {2,}Hà Nội, ngày/);
        expect(page).toBe(page!.normalize('NFC'));

        const fonts = await pdfFonts(bytes);
        expect(fonts.length).toBeGreaterThanOrEqual(3); // upright, bold, italic (and bold italic)
        for (const f of fonts) {
          expect(f.name).toMatch(/LiberationSerif/);
          expect(f.embedded, f.name).toBe(true);
        }
        const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
        const { width, height } = pdf.getPage(0).getSize();
        expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
        expect(pdf.getAuthor()).toBe(input.organizationName);
        expect(pdf.getCreator()).toBe('EduGov');
        expect(pdf.getSubject()).toBe(input.subject);
        expect(pdf.getTitle()).toContain(input.subject.slice(1));

        if (process.env.UPDATE_SAMPLES === '1') {
          const samples = path.join(import.meta.dirname, 'samples');
          fs.mkdirSync(samples, { recursive: true });
          expect(bytes.byteLength).toBeLessThan(60_000);
          fs.writeFileSync(path.join(samples, `${type}.pdf`), bytes);
        }
      },
    );
  }

  pdfIt(
    `công văn: "V/v …" under the number, no type name; Quyết định: preamble before the articles${skipNote}`,
    async () => {
      const [letter] = await pdfPages(await renderOfficialPdf(OFFICIAL_LETTER), 'raw');
      expect(collapse(letter!)).toContain(
        'Số: 123/BGDĐT-GDPT V/v hướng dẫn thực hiện nhiệm vụ giáo dục phổ thông năm học 2026-2027',
      );

      const [decision] = await pdfPages(await renderOfficialPdf(DECISION), 'raw');
      const text = collapse(decision!);
      const order = [
        'QUYẾT ĐỊNH Về việc thành lập Ban Tổ chức Hội khỏe Phù Đổng toàn quốc lần thứ XI',
        'BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO',
        'Căn cứ Nghị định số 37/2025/NĐ-CP',
        'Theo đề nghị của Vụ trưởng Vụ Giáo dục Thể chất.',
        'QUYẾT ĐỊNH:',
        'Điều 1. Thành lập Ban Tổ chức',
        'Điều 3. Quyết định này có hiệu lực kể từ ngày ký.',
      ].map((part) => text.indexOf(part));
      expect(order.every((at) => at >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    },
  );

  pdfIt(`a draft leaves the number, the day and the month blank${skipNote}`, async () => {
    const [page] = await pdfPages(await renderOfficialPdf({ ...DECISION, number: null, date: null, draftYear: 2026 }));
    // Room to write in by hand: several blanks, not one space.
    expect(page).toMatch(/Số:\s{3,}\/QĐ-BGDĐT/);
    expect(page).toMatch(/Hà Nội, ngày\s{3,}tháng\s{2,}năm 2026/);
  });

  pdfIt(`decomposed (NFD) input comes out composed, diacritics intact${skipNote}`, async () => {
    const nfd = (s: string) => s.normalize('NFD');
    const input: OfficialDocumentInput = {
      ...NOTICE,
      organizationName: nfd(NOTICE.organizationName),
      subject: nfd(NOTICE.subject),
      body: nfd('Ưu tiên bồi dưỡng đội ngũ; hỗ trợ kỹ thuật ở vùng khó khăn, hải đảo.'),
      signature: { ...NOTICE.signature, name: nfd('Nguyễn Thị Quỳnh Hương') },
    };
    const [page] = await pdfPages(await renderOfficialPdf(input));
    expect(page).toBe(page!.normalize('NFC'));
    const segments = segmentsOf(page!);
    expect(segments).toContain('BỘ GIÁO DỤC VÀ ĐÀO TẠO');
    expect(segments).toContain('Nguyễn Thị Quỳnh Hương');
    expect(collapse(page!)).toContain('Ưu tiên bồi dưỡng đội ngũ; hỗ trợ kỹ thuật ở vùng khó khăn, hải đảo.');
  });

  pdfIt(`a long body flows onto page 2, numbered "2" in the top margin; page 1 has no number${skipNote}`, async () => {
    const body = Array.from(
      { length: 40 },
      (_, i) =>
        `${i + 1}. Các sở giáo dục và đào tạo chỉ đạo các trường trung học phổ thông rà soát kế hoạch giáo dục, bảo đảm thực hiện đầy đủ nội dung chương trình.`,
    ).join('\n\n');
    const bytes = await renderOfficialPdf({ ...OFFICIAL_LETTER, body });
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const firstLines = pages.map((p) => p.split('\n').find((l) => l.trim())!);
    expect(firstLines[0]).toContain(NATIONAL_TITLE);
    expect(firstLines[1]!.trim()).toBe('2');
    pages.slice(1).forEach((p, i) =>
      expect(
        p
          .split('\n')
          .find((l) => l.trim())!
          .trim(),
      ).toBe(String(i + 2)),
    );
    const all = collapse(pages.join(' '));
    expect(all).toContain('40. Các sở giáo dục và đào tạo');
    expect(segmentsOf(pages.at(-1)!)).toContain('- Lưu: VT, GDPT.'); // the closing block after the body
    const pdf = await PDFDocument.load(bytes);
    for (const p of pdf.getPages()) expect(p.getSize()).toEqual({ width: 595.28, height: 841.89 });
  });
});

describe('[OUTGOING] rules of the header', () => {
  const drawText = PDFPage.prototype.drawText;
  const drawLine = PDFPage.prototype.drawLine;
  afterEach(() => {
    PDFPage.prototype.drawText = drawText;
    PDFPage.prototype.drawLine = drawLine;
  });

  it('underlines the tiêu ngữ at its own length and the organisation with a short centred rule', async () => {
    const texts: { text: string; x: number; y: number; width: number }[] = [];
    const rules: { x1: number; x2: number; y: number }[] = [];
    PDFPage.prototype.drawText = function (this: PDFPage, text: string, options?: PDFPageDrawTextOptions) {
      const width = options!.font!.widthOfTextAtSize(text, options!.size!);
      texts.push({ text, x: options!.x!, y: options!.y!, width });
      return drawText.call(this, text, options);
    };
    PDFPage.prototype.drawLine = function (this: PDFPage, options: PDFPageDrawLineOptions) {
      rules.push({ x1: options.start.x, x2: options.end.x, y: options.start.y });
      return drawLine.call(this, options);
    };
    await renderOfficialPdf(SUBMISSION);
    const under = (text: string) => {
      const t = texts.find((x) => x.text === text)!;
      // The nearest rule below the text, within its horizontal extent.
      const rule = rules
        .filter((r) => r.y < t.y && t.y - r.y < 14 && r.x1 >= t.x - 0.5 && r.x2 <= t.x + t.width + 0.5)
        .sort((a, b) => b.y - a.y)[0]!;
      return { t, rule, length: rule.x2 - rule.x1, centre: (rule.x1 + rule.x2) / 2 };
    };
    const motto = under(MOTTO);
    expect(motto.rule.x1).toBeCloseTo(motto.t.x, 1);
    expect(motto.length).toBeCloseTo(motto.t.width, 1);
    const org = under('SỞ GIÁO DỤC VÀ ĐÀO TẠO');
    expect(org.length).toBeGreaterThanOrEqual(org.t.width / 3);
    expect(org.length).toBeLessThanOrEqual(org.t.width / 2);
    expect(org.centre).toBeCloseTo(org.t.x + org.t.width / 2, 1);
  });
});
