/** Routes /api/v1/registers: the register books (sổ đăng ký) of your organisation. */
import { useCaseContext, type AppDeps } from '../../../platform/context.ts';
import { requireActor } from '../../../platform/http/authn.ts';
import { commonErrors, Obj, StringEnum, Text, Type, Uuid } from '../../../platform/http/schema.ts';
import type { HttpServer } from '../../../platform/http/server.ts';
import * as service from './registers.service.ts';

const security = [{ session: [] }];
const tags = ['registers'];
const Direction = StringEnum(['incoming', 'outgoing'] as const);
const Numbering = StringEnum(['single', 'per_type'] as const, {
  description: 'One number series for all types, or one per document type (outgoing books only)',
});
const Register = Obj({
  id: Uuid,
  direction: Direction,
  name: Type.String(),
  confidential: Type.Boolean(),
  numbering: Numbering,
  active: Type.Boolean(),
  lastNumber: Type.Union([Type.Integer(), Type.Null()], { description: 'The last number given, in lastYear' }),
  lastYear: Type.Union([Type.Integer(), Type.Null()]),
  version: Type.Integer(),
});

type Row = Awaited<ReturnType<typeof service.listRegisters>>[number];
const present = (r: Omit<Row, 'last_number' | 'last_year'> & Partial<Pick<Row, 'last_number' | 'last_year'>>) => ({
  id: r.id,
  direction: r.direction,
  name: r.name,
  confidential: r.confidential,
  numbering: r.numbering,
  active: r.active,
  lastNumber: r.last_number ?? null,
  lastYear: r.last_year ?? null,
  version: r.version,
});

export async function registersRoutes(app: HttpServer, deps: AppDeps): Promise<void> {
  const { db } = deps;
  app.get(
    '/api/v1/registers',
    {
      schema: {
        tags,
        security,
        summary: "Your organisation's register books; confidential books keep their own number series",
        querystring: Obj({ direction: Type.Optional(Direction) }),
        response: { 200: Obj({ items: Type.Array(Register) }), ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await service.listRegisters(db, useCaseContext(request, actor), request.query.direction);
      return { items: rows.map(present) };
    },
  );
  app.post(
    '/api/v1/registers',
    {
      schema: {
        tags,
        security,
        summary: 'Open a register book (clerk, organisation administrator)',
        body: Obj({
          direction: Direction,
          name: Text(200),
          confidential: Type.Boolean(),
          numbering: Type.Optional(Numbering),
        }),
        response: { 201: Register, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const r = await service.createRegister(db, useCaseContext(request, actor), request.body);
      reply.code(201);
      return present(r);
    },
  );
  app.patch(
    '/api/v1/registers/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Rename or retire a register book',
        params: Obj({ id: Uuid }),
        body: Obj({
          version: Type.Integer({ minimum: 1 }),
          name: Type.Optional(Text(200)),
          active: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Register, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const ctx = useCaseContext(request, actor);
      const updated = await service.updateRegister(db, ctx, request.params.id, request.body);
      // Re-read with its counters, so the answer shows the last number given.
      const withCounters = (await service.listRegisters(db, ctx)).find((r) => r.id === updated.id);
      return present(withCounters ?? updated);
    },
  );
}
