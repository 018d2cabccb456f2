/** Routes /api/v1/incoming-supervision: the table per unit or person, the documents behind a number, the Excel report. */
import type { FastifyReply } from 'fastify';
import { useCaseContext, type AppDeps } from '../../../platform/context.ts';
import { requireActor } from '../../../platform/http/authn.ts';
import { requestLang } from '../../../platform/http/errors.ts';
import { commonErrors } from '../../../platform/http/schema.ts';
import type { HttpServer } from '../../../platform/http/server.ts';
import { buildSupervisionWorkbook } from './supervision.export.ts';
import { presentSupervisedDocument, presentSupervisionSummary } from './supervision.presenter.ts';
import * as s from './supervision.schemas.ts';
import * as service from './supervision.service.ts';

const tags = ['supervision'];
const security = [{ session: [] }];
const DEFINITIONS =
  'Documents of your organisation first directed in the period (Asia/Ho_Chi_Minh days, at most 366), per lead unit ' +
  '(for a document given directly to a person: their unit) or per lead person. The leader sees every unit, a ' +
  'unit head their unit (403 for another), anyone else their own documents. Each document is in one measure: ' +
  'in progress, overdue (open, due date before today), completed on time (on or before the due date, or none), ' +
  'completed late, closed (ended without handling). Working days from the day first directed to the day completed, ' +
  'the first day not counted (Friday → Tuesday = 2).';

export async function supervisionRoutes(app: HttpServer, { db }: AppDeps): Promise<void> {
  app.get(
    '/api/v1/incoming-supervision',
    {
      schema: {
        tags,
        security,
        summary: 'How incoming documents directed in a period are being handled, per unit or per person, with totals',
        description: DEFINITIONS,
        querystring: s.SummaryQuery,
        response: { 200: s.SupervisionSummary, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const summary = await service.summarizeSupervision(db, actor, { ...q, groupBy: q.groupBy ?? 'unit' });
      return presentSupervisionSummary(summary);
    },
  );

  app.get(
    '/api/v1/incoming-supervision/documents',
    {
      schema: {
        tags,
        security,
        summary: 'The documents behind one number of the supervision table (drill-down)',
        description: DEFINITIONS,
        querystring: s.DocumentsQuery,
        response: { 200: s.SupervisedDocumentList, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { limit, offset, ...q } = request.query;
      const result = await service.listSupervisedDocuments(db, actor, q, { limit: limit ?? 100, offset: offset ?? 0 });
      return { period: result.period, items: result.items.map(presentSupervisedDocument), total: result.total };
    },
  );

  app.get(
    '/api/v1/incoming-supervision/export.xlsx',
    {
      schema: {
        tags,
        security,
        summary:
          'The supervision table and its documents as an Excel workbook (Báo cáo tình hình giải quyết văn bản đến)',
        description: DEFINITIONS,
        querystring: s.ExportQuery,
        response: { 200: s.XlsxFile, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const q = request.query;
      const groupBy = q.groupBy ?? 'unit';
      const report = await service.buildSupervisionReport(db, actor, { ...q, groupBy });
      const bytes = await buildSupervisionWorkbook(report, requestLang(request));
      await service.auditSupervisionExport(db, useCaseContext(request, actor), {
        from: q.from,
        to: q.to,
        groupBy,
        ...(q.unitId ? { unitId: q.unitId } : {}),
        documents: report.documents.length,
      });
      const name = `theo-doi-van-ban-den_${groupBy === 'unit' ? 'don-vi' : 'ca-nhan'}_${q.from}_${q.to}.xlsx`;
      return sendXlsx(reply, name, bytes);
    },
  );
}

/** Sends the workbook to save (the typed reply knows only JSON bodies, so it is sent as a plain reply). */
function sendXlsx(reply: FastifyReply, name: string, bytes: Buffer): FastifyReply {
  return reply
    .status(200)
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(bytes);
}
