/**
 * Signing a PDF by an incremental update (ISO 32000-1 §7.5.6): the original bytes are kept unchanged and a
 * new section is appended with the signature dictionary, its widget, the appearance, the page's /Annots and
 * the /AcroForm, then a cross-reference section pointing back (/Prev) to the previous one. Earlier
 * signatures therefore stay valid: their byte ranges are untouched.
 *
 * pdf-lib 1.17 cannot save incrementally, so it is used to read the document and to build and serialise
 * the new objects (images, subset fonts, form XObjects); this file writes the update itself.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, type PDFObject } from 'pdf-lib';
import { createCadesSignature, type SigningKey, type TimestampFn } from './cms.ts';

/** Where and how a signature is shown; made by appearance.ts. Absent: an invisible signature. */
export interface SignatureAppearance {
  /** Builds the appearance stream in the document (images, fonts) and says where the widget goes. */
  build(doc: PDFDocument): Promise<{ pageIndex: number; rect: [number, number, number, number]; stream: PDFRef }>;
}

export interface SignPdfOptions {
  readonly key: SigningKey;
  /** The signing time written as /M (PAdES keeps it out of the CMS). */
  readonly signingTime: Date;
  /** Field name, unique in the document; default "Signature<n>". */
  readonly fieldName?: string;
  readonly signerName?: string;
  readonly reason?: string;
  readonly location?: string;
  readonly appearance?: SignatureAppearance;
  /**
   * Text written with the signature, in the same revision (so the signature covers it): e.g. the number and
   * the date the clerk fills into the blanks a leader's earlier signature left open. Each becomes a locked,
   * printed stamp annotation; `text` is its /Contents, for readers and search.
   */
  readonly stamps?: readonly (SignatureAppearance & { readonly text: string })[];
  /** RFC 3161 timestamp of the signature value (PAdES B-T). */
  readonly timestamp?: TimestampFn;
  /** Bytes reserved for the CMS; default 24 KiB (chain and timestamp token included). */
  readonly reservedBytes?: number;
}

export class PdfSignError extends Error {
  constructor(
    readonly reason: 'not_pdf' | 'encrypted' | 'signature_too_large',
    message: string,
  ) {
    super(message);
    this.name = 'PdfSignError';
  }
}

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

/** A PDF text string: UTF-16BE with BOM, as hex (safe for any Vietnamese text). */
export function pdfText(text: string): string {
  return PDFHexString.fromText(text.normalize('NFC')).toString();
}

/** D:YYYYMMDDHHmmSS+07'00' in Vietnam time. */
export function pdfDate(date: Date): string {
  const t = new Date(date.getTime() + 7 * 3600 * 1000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `D:${p(t.getUTCFullYear(), 4)}${p(t.getUTCMonth() + 1)}${p(t.getUTCDate())}${p(t.getUTCHours())}${p(t.getUTCMinutes())}${p(t.getUTCSeconds())}+07'00'`;
}

/** Offset of the last cross-reference section (the number after the last "startxref"). */
export function lastStartXref(bytes: Uint8Array): number {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail) ?? [...tail.matchAll(/startxref\s+(\d+)/g)].at(-1);
  if (!match) throw new PdfSignError('not_pdf', 'No startxref: not a PDF or a truncated one');
  return Number(match[1]);
}

function serialize(obj: PDFObject): Uint8Array {
  const buf = new Uint8Array(obj.sizeInBytes());
  obj.copyBytesInto(buf, 0);
  return buf;
}

function existingFieldNames(doc: PDFDocument): Set<string> {
  const names = new Set<string>();
  const acro = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = acro?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  for (let i = 0; i < (fields?.size() ?? 0); i++) {
    const field = fields!.lookupMaybe(i, PDFDict);
    const t = field?.get(PDFName.of('T'));
    if (t && 'decodeText' in t) names.add((t as PDFHexString).decodeText());
  }
  return names;
}

/** Adds one signature to `pdf` by an incremental update and returns the new bytes. */
export async function signPdf(pdf: Uint8Array, options: SignPdfOptions): Promise<Uint8Array> {
  return signPdfWith(pdf, options, (content) => createCadesSignature(content, options.key, options.timestamp));
}

/**
 * The same, with the CMS made by `makeCms` from the signed bytes (a remote service that returns a whole
 * CMS, or a test that embeds another tool's signature).
 */
export async function signPdfWith(
  pdf: Uint8Array,
  options: Omit<SignPdfOptions, 'key' | 'timestamp'>,
  makeCms: (content: Uint8Array) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  if (Buffer.from(pdf.subarray(0, 1024)).toString('latin1').indexOf('%PDF-') < 0) {
    throw new PdfSignError('not_pdf', 'Not a PDF');
  }
  const prevXref = lastStartXref(pdf);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    const encrypted = error instanceof Error && /encrypt/i.test(error.message);
    throw new PdfSignError(encrypted ? 'encrypted' : 'not_pdf', String(error));
  }
  // Loaded on the first signature, not at start (~12 MB of memory; see embedSerifFonts).
  const { default: fontkit } = await import('@pdf-lib/fontkit');
  doc.registerFontkit(fontkit);
  const context = doc.context;
  // pdf-lib drops the object and cross-reference streams it has read, so new numbers start after the
  // previous section's /Size, not after the largest object pdf-lib kept.
  const previousSize = /\/Size\s+(\d+)/.exec(Buffer.from(pdf.subarray(prevXref)).toString('latin1'));
  context.largestObjectNumber = Math.max(context.largestObjectNumber, Number(previousSize?.[1] ?? 0) - 1);
  const baseMax = context.largestObjectNumber;
  const modified = new Set<PDFRef>();

  // Signature value dictionary: written by hand below, its number reserved now.
  const sigRef = context.nextRef();
  const taken = existingFieldNames(doc);
  let fieldName = options.fieldName?.normalize('NFC') ?? '';
  for (let n = taken.size + 1; fieldName === '' || taken.has(fieldName); n++) fieldName = `Signature${n}`;

  const built = options.appearance ? await options.appearance.build(doc) : undefined;
  const pageIndex = built?.pageIndex ?? 0;
  const page = doc.getPage(pageIndex);
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFHexString.fromText(fieldName),
    V: sigRef,
    P: page.ref,
    Rect: built?.rect ?? [0, 0, 0, 0],
    // Print + Locked.
    F: 132,
    ...(built ? { AP: { N: built.stream } } : {}),
  });
  const widgetRef = context.register(widget);

  // A page's /Annots: extend the array where it lives (in the page or as an object of its own).
  const addAnnotation = (target: typeof page, ref: PDFRef) => {
    const annotsEntry = target.node.get(PDFName.of('Annots'));
    if (annotsEntry instanceof PDFRef) {
      context.lookup(annotsEntry, PDFArray).push(ref);
      modified.add(annotsEntry);
    } else {
      const annots = annotsEntry instanceof PDFArray ? annotsEntry : context.obj([]);
      annots.push(ref);
      target.node.set(PDFName.of('Annots'), annots);
      modified.add(target.ref);
    }
  };
  addAnnotation(page, widgetRef);
  for (const stamp of options.stamps ?? []) {
    const placed = await stamp.build(doc);
    const target = doc.getPage(placed.pageIndex);
    const annotation = context.obj({
      Type: 'Annot',
      Subtype: 'Stamp',
      P: target.ref,
      Rect: placed.rect,
      Contents: PDFHexString.fromText(stamp.text.normalize('NFC')),
      // Print + ReadOnly + Locked.
      F: 196,
      AP: { N: placed.stream },
    });
    addAnnotation(target, context.register(annotation));
  }

  // The /AcroForm with the new field and SigFlags 3 (signatures exist; append only).
  const catalogRef = context.trailerInfo.Root as PDFRef;
  const acroEntry = doc.catalog.get(PDFName.of('AcroForm'));
  let acro: PDFDict;
  if (acroEntry instanceof PDFRef) {
    acro = context.lookup(acroEntry, PDFDict);
    modified.add(acroEntry);
  } else if (acroEntry instanceof PDFDict) {
    acro = acroEntry;
    modified.add(catalogRef);
  } else {
    acro = context.obj({});
    doc.catalog.set(PDFName.of('AcroForm'), context.register(acro));
    modified.add(catalogRef);
  }
  const fieldsEntry = acro.get(PDFName.of('Fields'));
  if (fieldsEntry instanceof PDFRef) {
    context.lookup(fieldsEntry, PDFArray).push(widgetRef);
    modified.add(fieldsEntry);
  } else {
    const fields = fieldsEntry instanceof PDFArray ? fieldsEntry : context.obj([]);
    fields.push(widgetRef);
    acro.set(PDFName.of('Fields'), fields);
  }
  acro.set(PDFName.of('SigFlags'), PDFNumber.of(3));

  // Images and subset fonts are written into their objects now.
  await doc.flush();

  const reserved = options.reservedBytes ?? 24 * 1024;
  const byteRangeSlot = '/ByteRange [0 0000000000 0000000000 0000000000]';
  const sigDict =
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ${byteRangeSlot} ` +
    `/Contents <${'0'.repeat(reserved * 2)}> /M (${pdfDate(options.signingTime)})` +
    (options.signerName ? ` /Name ${pdfText(options.signerName)}` : '') +
    (options.reason ? ` /Reason ${pdfText(options.reason)}` : '') +
    (options.location ? ` /Location ${pdfText(options.location)}` : '') +
    ` /Prop_Build << /App << /Name /EduGov >> >> >>`;

  // Objects to write: every new one and the changed ones, by number.
  const toWrite = new Map<number, { ref: PDFRef; bytes: Uint8Array }>();
  for (const [ref, obj] of context.enumerateIndirectObjects()) {
    if (ref.objectNumber > baseMax || modified.has(ref)) toWrite.set(ref.objectNumber, { ref, bytes: serialize(obj) });
  }
  toWrite.set(sigRef.objectNumber, { ref: sigRef, bytes: latin1(sigDict) });

  const parts: Uint8Array[] = [pdf];
  let offset = pdf.length;
  const push = (b: Uint8Array) => {
    parts.push(b);
    offset += b.length;
  };
  if (pdf[pdf.length - 1] !== 0x0a) push(latin1('\n'));
  const offsets = new Map<number, number>();
  let sigObjectOffset = 0;
  for (const num of [...toWrite.keys()].sort((a, b) => a - b)) {
    const { ref, bytes } = toWrite.get(num)!;
    offsets.set(num, offset);
    const head = latin1(`${num} ${ref.generationNumber} obj\n`);
    if (num === sigRef.objectNumber) sigObjectOffset = offset + head.length;
    push(head);
    push(bytes);
    push(latin1('\nendobj\n'));
  }
  // The cross-reference section, of the same kind as the previous one: poppler does not look into an
  // earlier cross-reference stream's object streams from a classic table.
  const xrefOffset = offset;
  const trailer = context.trailerInfo;
  const previousIsStream = /^\s*\d+\s+\d+\s+obj/.test(
    Buffer.from(pdf.subarray(prevXref, prevXref + 32)).toString('latin1'),
  );
  if (previousIsStream) {
    const xrefRef = context.nextRef();
    offsets.set(xrefRef.objectNumber, xrefOffset);
    const numbers = [...offsets.keys()].sort((a, b) => a - b);
    const index: number[] = [];
    const rows: Buffer[] = [];
    for (let i = 0; i < numbers.length;) {
      let j = i;
      while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
      index.push(numbers[i]!, j - i + 1);
      for (let k = i; k <= j; k++) {
        const row = Buffer.alloc(7);
        row[0] = 1;
        row.writeUInt32BE(offsets.get(numbers[k]!)!, 1);
        row.writeUInt16BE(toWrite.get(numbers[k]!)?.ref.generationNumber ?? 0, 5);
        rows.push(row);
      }
      i = j + 1;
    }
    const data = Buffer.concat(rows);
    const dict = context.obj({
      Type: 'XRef',
      Size: context.largestObjectNumber + 1,
      Index: index,
      W: [1, 4, 2],
      Root: trailer.Root,
      ...(trailer.Info ? { Info: trailer.Info } : {}),
      ...(trailer.ID ? { ID: trailer.ID } : {}),
      Prev: prevXref,
      Length: data.length,
    });
    push(latin1(`${xrefRef.objectNumber} 0 obj\n${dict.toString()}\nstream\n`));
    push(data);
    push(latin1(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`));
  } else {
    const numbers = [...offsets.keys()].sort((a, b) => a - b);
    let xref = 'xref\n';
    for (let i = 0; i < numbers.length;) {
      let j = i;
      while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
      xref += `${numbers[i]} ${j - i + 1}\n`;
      for (let k = i; k <= j; k++) {
        const gen = toWrite.get(numbers[k]!)!.ref.generationNumber;
        xref += `${String(offsets.get(numbers[k]!)).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`;
      }
      i = j + 1;
    }
    const trailerDict = context.obj({
      Size: context.largestObjectNumber + 1,
      Root: trailer.Root,
      ...(trailer.Info ? { Info: trailer.Info } : {}),
      ...(trailer.ID ? { ID: trailer.ID } : {}),
      Prev: prevXref,
    });
    push(latin1(`${xref}trailer\n${trailerDict.toString()}\nstartxref\n${xrefOffset}\n%%EOF\n`));
  }

  const out = Buffer.concat(parts);
  // Fill the byte range: everything but the /Contents hex string (its angle brackets included).
  const sigText = out.subarray(sigObjectOffset, sigObjectOffset + sigDict.length).toString('latin1');
  const contentsStart = sigObjectOffset + sigText.indexOf('/Contents <') + '/Contents '.length;
  const contentsEnd = contentsStart + reserved * 2 + 2;
  const range = [0, contentsStart, contentsEnd, out.length - contentsEnd];
  const rangeText = `/ByteRange [${range.join(' ')}]`.padEnd(byteRangeSlot.length, ' ');
  out.write(rangeText, sigObjectOffset + sigText.indexOf('/ByteRange'), 'latin1');

  const signed = Buffer.concat([out.subarray(0, contentsStart), out.subarray(contentsEnd)]);
  const cms = await makeCms(new Uint8Array(signed));
  if (cms.length > reserved) {
    throw new PdfSignError('signature_too_large', `The signature (${cms.length} bytes) exceeds ${reserved} bytes`);
  }
  out.write(Buffer.from(cms).toString('hex').toUpperCase(), contentsStart + 1, 'latin1');
  return new Uint8Array(out);
}
