import { IsoDateTime, Obj, Type, Uuid } from '../../platform/http/schema.ts';

export const FileInfo = Obj(
  {
    id: Uuid,
    name: Type.String({ description: 'The uploader’s file name (NFC, no path, at most 255 characters)' }),
    sizeBytes: Type.Integer({ minimum: 1 }),
    mediaType: Type.String({ description: 'Detected from the bytes, not from the name' }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    createdAt: IsoDateTime,
  },
  { description: 'An uploaded file' },
);

export const UploadBody = Type.Object({
  file: Type.String({
    format: 'binary',
    description: 'The file: PDF, DOCX, XLSX, PNG, JPEG or TIFF (the type is detected from the content)',
  }),
});

export const FileParams = Obj({ id: Uuid });

export const ContentQuery = Obj({
  inline: Type.Optional(Type.Boolean({ description: 'true: for showing in the page (preview), not saving' })),
});

/** The 200 answer of a file's content: its bytes, in the file's own media type. */
export const FileBytes = {
  description: 'The bytes, with Content-Type, Content-Length and Content-Disposition (RFC 6266, UTF-8 name)',
  content: { 'application/octet-stream': { schema: Type.String({ format: 'binary' }) } },
};
