import { describe, expect, it } from 'vitest';
import { asciiFileName, contentDisposition, downloadName, sanitizeFileName } from './files.names.ts';

const PDF = 'application/pdf';

describe('file names', () => {
  it('keeps a Vietnamese name, in NFC', () => {
    expect(sanitizeFileName('Quyết định 42.pdf'.normalize('NFD'), PDF)).toBe('Quyết định 42.pdf'.normalize('NFC'));
  });

  it('drops folders, control and bidi characters, and collapses spaces', () => {
    expect(sanitizeFileName('C:\\Users\\van thu\\Tờ trình.pdf', PDF)).toBe('Tờ trình.pdf');
    expect(sanitizeFileName('../../etc/passwd', PDF)).toBe('passwd');
    expect(sanitizeFileName('bao\u0000cao\r\n  nam\t2025.pdf', PDF)).toBe('baocao nam 2025.pdf');
    expect(sanitizeFileName('hoa-don\u202Efdp.exe', PDF)).toBe('hoa-donfdp.exe');
    expect(sanitizeFileName('   ', PDF)).toBe('tệp.pdf');
    expect(sanitizeFileName('..', 'image/png')).toBe('tệp.png');
    expect(sanitizeFileName(undefined, PDF)).toBe('tệp.pdf');
  });

  it('cuts a long name to 255 characters, keeping its extension', () => {
    const name = sanitizeFileName(`${'Báo cáo '.repeat(60)}.xlsx`, PDF);
    expect(Array.from(name)).toHaveLength(255);
    expect(name.endsWith('.xlsx')).toBe(true);
  });

  it('adds the real type’s extension to a download name that lacks it', () => {
    expect(downloadName('scan.jpg', 'image/png')).toBe('scan.jpg.png');
    expect(downloadName('SCAN.JPEG', 'image/jpeg')).toBe('SCAN.JPEG');
    expect(downloadName('Công văn', PDF)).toBe('Công văn.pdf');
  });

  it('sends the name in Content-Disposition with an ASCII fallback and RFC 8187 UTF-8', () => {
    expect(asciiFileName('Đề án "Trường học" 100%.pdf')).toBe('De an _Truong hoc_ 100_.pdf');
    expect(contentDisposition('attachment', 'Công văn số 15.pdf')).toBe(
      `attachment; filename="Cong van so 15.pdf"; filename*=UTF-8''C%C3%B4ng%20v%C4%83n%20s%E1%BB%91%2015.pdf`,
    );
    expect(contentDisposition('inline', "Kế hoạch (dự thảo) 'mới'*.pdf")).toBe(
      `inline; filename="Ke hoach (du thao) 'moi'*.pdf"; ` +
        `filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20%28d%E1%BB%B1%20th%E1%BA%A3o%29%20%27m%E1%BB%9Bi%27%2A.pdf`,
    );
  });
});
