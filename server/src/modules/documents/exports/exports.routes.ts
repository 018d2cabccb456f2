/**
 * Routes of the printouts: GET /api/v1/registers/:id/book (sổ đăng ký văn bản đến or đi, .xlsx
 * or .pdf) and GET /api/v1/incoming-documents/:id/processing-slip.pdf (phiếu giải quyết văn bản đến).
 */
import { useCaseContext, type AppDeps } from '../../../platform/context.ts';
import { requireActor } from '../../../platform/http/authn.ts';
import { commonErrors, Obj, StringEnum, Type, Uuid } from '../../../platform/http/schema.ts';
import type { HttpServer } from '../../../platform/http/server.ts';
import { MEDIA_TYPES, sendDownload } from '../../../platform/pdf/index.ts';
import * as service from './exports.service.ts';

const security = [{ session: [] }];

const Bytes = (mediaTypes: readonly string[], description: string) => ({
  description,
  content: Object.fromEntries(mediaTypes.map((m) => [m, { schema: Type.String({ format: 'binary' }) }])),
});

// The dates are checked by the use case, so a bad one answers documents.invalid_period, not request.invalid.
const Day = (description: string) => Type.String({ maxLength: 40, description });

export async function exportsRoutes(app: HttpServer, deps: AppDeps): Promise<void> {
  const { db } = deps;

  app.get(
    '/api/v1/registers/:id/book',
    {
      schema: {
        tags: ['registers'],
        security,
        summary:
          'The register book for a period — sổ đăng ký văn bản đến (Phụ lục IV) of an incoming register, sổ đăng ký văn bản đi (every number issued, cancelled ones marked) of an outgoing one — as a spreadsheet or an A4 landscape PDF (clerk, leader, organisation administrator; confidential books clerk and leader only). Audited.',
        params: Obj({ id: Uuid }),
        querystring: Obj({
          from: Day('First day (of arrival, or of issue for an outgoing book), yyyy-mm-dd (Vietnam time)'),
          to: Day('Last day, yyyy-mm-dd; at most 366 days after from'),
          format: Type.Optional(StringEnum(['xlsx', 'pdf'] as const, { description: 'xlsx (default) or pdf' })),
        }),
        response: {
          200: Bytes(
            [MEDIA_TYPES.xlsx, MEDIA_TYPES.pdf],
            'The book, as an attachment named So-dang-ky-van-ban-den_<from>_<to>.<format> (…-di_… for an outgoing register)',
          ),
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { from, to, format } = request.query;
      const file = await service.exportRegisterBook(db, useCaseContext(request, actor), request.params.id, {
        from,
        to,
        format: format ?? 'xlsx',
      });
      return sendDownload(reply, file);
    },
  );

  app.get(
    '/api/v1/incoming-documents/:id/processing-slip.pdf',
    {
      schema: {
        tags: ['incoming documents'],
        security,
        summary:
          "The document's processing slip (phiếu giải quyết văn bản đến): its identification and the opinions of the leader, the unit head and the people handling it, from the trail",
        params: Obj({ id: Uuid }),
        querystring: Obj({
          inline: Type.Optional(Type.Boolean({ description: 'true: to show in the browser (print), not save' })),
        }),
        response: { 200: Bytes([MEDIA_TYPES.pdf], 'The slip, A4 portrait'), ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const file = await service.exportProcessingSlip(db, actor, request.params.id, request.query.inline === true);
      return sendDownload(reply, file);
    },
  );
}
