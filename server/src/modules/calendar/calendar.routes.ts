/** HTTP routes of the calendar module: schema → authenticate → authorise (in the use case) → one call → presenter. */
import type { AppDeps } from '../../platform/context.ts';
import { useCaseContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/authn.ts';
import { commonErrors, Ok } from '../../platform/http/schema.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import * as s from './calendar.schemas.ts';
import { presentOverride, presentYearCalendar } from './calendar.presenter.ts';
import * as service from './calendar.service.ts';

const tags = ['calendar'];
const security = [{ session: [] }];

export async function calendarRoutes(app: HttpServer, { db }: AppDeps): Promise<void> {
  app.get(
    '/api/v1/calendar/due-date',
    {
      schema: {
        tags,
        security,
        summary: 'The due date n working days after a start, and the days off skipped (STANDARDS §7.2)',
        description:
          'The start is read in Asia/Ho_Chi_Minh. If its day is not a working day, or its time is after the ' +
          'cut-off, counting starts from the next working day; the first day is not counted; workingDays = 0 ' +
          'gives that day itself.',
        querystring: s.DueDateQuery,
        response: { 200: s.DueDateResult, ...commonErrors },
      },
    },
    async (request) => {
      requireActor(request);
      const q = request.query;
      const start = new Date(q.start);
      const due = await service.explainDueDate(db, start, q.workingDays, q.cutoff);
      return {
        start: start.toISOString(),
        workingDays: q.workingDays,
        cutoff: q.cutoff ?? null,
        countFrom: due.countFrom,
        dueDate: due.dueDate,
        dueAt: due.dueAt,
        skipped: due.skipped.map((d) => ({ date: d.date, kind: d.kind, name: { vi: d.name.vi, en: d.name.en } })),
      };
    },
  );

  app.get(
    '/api/v1/calendar/holidays',
    {
      schema: {
        tags,
        security,
        summary: "A year's days off and working Saturdays (computed and recorded), and whether it is confirmed",
        querystring: s.YearQuery,
        response: { 200: s.YearCalendar, ...commonErrors },
      },
    },
    async (request) => {
      requireActor(request);
      return presentYearCalendar(await service.getYearCalendar(db, request.query.year));
    },
  );

  app.post(
    '/api/v1/calendar/overrides',
    {
      schema: {
        tags,
        security,
        summary: 'Record a day off, a làm bù working day or a removed computed day (system administrator)',
        description: 'One override per date (409 record.duplicate). Withdraws the confirmation of its year.',
        body: s.CreateOverrideBody,
        response: { 201: s.CalendarOverride, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const b = request.body;
      const row = await service.createOverride(db, useCaseContext(request, actor), {
        date: b.date,
        kind: b.kind,
        name: b.name,
        sourceDocument: b.sourceDocument ? b.sourceDocument : null,
      });
      return reply.status(201).send(presentOverride(row));
    },
  );

  app.delete(
    '/api/v1/calendar/overrides/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete an override (system administrator); withdraws the confirmation of its year',
        params: s.IdParams,
        response: { 200: Ok, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await service.deleteOverride(db, useCaseContext(request, actor), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/calendar/years/:year/confirm',
    {
      schema: {
        tags,
        security,
        summary: "Confirm a year's calendar after checking it against the Government's notice (system administrator)",
        params: s.YearParams,
        body: s.ConfirmYearBody,
        response: { 200: s.YearCalendar, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const data = await service.confirmYear(
        db,
        useCaseContext(request, actor),
        request.params.year,
        request.body.note ? request.body.note : null,
      );
      return presentYearCalendar(data);
    },
  );
}
