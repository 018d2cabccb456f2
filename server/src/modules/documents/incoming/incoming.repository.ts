/** All SQL of incoming documents: lookups, the visibility scope, inbox views, search, numbering, trail. */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { hasRole, type Actor } from '../../../platform/authz.ts';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.ts';
import { escapeLike, foldVietnamese } from '../../../platform/text.ts';
import type { Confidentiality, IncomingFileKind, IncomingStatus, IncomingView, Urgency } from '../documents.types.ts';

type Cond = RawBuilder<SqlBool>;

/**
 * Who sees which incoming document (always within the actor's organisation): clerks and leaders see every
 * document of their organisation; others see what is assigned to them, to the unit they head (including
 * what is given to a person of that unit), or sent to their unit for information, and what they registered.
 * An assignment that was recalled (or replaced by a new direction) no longer opens the document.
 */
export function visibleTo(actor: Actor): Cond {
  if (hasRole(actor, 'clerk', 'leader')) return sql<SqlBool>`d.organization_id = ${actor.organizationId}`;
  const headsUnit = hasRole(actor, 'unit_head') && actor.unitId !== null;
  // Found from the actor's side, each branch on its own index: the documents they registered, their own
  // assignments, and their unit's (all of them for its head, else those for the unit's information). A page
  // reads a few hundred rows instead of testing every document of the organisation; a lookup by id probes
  // each branch by document.
  const unit =
    actor.unitId === null
      ? sql``
      : headsUnit
        ? sql`UNION ALL SELECT ua.document_id FROM incoming_assignments ua
            WHERE ua.unit_id = ${actor.unitId} AND ua.status <> 'recalled'`
        : sql`UNION ALL SELECT ua.document_id FROM incoming_assignments ua
            WHERE ua.unit_id = ${actor.unitId} AND ua.role = 'info' AND ua.user_id IS NULL AND ua.status <> 'recalled'`;
  return sql<SqlBool>`(d.organization_id = ${actor.organizationId} AND d.id IN (
    SELECT rd.id FROM incoming_documents rd WHERE rd.registered_by = ${actor.userId}
    UNION ALL
    SELECT va.document_id FROM incoming_assignments va WHERE va.user_id = ${actor.userId} AND va.status <> 'recalled'
    ${unit}
  ))`;
}

const OPEN = sql`('assigned', 'in_progress')`;

/** Documents waiting for this actor's own next step. */
function toProcess(actor: Actor): Cond {
  const clerk = hasRole(actor, 'clerk');
  const leader = hasRole(actor, 'leader');
  const headsUnit = hasRole(actor, 'unit_head') && actor.unitId !== null;
  return sql<SqlBool>`(
    (${clerk}::boolean AND d.status = 'registered')
    OR (${leader}::boolean AND d.status = 'presented' AND (d.presented_to IS NULL OR d.presented_to = ${actor.userId}))
    OR (d.status IN ${OPEN} AND EXISTS (
      SELECT 1 FROM incoming_assignments pa WHERE pa.document_id = d.id AND pa.status = 'active'
        AND pa.role IN ('lead', 'support') AND (
          (pa.user_id = ${actor.userId} AND NOT EXISTS (
            SELECT 1 FROM incoming_events pe WHERE pe.document_id = d.id
              AND pe.actor_user_id = ${actor.userId} AND pe.occurred_at > pa.assigned_at))
          OR (${headsUnit}::boolean AND pa.unit_id = ${actor.unitId}::uuid AND pa.user_id IS NULL AND NOT EXISTS (
            SELECT 1 FROM incoming_assignments ca WHERE ca.parent_id = pa.id AND ca.status = 'active'))
        )
    ))
    OR (d.status IN ${OPEN} AND EXISTS (
      SELECT 1 FROM incoming_extensions xe JOIN incoming_assignments xa ON xa.id = xe.assignment_id
      WHERE xe.document_id = d.id AND xe.status = 'pending' AND xa.status = 'active'
        AND xa.assigned_by = ${actor.userId}
    ))
  )`;
}

/** Documents the actor works on now: everything for clerks and leaders, else an active lead/support assignment. */
function workingOn(actor: Actor): Cond {
  const seesAll = hasRole(actor, 'clerk', 'leader');
  const headsUnit = hasRole(actor, 'unit_head') && actor.unitId !== null;
  return sql<SqlBool>`(${seesAll}::boolean OR EXISTS (
    SELECT 1 FROM incoming_assignments wa WHERE wa.document_id = d.id AND wa.status = 'active' AND wa.role <> 'info'
      AND (wa.user_id = ${actor.userId} OR (${headsUnit}::boolean AND wa.unit_id = ${actor.unitId}::uuid))
  ))`;
}

function forInfo(actor: Actor): Cond {
  return sql<SqlBool>`EXISTS (
    SELECT 1 FROM incoming_assignments ia WHERE ia.document_id = d.id AND ia.role = 'info'
      AND ia.status <> 'recalled'
      AND (ia.user_id = ${actor.userId} OR (ia.user_id IS NULL AND ia.unit_id = ${actor.unitId}::uuid))
  )`;
}

export interface ViewDates {
  /** Today in Asia/Ho_Chi_Minh. */
  readonly today: string;
  /** The last day that counts as "due soon" (today + N working days). */
  readonly dueSoonUntil: string;
}

export function viewCondition(actor: Actor, view: IncomingView, dates: ViewDates): Cond {
  switch (view) {
    case 'to_register':
      return sql<SqlBool>`(${hasRole(actor, 'clerk')}::boolean AND d.status = 'received')`;
    case 'to_process':
      return toProcess(actor);
    case 'in_progress':
      return sql<SqlBool>`(d.status IN ${OPEN} AND ${workingOn(actor)} AND NOT ${toProcess(actor)})`;
    case 'due_soon':
      return sql<SqlBool>`(d.status IN ${OPEN} AND ${workingOn(actor)}
        AND d.due_date >= ${dates.today}::date AND d.due_date <= ${dates.dueSoonUntil}::date)`;
    case 'overdue':
      return sql<SqlBool>`(d.status IN ${OPEN} AND ${workingOn(actor)} AND d.due_date < ${dates.today}::date)`;
    case 'for_info':
      return forInfo(actor);
    case 'done':
      return sql<SqlBool>`d.status IN ('completed', 'closed')`;
    case 'all':
      return sql<SqlBool>`true`;
  }
}

function unread(actor: Actor): Cond {
  return sql<SqlBool>`NOT EXISTS (
    SELECT 1 FROM incoming_reads r WHERE r.document_id = d.id AND r.user_id = ${actor.userId}
      AND r.read_at >= d.last_activity_at
  )`;
}

export interface IncomingFilter {
  readonly view: IncomingView;
  readonly q?: string;
  readonly registerId?: string;
  readonly receivedFrom?: string;
  readonly receivedTo?: string;
  readonly issuer?: string;
  readonly docType?: string;
  readonly status?: IncomingStatus;
  readonly urgency?: Urgency;
  readonly confidentiality?: Confidentiality;
  readonly assigneeUserId?: string;
  readonly assigneeUnitId?: string;
  readonly overdue?: boolean;
  readonly unreadOnly?: boolean;
  readonly limit: number;
  readonly offset: number;
}

/** Words of a search, folded (no diacritics, lower case): every word must appear. */
export function searchWords(q: string): string[] {
  return foldVietnamese(q)
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 12);
}

/**
 * One page of documents. The page is chosen first (filters, order, limit) and only its rows are then joined
 * to their register, lead unit and lead person and checked for unread: joining before the limit made the
 * planner hash whole tables (every user of the country) for 20 rows (bench/README.md).
 */
export async function findIncomingPage(db: DbOrTrx, actor: Actor, f: IncomingFilter, dates: ViewDates) {
  let query = db
    .selectFrom('incoming_documents as d')
    .selectAll('d')
    .select(sql<number>`count(*) OVER ()`.as('total'))
    .where(visibleTo(actor))
    .where(viewCondition(actor, f.view, dates));
  for (const word of f.q ? searchWords(f.q) : []) {
    query = query.where(sql<SqlBool>`d.search_text LIKE ${`%${escapeLike(word)}%`}`);
  }
  if (f.registerId) query = query.where('d.register_id', '=', f.registerId);
  if (f.receivedFrom) {
    query = query.where(sql<SqlBool>`(d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date >= ${f.receivedFrom}::date`);
  }
  if (f.receivedTo) {
    query = query.where(sql<SqlBool>`(d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= ${f.receivedTo}::date`);
  }
  if (f.issuer) {
    query = query.where(
      sql<SqlBool>`lower(f_unaccent(d.issuer_name)) LIKE ${`%${escapeLike(foldVietnamese(f.issuer))}%`}`,
    );
  }
  if (f.docType) query = query.where('d.doc_type', '=', f.docType);
  if (f.status) query = query.where('d.status', '=', f.status);
  if (f.urgency) query = query.where('d.urgency', '=', f.urgency);
  if (f.confidentiality) query = query.where('d.confidentiality', '=', f.confidentiality);
  if (f.assigneeUserId) {
    query = query.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM incoming_assignments fa WHERE fa.document_id = d.id
        AND fa.user_id = ${f.assigneeUserId} AND fa.status IN ('active', 'completed'))`,
    );
  }
  if (f.assigneeUnitId) {
    query = query.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM incoming_assignments fa WHERE fa.document_id = d.id
        AND fa.unit_id = ${f.assigneeUnitId} AND fa.status IN ('active', 'completed'))`,
    );
  }
  if (f.overdue !== undefined) {
    const overdue = sql<SqlBool>`(d.status IN ${OPEN} AND d.due_date < ${dates.today}::date)`;
    query = query.where(f.overdue ? overdue : sql<SqlBool>`NOT ${overdue}`);
  }
  if (f.unreadOnly) query = query.where(unread(actor));
  // The same order inside (to pick the page) and outside (joins do not keep an order).
  const first =
    f.view === 'done'
      ? sql`coalesce(d.completed_at, d.closed_at)`
      : sql`CASE d.urgency WHEN 'flash' THEN 3 WHEN 'very_urgent' THEN 2 WHEN 'urgent' THEN 1 ELSE 0 END`;
  const page = query
    .orderBy(first, 'desc')
    .orderBy('d.received_at', 'desc')
    .orderBy('d.id')
    .limit(f.limit)
    .offset(f.offset);
  const rows = await db
    .selectFrom(page.as('d'))
    .leftJoin('registers as rg', 'rg.id', 'd.register_id')
    .leftJoin('units as lu', 'lu.id', 'd.lead_unit_id')
    .leftJoin('users as lp', 'lp.id', 'd.lead_user_id')
    .selectAll('d')
    .select([
      'rg.name as register_name',
      'lu.name as lead_unit_name',
      'lp.full_name as lead_user_name',
      sql<boolean>`${unread(actor)}`.as('unread'),
    ])
    .orderBy(first, 'desc')
    .orderBy('d.received_at', 'desc')
    .orderBy('d.id')
    .execute();
  if (rows.length > 0 || f.offset === 0) return { rows, total: rows[0] ? Number(rows[0].total) : 0 };
  // A page past the end: count the matches without the page.
  const counted = await query
    .clearSelect()
    .clearOrderBy()
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirst();
  return { rows, total: Number(counted?.n ?? 0) };
}

/**
 * How many documents each inbox view holds for the actor, and how many of them are unread. Each view's
 * condition and the unread test are computed once per document (the inner query, kept apart by OFFSET 0 so
 * the planner does not copy them into every count), then counted.
 */
export async function countViews(db: DbOrTrx, actor: Actor, views: readonly IncomingView[], dates: ViewDates) {
  const perDocument = db
    .selectFrom('incoming_documents as d')
    .select([
      ...views.map((view) => sql<boolean>`${viewCondition(actor, view, dates)}`.as(`in_${view}`)),
      sql<boolean>`${unread(actor)}`.as('unread'),
    ])
    .where(visibleTo(actor))
    .offset(0);
  const row = (await db
    .selectFrom(perDocument.as('v'))
    .select(
      views.flatMap((view) => {
        const inView = sql.ref(`v.in_${view}`);
        return [
          sql<number>`count(*) FILTER (WHERE ${inView})`.as(`${view}`),
          sql<number>`count(*) FILTER (WHERE ${inView} AND v.unread)`.as(`${view}__unread`),
        ];
      }),
    )
    .executeTakeFirstOrThrow()) as Record<string, number | string>;
  return Object.fromEntries(
    views.map((view) => [view, { total: Number(row[view]), unread: Number(row[`${view}__unread`]) }]),
  ) as Record<IncomingView, { total: number; unread: number }>;
}

export async function findIncomingById(db: DbOrTrx, id: string) {
  return db
    .selectFrom('incoming_documents as d')
    .leftJoin('registers as rg', 'rg.id', 'd.register_id')
    .selectAll('d')
    .select('rg.name as register_name')
    .where('d.id', '=', id)
    .executeTakeFirst();
}

export async function findVisibleIncomingById(db: DbOrTrx, actor: Actor, id: string) {
  return db
    .selectFrom('incoming_documents as d')
    .leftJoin('registers as rg', 'rg.id', 'd.register_id')
    .selectAll('d')
    .select(['rg.name as register_name', sql<boolean>`${unread(actor)}`.as('unread')])
    .where('d.id', '=', id)
    .where(visibleTo(actor))
    .executeTakeFirst();
}

/** Locks the document row for a transition (concurrent transitions on one document run one after another). */
export async function lockIncoming(trx: Trx, id: string) {
  return trx.selectFrom('incoming_documents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findAssignments(db: DbOrTrx, documentId: string) {
  return db
    .selectFrom('incoming_assignments as a')
    .leftJoin('units as u', 'u.id', 'a.unit_id')
    .leftJoin('users as p', 'p.id', 'a.user_id')
    .leftJoin('users as by', 'by.id', 'a.assigned_by')
    .selectAll('a')
    .select(['u.name as unit_name', 'p.full_name as user_name', 'by.full_name as assigned_by_name'])
    .where('a.document_id', '=', documentId)
    .orderBy('a.assigned_at')
    .orderBy(sql`CASE a.role WHEN 'lead' THEN 0 WHEN 'support' THEN 1 ELSE 2 END`)
    .orderBy('a.id')
    .execute();
}

export async function findEvents(db: DbOrTrx, documentId: string) {
  return db.selectFrom('incoming_events').selectAll().where('document_id', '=', documentId).orderBy('id').execute();
}

export async function findDocumentFiles(db: DbOrTrx, documentId: string) {
  return db
    .selectFrom('incoming_files')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('added_at')
    .execute();
}

/** The main file of each of the documents (document id → file id). */
export async function findMainFileIds(db: DbOrTrx, documentIds: readonly string[]): Promise<Map<string, string>> {
  if (documentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('incoming_files')
    .select(['document_id', 'file_id'])
    .where('document_id', 'in', [...documentIds])
    .where('kind', '=', 'main')
    .execute();
  return new Map(rows.map((r) => [r.document_id, r.file_id]));
}

export async function findExtensions(db: DbOrTrx, documentId: string) {
  return db
    .selectFrom('incoming_extensions as x')
    .leftJoin('users as rq', 'rq.id', 'x.requested_by')
    .leftJoin('users as dc', 'dc.id', 'x.decided_by')
    .selectAll('x')
    .select(['rq.full_name as requested_by_name', 'dc.full_name as decided_by_name'])
    .where('x.document_id', '=', documentId)
    .orderBy('x.requested_at')
    .execute();
}

export async function markRead(db: DbOrTrx, documentId: string, userId: string, at: Date) {
  await db
    .insertInto('incoming_reads')
    .values({ document_id: documentId, user_id: userId, read_at: at })
    .onConflict((oc) => oc.columns(['document_id', 'user_id']).doUpdateSet({ read_at: at }))
    .execute();
}

export interface EventInput {
  readonly documentId: string;
  readonly actor: { userId: string; fullName: string } | null;
  readonly action: string;
  readonly fromStatus: string | null;
  readonly toStatus: string | null;
  readonly note?: string | null;
  readonly details?: Record<string, unknown>;
}

export async function insertEvent(trx: Trx, e: EventInput) {
  await trx
    .insertInto('incoming_events')
    .values({
      document_id: e.documentId,
      actor_user_id: e.actor?.userId ?? null,
      actor_name: e.actor?.fullName ?? null,
      action: e.action,
      from_status: e.fromStatus,
      to_status: e.toStatus,
      note: e.note ?? null,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}

/** Documents of the organisation with the same issuer, number and date (possible duplicates). */
export async function findPossibleDuplicates(
  db: DbOrTrx,
  organizationId: string,
  input: { issuerName: string; numberNotation: string; documentDate: string },
  excludeId?: string,
) {
  let query = db
    .selectFrom('incoming_documents as d')
    .select(['d.id', 'd.arrival_number', 'd.arrival_year', 'd.received_at', 'd.status', 'd.subject'])
    .where('d.organization_id', '=', organizationId)
    .where('d.document_date', '=', input.documentDate)
    .where(
      sql<SqlBool>`lower(f_unaccent(regexp_replace(d.number_notation, '\\s+', '', 'g')))
        = lower(f_unaccent(regexp_replace(${input.numberNotation}, '\\s+', '', 'g')))`,
    )
    .where(
      sql<SqlBool>`lower(f_unaccent(regexp_replace(d.issuer_name, '\\s+', ' ', 'g')))
        = lower(f_unaccent(regexp_replace(${input.issuerName}, '\\s+', ' ', 'g')))`,
    );
  if (excludeId) query = query.where('d.id', '<>', excludeId);
  return query.orderBy('d.received_at').limit(10).execute();
}

/** Links files to a document (the scan, attachments, drafts); a file already linked stays as it was. */
export async function insertDocumentFiles(
  trx: Trx,
  documentId: string,
  fileIds: readonly string[],
  kind: IncomingFileKind | ((index: number) => IncomingFileKind),
  addedBy: string | null,
  at: Date,
) {
  if (fileIds.length === 0) return;
  await trx
    .insertInto('incoming_files')
    .values(
      fileIds.map((fileId, i) => ({
        document_id: documentId,
        file_id: fileId,
        kind: typeof kind === 'function' ? kind(i) : kind,
        added_by: addedBy,
        added_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(['document_id', 'file_id']).doNothing())
    .execute();
}
