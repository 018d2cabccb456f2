/**
 * The vocabulary of copies (bản sao — Nghị định 30/2020, Điều 25–27; STANDARDS §1.11): the three forms with
 * their printed names and number abbreviations, and the two media.
 */

/** SY sao y (the whole document), SL sao lục (from a sao y), TrS trích sao (a part). */
export const COPY_FORMS = ['SY', 'SL', 'TrS'] as const;
export type CopyForm = (typeof COPY_FORMS)[number];

/** paper: printed and signed by hand; electronic: a PDF that the organisation signs digitally. */
export const COPY_MEDIA = ['paper', 'electronic'] as const;
export type CopyMedium = (typeof COPY_MEDIA)[number];

/** Hình thức sao as printed (in hoa, đứng, đậm). */
export const COPY_FORM_TITLES: Readonly<Record<CopyForm, string>> = {
  SY: 'SAO Y',
  SL: 'SAO LỤC',
  TrS: 'TRÍCH SAO',
};

export const COPY_FORM_LABELS: Readonly<Record<CopyForm, { vi: string; en: string }>> = {
  SY: { vi: 'Sao y', en: 'Certified true copy (sao y)' },
  SL: { vi: 'Sao lục', en: 'Copy of a copy (sao lục)' },
  TrS: { vi: 'Trích sao', en: 'Extract (trích sao)' },
};

/** What a copy is made from: an issued outgoing document, a registered incoming one, or a sao y. */
export const COPY_SOURCE_TYPES = ['outgoing', 'incoming', 'copy'] as const;
export type CopySourceType = (typeof COPY_SOURCE_TYPES)[number];
