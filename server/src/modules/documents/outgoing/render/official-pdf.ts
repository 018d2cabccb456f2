/**
 * The official PDF of an outgoing document, laid out as Nghị định 30/2020 (Phụ lục I and the templates of
 * Phụ lục III) asks: A4 portrait, margins 20/15/20/30 mm, Times-metric serif embedded, black text.
 *
 * Page 1 (position grid of Phụ lục I, ô 1–10): the left column (40 % of the text width) holds the parent
 * organisation, the issuing organisation with a short rule, "Số: …", for a công văn the "V/v …" line, and the
 * confidentiality and urgency marks in rectangles; the right column holds the quốc hiệu, the tiêu ngữ with a
 * rule of its own length, and the place and date on the row of the number. A document with a type name
 * follows with its type name and trích yếu centred, a short rule, and for a Quyết định the issuer's title,
 * the grounds and "QUYẾT ĐỊNH:". Then "Kính gửi:", the body (justified, first line indented 1 cm), the
 * signer's block on the right and "Nơi nhận:" on the left. Pages from 2 on are numbered in the top margin.
 */
import { rgb, type PDFFont } from 'pdf-lib';
import {
  A4_PORTRAIT,
  DOCUMENT_MARGINS,
  drawJustifiedLine,
  drawLine,
  mm,
  numberPages,
  PdfFlow,
  wrapText,
  type ParagraphStyle,
} from '../../../../platform/pdf/index.ts';
import {
  BLANK,
  confidentialityMark,
  documentTitle,
  formatNumberLine,
  formatPlaceDate,
  letterSubject,
  listItem,
  signatureLines,
  templateOf,
  urgencyMark,
  type OfficialTemplate,
} from './format.ts';
import type { BlankSlot, OfficialDocumentInput, OfficialLayout } from './render.types.ts';

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Type sizes in points, within the ranges of Phụ lục I. */
const SIZE = {
  nationalTitle: 12,
  motto: 13,
  organization: 13,
  number: 13,
  letterSubject: 12,
  placeDate: 14,
  mark: 13,
  title: 14,
  text: 14,
  distributionLabel: 12,
  distributionItem: 11,
  pageNumber: 14,
} as const;
/** The share of the text width taken by the left column of the header and of the closing block. */
const LEFT_SHARE = 0.4;
/** Line pitch of the body (between single and 1.5 lines) and the space after a paragraph (≥ 6 pt). */
const BODY_LINE = 1.25;
const PARAGRAPH_SPACE = 6;
const FIRST_LINE_INDENT = mm(10);
/** The room left above the signer's name for the signature and the seal. */
const SIGNATURE_SPACE = mm(24);
/** The marks' printed size (STANDARDS §1.6): 8 mm high, at least as wide as listed. */
const MARK_WIDTHS: Readonly<Record<string, number>> = { KHẨN: mm(20), 'THƯỢNG KHẨN': mm(40), 'HỎA TỐC': mm(30) };
const MARK_COLOR = rgb(0.85, 0, 0);

const upper = (text: string) => text.normalize('NFC').trim().toLocaleUpperCase('vi');

export async function renderOfficialPdf(input: OfficialDocumentInput): Promise<Uint8Array> {
  return (await renderOfficialPdfWithLayout(input)).pdf;
}

/**
 * The PDF and where its blanks are: a document rendered without its number and date (to be signed by the
 * leader before the clerk numbers it) says where the number, the day and the month go, so the clerk's step
 * can fill them in by an incremental update that leaves the leader's signature valid.
 */
export async function renderOfficialPdfWithLayout(
  input: OfficialDocumentInput,
): Promise<{ pdf: Uint8Array; layout: OfficialLayout }> {
  const template = templateOf(input.typeCode, input.typeName);
  const numberLine = formatNumberLine(input.number, input.notation);
  const placeDate = formatPlaceDate(input.place, input.date, input.draftYear);
  const title = documentTitle(template, input.subject);

  const flow = await PdfFlow.create({ title, pageSize: A4_PORTRAIT, margins: DOCUMENT_MARGINS });
  const organization = input.organizationName.normalize('NFC').trim();
  flow.pdf.setAuthor(organization);
  flow.pdf.setSubject(input.subject.normalize('NFC').trim());
  flow.pdf.setKeywords([template.typeName, numberLine.replace(/^Số:\s*/, ''), organization]);

  const layout = drawHeader(flow, input, template, numberLine, placeDate);
  if (template.layout === 'typed') drawTitle(flow, input, template);
  if (input.addressees?.length) drawAddressees(flow, input.addressees, template.layout === 'letter' ? 18 : 0);
  drawBody(flow, input.body);
  drawClosing(flow, input);

  numberPages(flow.pdf, flow.fonts.regular, {
    position: 'top',
    skipFirst: true,
    size: SIZE.pageNumber,
    format: (page) => String(page),
  });
  return { pdf: await flow.save(), layout };
}

/** Where a blank of the header is: page 1, the left end of the blank on the text's baseline. */
function slotAfter(
  font: PDFFont,
  size: number,
  line: string,
  before: string,
  box: { x: number; width: number; left: number },
  baseline: number,
  italic: boolean,
): BlankSlot {
  const start = box.left + box.x + (box.width - font.widthOfTextAtSize(line, size)) / 2;
  return {
    pageIndex: 0,
    x: start + font.widthOfTextAtSize(before, size),
    width: font.widthOfTextAtSize(BLANK, size),
    baseline,
    size,
    italic,
  };
}

/** A centred rule under the last paragraph: `share` of its widest line (1/3–1/2 per Phụ lục I). */
function ruleUnder(
  flow: PdfFlow,
  lines: readonly string[],
  style: Required<Pick<ParagraphStyle, 'font' | 'size'>>,
  box: { x: number; width: number },
  share: number,
): void {
  const widest = Math.max(...lines.map((l) => style.font.widthOfTextAtSize(l, style.size)));
  const length = Math.min(widest, box.width) * share;
  flow.moveDown(1.5);
  flow.rule(box.x + (box.width - length) / 2, length);
}

/** Ô 1–4 and 10a/10b; for a công văn also 5b. */
function drawHeader(
  flow: PdfFlow,
  input: OfficialDocumentInput,
  template: OfficialTemplate,
  numberLine: string,
  placeDate: string,
): OfficialLayout {
  const { bold, italic, regular } = flow.fonts;
  const left = { x: 0, width: flow.width * LEFT_SHARE };
  const right = { x: left.width, width: flow.width - left.width };
  const top = flow.y;

  // Quốc hiệu and tiêu ngữ, the tiêu ngữ underlined by a rule of its own length.
  flow.paragraph(NATIONAL_TITLE, { font: bold, size: SIZE.nationalTitle, ...right, align: 'center' });
  flow.paragraph(MOTTO, { font: bold, size: SIZE.motto, ...right, align: 'center' });
  ruleUnder(flow, [MOTTO], { font: bold, size: SIZE.motto }, right, 1);
  const rightEnd = flow.y;

  // Cơ quan chủ quản (upright) and cơ quan ban hành (bold) with a short rule.
  flow.y = top;
  if (input.parentOrganizationName?.trim()) {
    flow.paragraph(upper(input.parentOrganizationName), { size: SIZE.organization, ...left, align: 'center' });
  }
  const organization = upper(input.organizationName);
  flow.paragraph(organization, { font: bold, size: SIZE.organization, ...left, align: 'center' });
  const orgLines = wrapText(organization, bold, SIZE.organization, left.width);
  ruleUnder(flow, orgLines, { font: bold, size: SIZE.organization }, left, 0.4);

  // The number (left) and the place and date (right) on one row.
  flow.y = Math.min(flow.y, rightEnd) - 10;
  const row = flow.y;
  const layout: { number: BlankSlot | null; day: BlankSlot | null; month: BlankSlot | null } = {
    number: null,
    day: null,
    month: null,
  };
  const fits = (font: PDFFont, size: number, line: string, box: { width: number }) =>
    font.widthOfTextAtSize(line, size) <= box.width;
  if (input.number === null && fits(regular, SIZE.number, numberLine, left)) {
    const baseline = row - regular.heightAtSize(SIZE.number, { descender: false });
    layout.number = slotAfter(regular, SIZE.number, numberLine, 'Số:', { ...left, left: flow.left }, baseline, false);
  }
  if (input.date === null && fits(italic, SIZE.placeDate, placeDate, right)) {
    const baseline = row - italic.heightAtSize(SIZE.placeDate, { descender: false });
    const box = { ...right, left: flow.left };
    const dayAt = placeDate.indexOf(`ngày${BLANK}`) + 'ngày'.length;
    const monthAt = placeDate.indexOf(`tháng${BLANK}`) + 'tháng'.length;
    layout.day = slotAfter(italic, SIZE.placeDate, placeDate, placeDate.slice(0, dayAt), box, baseline, true);
    layout.month = slotAfter(italic, SIZE.placeDate, placeDate, placeDate.slice(0, monthAt), box, baseline, true);
  }
  flow.paragraph(numberLine, { size: SIZE.number, ...left, align: 'center' });
  if (template.layout === 'letter') {
    flow.moveDown(2);
    flow.paragraph(letterSubject(input.subject), {
      size: SIZE.letterSubject,
      x: left.x + 4,
      width: left.width - 8,
      align: 'center',
    });
  }
  for (const mark of [confidentialityMark(input.confidentiality), urgencyMark(input.urgency)]) {
    if (mark) drawMark(flow, mark, left);
  }
  const leftEnd = flow.y;
  flow.y = row;
  flow.paragraph(placeDate, { font: italic, size: SIZE.placeDate, ...right, align: 'center' });
  flow.y = Math.min(flow.y, leftEnd);
  return layout;
}

/** A mark (độ mật, độ khẩn) in capitals, bold, red, in a single-ruled rectangle 8 mm high. */
function drawMark(flow: PdfFlow, text: string, box: { x: number; width: number }): void {
  const font = flow.fonts.bold;
  const height = mm(8);
  const width = Math.min(
    box.width,
    Math.max(MARK_WIDTHS[text] ?? mm(20), font.widthOfTextAtSize(text, SIZE.mark) + mm(6)),
  );
  flow.moveDown(6);
  const x = flow.left + box.x + (box.width - width) / 2;
  const bottom = flow.y - height;
  flow.page.drawRectangle({ x, y: bottom, width, height, borderColor: MARK_COLOR, borderWidth: 1 });
  const baseline = bottom + (height - font.heightAtSize(SIZE.mark, { descender: false })) / 2 + 1;
  drawLine(flow.page, text, x, baseline, width, { font, size: SIZE.mark, align: 'center', color: MARK_COLOR });
  flow.y = bottom;
}

/** Ô 5a: the type name and trích yếu centred with a short rule; a Quyết định's preamble under them. */
function drawTitle(flow: PdfFlow, input: OfficialDocumentInput, template: OfficialTemplate): void {
  const { bold, italic } = flow.fonts;
  flow.moveDown(18);
  flow.paragraph(upper(template.typeName), { font: bold, size: SIZE.title, align: 'center' });
  const subject = input.subject.normalize('NFC').trim();
  const box = { x: flow.width * 0.08, width: flow.width * 0.84 };
  const subjectText = subject.charAt(0).toLocaleUpperCase('vi') + subject.slice(1);
  flow.paragraph(subjectText, { font: bold, size: SIZE.title, ...box, align: 'center' });
  ruleUnder(flow, wrapText(subjectText, bold, SIZE.title, box.width), { font: bold, size: SIZE.title }, box, 0.4);
  flow.moveDown(12);

  const preamble = input.preamble;
  if (!preamble) return;
  flow.paragraph(upper(preamble.issuerTitle), { font: bold, size: SIZE.title, align: 'center', spaceAfter: 12 });
  for (const ground of preamble.grounds) {
    if (ground.trim()) drawParagraph(flow, ground.trim(), { font: italic });
  }
  if (template.enactingWord) {
    flow.moveDown(PARAGRAPH_SPACE);
    flow.ensure(SIZE.title * BODY_LINE * 3);
    flow.paragraph(template.enactingWord, { font: bold, size: SIZE.title, align: 'center', spaceAfter: 12 });
  }
}

/** "Kính gửi:" with one addressee on its line, several as a list aligned after the label; centred as a block. */
function drawAddressees(flow: PdfFlow, addressees: readonly string[], spaceBefore: number): void {
  const { regular } = flow.fonts;
  const size = SIZE.text;
  const items = addressees.filter((a) => a.trim());
  if (items.length === 0) return;
  const lines =
    items.length === 1
      ? [listItem(items[0]!, '.', false)]
      : items.map((a, i) => listItem(a, i === items.length - 1 ? '.' : ';'));
  const label = 'Kính gửi:';
  const block =
    regular.widthOfTextAtSize(`${label} `, size) + Math.max(...lines.map((l) => regular.widthOfTextAtSize(l, size)));
  const x = Math.max((flow.width - block) / 2, 0);
  flow.moveDown(spaceBefore);
  flow.labeled(label, lines.join('\n'), { labelFont: regular, size, x, lineHeight: BODY_LINE, spaceAfter: 12 });
}

/** The body: paragraphs apart at blank lines; a single line break starts a new indented line. */
function drawBody(flow: PdfFlow, body: string): void {
  const paragraphs = body
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  for (const paragraph of paragraphs) {
    const article = /^(Điều\s+\d+[a-zđ]?\.)\s+([\s\S]*)$/u.exec(paragraph);
    const heading = /\p{Lu}{2}/u.test(paragraph) && !/\p{Ll}/u.test(paragraph);
    if (article) drawParagraph(flow, article[2]!, { label: article[1]! });
    else drawParagraph(flow, paragraph, heading ? { font: flow.fonts.bold } : {});
  }
}

/**
 * One justified paragraph of 14 pt with its first line indented 1 cm, an optional bold label ("Điều 1.")
 * before the first line; a line break in it starts a new indented line (the line before it not stretched).
 */
function drawParagraph(flow: PdfFlow, text: string, options: { font?: PDFFont; label?: string }): void {
  const font = options.font ?? flow.fonts.regular;
  const size = SIZE.text;
  const pitch = size * BODY_LINE;
  const ascent = font.heightAtSize(size, { descender: false });
  const label = options.label ? `${options.label.normalize('NFC')} ` : '';
  const labelWidth = label ? flow.fonts.bold.widthOfTextAtSize(label, size) : 0;
  text.split('\n').forEach((segment, s) => {
    const indent = FIRST_LINE_INDENT + (s === 0 ? labelWidth : 0);
    const lines = wrapText(segment.trim(), font, size, flow.width, flow.width - indent);
    lines.forEach((line, i) => {
      flow.ensure(pitch);
      const baseline = flow.y - ascent;
      const x = flow.left + (i === 0 ? indent : 0);
      const width = flow.width - (i === 0 ? indent : 0);
      if (s === 0 && i === 0 && label) {
        drawLine(flow.page, label, flow.left + FIRST_LINE_INDENT, baseline, labelWidth, {
          font: flow.fonts.bold,
          size,
        });
      }
      const draw = i < lines.length - 1 ? drawJustifiedLine : drawLine;
      draw(flow.page, line, x, baseline, width, { font, size });
      flow.y -= pitch;
    });
  });
  flow.y -= PARAGRAPH_SPACE;
}

/** Ô 7 (authority, position, room for the signature, name) on the right and ô 9b (Nơi nhận) on the left. */
function drawClosing(flow: PdfFlow, input: OfficialDocumentInput): void {
  const { bold, boldItalic, regular } = flow.fonts;
  const left = { x: 0, width: flow.width * LEFT_SHARE - mm(5) };
  const right = { x: flow.width * LEFT_SHARE, width: flow.width * (1 - LEFT_SHARE) };
  const authority = signatureLines(input.signature);
  const name = input.signature.name.normalize('NFC').trim();
  const items = [
    ...input.distribution.filter((d) => d.trim()).map((d) => listItem(d, ';')),
    listItem(`Lưu: VT, ${input.archiveUnit.normalize('NFC').trim()}`, '.'),
  ];

  const titleStyle = { font: bold, size: SIZE.text, ...right, align: 'center' as const };
  const itemStyle = { font: regular, size: SIZE.distributionItem, ...left, lineHeight: 1.15 };
  const signerHeight =
    authority.reduce((h, line) => h + flow.measure(line, titleStyle), 0) + SIGNATURE_SPACE + SIZE.text * 1.2;
  const listHeight = SIZE.distributionLabel * 1.2 + items.reduce((h, item) => h + flow.measure(item, itemStyle), 0);
  flow.moveDown(6);
  flow.ensure(Math.max(signerHeight, Math.min(listHeight, flow.pageHeight)));

  const top = flow.y;
  const page = flow.page;
  for (const line of authority) flow.paragraph(line, titleStyle);
  flow.moveDown(SIGNATURE_SPACE);
  flow.paragraph(name, titleStyle);
  const signerEnd = flow.y;

  flow.y = top;
  flow.paragraph('Nơi nhận:', { font: boldItalic, size: SIZE.distributionLabel, ...left });
  for (const item of items) flow.paragraph(item, itemStyle);
  if (flow.page === page) flow.y = Math.min(flow.y, signerEnd);
}
