/**
 * The printed lines of an official document (Nghị định 30/2020, Phụ lục I; STANDARDS §1.3–1.6): the number
 * line, the place and date, the signer's authority lines, the marks, and which Phụ lục III template a type
 * follows.
 */
import { formatLongDate } from '../../../../platform/pdf/index.ts';
import { isIsoDate, vietnamDate } from '../../../../platform/time.ts';
import {
  CONFIDENTIALITY_LABELS,
  DOCUMENT_TYPES,
  URGENCY_LABELS,
  type Confidentiality,
  type DocumentTypeCode,
  type Urgency,
} from '../../documents.types.ts';
import type { OfficialSignature } from './render.types.ts';

/** The blank left for the number and the day and month of a draft (no-break spaces: wrapping keeps them). */
export const BLANK = '\u00a0'.repeat(8);

/** "Số: 05/QĐ-BGDĐT" (numbers below 10 with a leading zero); a draft (null) leaves the number blank. */
export function formatNumberLine(number: number | null, notation: string): string {
  const code = notation.normalize('NFC').trim();
  if (!code || /\s/.test(code)) throw new RangeError(`Invalid notation: "${notation}"`);
  if (number === null) return `Số:${BLANK}/${code}`;
  if (!Number.isSafeInteger(number) || number < 1) throw new RangeError(`Invalid document number: ${number}`);
  return `Số: ${String(number).padStart(2, '0')}/${code}`;
}

/**
 * "Hà Nội, ngày 05 tháng 3 năm 2026" (days below 10 and the months 1 and 2 with a leading zero); a draft (null
 * date) leaves the day and month blank: "Hà Nội, ngày        tháng        năm 2026" (year: `draftYear`,
 * default the current year in Vietnam).
 */
export function formatPlaceDate(place: string, date: string | null, draftYear?: number): string {
  const where = place.normalize('NFC').trim();
  if (date === null) {
    const year = draftYear ?? Number(vietnamDate().slice(0, 4));
    return `${where}, ngày${BLANK}tháng${BLANK}năm ${year}`;
  }
  if (!isIsoDate(date)) throw new RangeError(`Invalid date (yyyy-mm-dd expected): "${date}"`);
  return `${where}, ${formatLongDate(date)}`;
}

const upper = (text: string) => text.normalize('NFC').trim().toLocaleUpperCase('vi');

/** Quyền hạn và chức vụ (ô 7a, 7b), in capitals: ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"], ["Q. BỘ TRƯỞNG"]. */
export function signatureLines(signature: OfficialSignature): string[] {
  const position = upper(signature.position);
  if (signature.authority === null) return [position];
  if (signature.authority === 'Q.') return [`Q. ${position}`];
  const principal = upper(signature.principal ?? '');
  if (!principal) throw new RangeError(`${signature.authority} needs the principal the signer signs for`);
  return [`${signature.authority} ${principal}`, position];
}

/** The urgency mark (ô 10b): KHẨN, THƯỢNG KHẨN, HỎA TỐC; null for ordinary documents. */
export function urgencyMark(urgency: Urgency | undefined): string | null {
  return !urgency || urgency === 'normal' ? null : upper(URGENCY_LABELS[urgency].vi);
}

/** The confidentiality mark (ô 10a): MẬT, TỐI MẬT, TUYỆT MẬT; null for unclassified documents. */
export function confidentialityMark(confidentiality: Confidentiality | undefined): string | null {
  return !confidentiality || confidentiality === 'normal' ? null : upper(CONFIDENTIALITY_LABELS[confidentiality].vi);
}

/**
 * The Phụ lục III template of a type: `letter` is the công văn (Mẫu 1.5: "V/v …" under the number,
 * "Kính gửi:"); every other type is a document with a type name (Mẫu 1.4, 1.7: the type name and trích
 * yếu centred under the header), Quyết định and Nghị quyết with their enacting word after the preamble
 * (Mẫu 1.1–1.3).
 */
export interface OfficialTemplate {
  readonly layout: 'letter' | 'typed';
  readonly typeName: string;
  /** "QUYẾT ĐỊNH:" — printed after a preamble. */
  readonly enactingWord: string | null;
}

const ENACTING_WORDS: Partial<Record<DocumentTypeCode, string>> = {
  decision: 'QUYẾT ĐỊNH:',
  resolution: 'QUYẾT NGHỊ:',
};

export function templateOf(typeCode: DocumentTypeCode, typeName?: string): OfficialTemplate {
  const spec = DOCUMENT_TYPES.find((t) => t.code === typeCode);
  if (!spec) throw new RangeError(`Unknown document type: ${typeCode}`);
  return {
    layout: typeCode === 'official_letter' ? 'letter' : 'typed',
    typeName: (typeName ?? spec.vi).normalize('NFC').trim(),
    enactingWord: ENACTING_WORDS[typeCode] ?? null,
  };
}

/** A list item of "Kính gửi:" or "Nơi nhận:" with the punctuation of the templates: "- Như trên;". */
export function listItem(text: string, end: ';' | '.', dash = true): string {
  const core = text
    .normalize('NFC')
    .trim()
    .replace(/^[-–•]\s*/, '')
    .replace(/[\s;.,]+$/, '');
  return `${dash ? '- ' : ''}${core}${end}`;
}

/** The trích yếu of a công văn: "V/v hướng dẫn …" (an existing "V/v" is kept). */
export function letterSubject(subject: string): string {
  const s = subject.normalize('NFC').trim();
  return /^v\/v\b/i.test(s) ? `V/v${s.slice(3)}` : `V/v ${s}`;
}

/** "Quyết định về việc …", "Công văn V/v …" — the document's title for metadata and lists. */
export function documentTitle(template: OfficialTemplate, subject: string): string {
  if (template.layout === 'letter') return `${template.typeName} ${letterSubject(subject)}`;
  const s = subject.normalize('NFC').trim();
  // Lower-case an ordinary first word ("Về việc" → "về việc"), keep acronyms ("UBND", "THPT").
  const lowered = /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s;
  return `${template.typeName} ${lowered}`;
}
