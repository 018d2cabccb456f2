/** Platform routes: health, the audit trail browser and failed background jobs (administrators). */
import { findAuditRows, writeAudit } from '../audit/audit.ts';
import { authorize, hasRole, isSystemAdmin } from '../authz.ts';
import { useCaseContext, type AppDeps } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireActor } from './authn.ts';
import { commonErrors, IsoDateTime, Obj, Type, Uuid } from './schema.ts';
import type { HttpServer } from './server.ts';

const Health = Obj({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]),
  version: Type.String(),
});

const AuditRow = Obj({
  seq: Type.Integer(),
  occurredAt: IsoDateTime,
  actorUserId: Type.Union([Uuid, Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  organizationId: Type.Union([Uuid, Type.Null()]),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.Union([Type.String(), Type.Null()]),
  summary: Type.Unknown(),
  requestId: Type.Union([Type.String(), Type.Null()]),
  hash: Type.String(),
});

const AuditQuery = Obj({
  action: Type.Optional(Type.String({ maxLength: 100 })),
  actorUserId: Type.Optional(Uuid),
  targetType: Type.Optional(Type.String({ maxLength: 50 })),
  targetId: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
  beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});

const FailedJob = Obj({
  id: Uuid,
  name: Type.String(),
  payload: Type.Unknown(),
  attempts: Type.Integer(),
  error: Type.Unknown(),
  createdAt: IsoDateTime,
  failedAt: Type.Union([IsoDateTime, Type.Null()]),
});

export async function systemRoutes(app: HttpServer, deps: AppDeps): Promise<void> {
  const { db, jobs, config } = deps;

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and the database engine',
        response: { 200: Health, 503: Obj({ status: Type.Literal('unavailable') }) },
      },
    },
    async (_request, reply) => {
      try {
        await db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const });
      }
      return { status: 'ok' as const, database: config.engine, version: config.version };
    },
  );

  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['system'],
        security: [{ session: [] }],
        summary:
          'The audit trail, newest first (system administrators: all; organisation administrators: their organisation)',
        querystring: AuditQuery,
        response: { 200: Obj({ items: Type.Array(AuditRow) }), ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(isSystemAdmin(actor) || hasRole(actor, 'org_admin'));
      const q = request.query;
      const rows = await findAuditRows(db, {
        organizationIds: isSystemAdmin(actor) ? undefined : [actor.organizationId],
        action: q.action,
        actorUserId: q.actorUserId,
        targetType: q.targetType,
        targetId: q.targetId,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        beforeSeq: q.beforeSeq,
        limit: q.limit ?? 100,
      });
      return {
        items: rows.map((r) => ({
          seq: Number(r.seq),
          occurredAt: new Date(r.occurred_at).toISOString(),
          actorUserId: r.actor_user_id,
          actorName: r.actor_name,
          organizationId: r.organization_id,
          action: r.action,
          targetType: r.target_type,
          targetId: r.target_id,
          summary: r.summary,
          requestId: r.request_id,
          hash: r.hash,
        })),
      };
    },
  );

  app.get(
    '/api/v1/admin/jobs/failed',
    {
      schema: {
        tags: ['system'],
        security: [{ session: [] }],
        summary: 'Background jobs that failed after all their retries (system administrators)',
        response: { 200: Obj({ items: Type.Array(FailedJob) }), ...commonErrors },
      },
    },
    async (request) => {
      authorize(isSystemAdmin(requireActor(request)));
      const items = await jobs.listFailed(db, 200);
      return {
        items: items.map((j) => ({
          ...j,
          createdAt: new Date(j.createdAt).toISOString(),
          failedAt: j.failedAt ? new Date(j.failedAt).toISOString() : null,
        })),
      };
    },
  );

  app.post(
    '/api/v1/admin/jobs/:name/:id/retry',
    {
      schema: {
        tags: ['system'],
        security: [{ session: [] }],
        summary: 'Retry a failed job now (system administrators)',
        params: Obj({ name: Type.String({ pattern: '^[a-z_]+\\.[a-z_]+$', maxLength: 100 }), id: Uuid }),
        response: { 200: Obj({ ok: Type.Literal(true) }), ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(isSystemAdmin(actor));
      const { name, id } = request.params;
      await db.transaction().execute(async (trx) => {
        if (!(await jobs.retry(trx, name, id))) throw new AppError('record.not_found', { type: 'job', name, id });
        await writeAudit(trx, useCaseContext(request, actor).audit, {
          action: 'system.job_retried',
          targetType: 'job',
          targetId: id,
          summary: { name },
        });
      });
      return { ok: true as const };
    },
  );
}
