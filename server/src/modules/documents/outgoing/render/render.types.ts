/** What the official PDF of an outgoing document is made from: plain values, no database rows. */
import type { Confidentiality, DocumentTypeCode, Urgency } from '../../documents.types.ts';

/** Quyền hạn ký (Nghị định 30/2020, Điều 13; STANDARDS §1.5). */
export const AUTHORITY_PREFIXES = ['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.'] as const;
export type AuthorityPrefix = (typeof AUTHORITY_PREFIXES)[number];

/** Ô 7a–7c: quyền hạn, chức vụ and họ tên of the signer. */
export interface OfficialSignature {
  /** TM. (on behalf of a collective), KT. (signing for the head), TL., TUQ., Q. (acting head), or none. */
  readonly authority: AuthorityPrefix | null;
  /**
   * Whom the signer signs for, printed after TM./KT./TL./TUQ.: "BỘ TRƯỞNG", "ỦY BAN NHÂN DÂN". Required with
   * those four prefixes; not used with Q. or without a prefix.
   */
  readonly principal?: string | null;
  /** The signer's position: "THỨ TRƯỞNG"; with Q. the position acted in ("BỘ TRƯỞNG" → "Q. BỘ TRƯỞNG"). */
  readonly position: string;
  /** Họ tên, without academic titles. */
  readonly name: string;
}

/** The preamble of a Quyết định (Phụ lục III, Mẫu 1.2/1.3): who decides and on what grounds. */
export interface OfficialPreamble {
  /** Thẩm quyền ban hành: "BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO" (printed in capitals). */
  readonly issuerTitle: string;
  /** The "Căn cứ …;" and "Theo đề nghị của …." lines, printed in italics. */
  readonly grounds: readonly string[];
}

export interface OfficialDocumentInput {
  /** Tên cơ quan chủ quản trực tiếp (ô 2), e.g. "UBND THÀNH PHỐ HÀ NỘI"; none for a ministry. */
  readonly parentOrganizationName?: string | null;
  /** Tên cơ quan ban hành (ô 2): "BỘ GIÁO DỤC VÀ ĐÀO TẠO". */
  readonly organizationName: string;
  /** Số (ô 3); null for a draft, printed as a blank. */
  readonly number: number | null;
  /** Ký hiệu: "QĐ-BGDĐT", or for a công văn "BGDĐT-GDPT". */
  readonly notation: string;
  /** Địa danh (ô 4): "Hà Nội". */
  readonly place: string;
  /** yyyy-mm-dd; null for a draft: "Hà Nội, ngày    tháng    năm 2026". */
  readonly date: string | null;
  /** The year a draft's date line shows (default: the current year in Vietnam). */
  readonly draftYear?: number;
  readonly typeCode: DocumentTypeCode;
  /** Tên loại (ô 5a); defaults to the Vietnamese name of `typeCode`. */
  readonly typeName?: string;
  /** Trích yếu: "Về việc …" for a Quyết định; for a công văn without "V/v" (it is added). */
  readonly subject: string;
  /** "Kính gửi:" (công văn, tờ trình, …); one line each, punctuation is added. */
  readonly addressees?: readonly string[];
  /** Quyết định: the issuer's title and the grounds before "QUYẾT ĐỊNH:". */
  readonly preamble?: OfficialPreamble | null;
  /**
   * Nội dung (ô 6): paragraphs separated by blank lines; a single line break stays a line break. A paragraph
   * starting "Điều 1." gets its label in bold; a paragraph in capitals ("I. MỤC ĐÍCH, YÊU CẦU") is bold.
   */
  readonly body: string;
  readonly signature: OfficialSignature;
  /** Nơi nhận (ô 9b) before the archive line: "Như trên", "Bộ trưởng (để b/c)"; "- " and ";" are added. */
  readonly distribution: readonly string[];
  /** The drafting unit's abbreviation kept with the archive copy: "GDPT" → "- Lưu: VT, GDPT.". */
  readonly archiveUnit: string;
  readonly urgency?: Urgency;
  readonly confidentiality?: Confidentiality;
}

/** A blank of the header (page 1): the left end of the blank on the text's baseline, in points. */
export interface BlankSlot {
  readonly pageIndex: number;
  readonly x: number;
  readonly baseline: number;
  /** The blank's width: what is written there is centred in it. */
  readonly width: number;
  readonly size: number;
  /** The place-and-date line is italic. */
  readonly italic: boolean;
}

/** Where an unnumbered, undated document leaves its number, day and month blank (null: not blank). */
export interface OfficialLayout {
  readonly number: BlankSlot | null;
  readonly day: BlankSlot | null;
  readonly month: BlankSlot | null;
}
