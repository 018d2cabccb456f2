/** All SQL of outgoing drafts: the visibility scope, the list, lookups and locks, revisions, files, trail. */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx, Trx } from '../../../../platform/db/schema.ts';
import { escapeLike } from '../../../../platform/text.ts';
import { searchWords } from '../../incoming/incoming.repository.ts';
import type { ReviewerScope } from '../approval/approval.scope.ts';
import './drafts.tables.ts';
import type { DraftContent, OutgoingFileKind, OutgoingStatus, RevisionFile } from './drafts.types.ts';

type Cond = RawBuilder<SqlBool>;

/** `column IN (values)`, or false for no values. */
function inList(column: string, values: readonly string[]): Cond {
  if (values.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(column)} IN (${sql.join(values)})`;
}

/**
 * Drafts with a pending step the actor may take: given to them (or to someone who delegated to them) by
 * name, to a role they hold, or to the head of a unit they head. Pending steps exist only on the current
 * stage of an active route.
 */
export function waitingFor(scope: ReviewerScope): Cond {
  const roles = [...scope.roles].filter((r) => r === 'leader' || r === 'clerk');
  return sql<SqlBool>`EXISTS (
    SELECT 1 FROM approval_steps ws WHERE ws.document_id = d.id AND ws.status = 'pending' AND (
      ${inList('ws.reviewer_user_id', [scope.userId, ...scope.delegatorIds])}
      OR ${inList('ws.reviewer_role', roles)}
      OR (ws.reviewer_role = 'unit_head' AND ${inList('ws.reviewer_unit_id', scope.headedUnitIds)})
    )
  )`;
}

/**
 * Who sees which outgoing document (always within the actor's organisation): leaders and clerks see every
 * one; the author their own; a unit head the drafts of the unit they head; a reviewer what waits for them
 * and what they took part in (including steps forwarded to them).
 */
export function visibleTo(scope: ReviewerScope): Cond {
  const seesAll = scope.roles.has('leader') || scope.roles.has('clerk');
  return sql<SqlBool>`(d.organization_id = ${scope.organizationId} AND (
    ${seesAll}::boolean
    OR d.created_by = ${scope.userId}
    OR ${inList('d.drafting_unit_id', scope.headedUnitIds)}
    OR EXISTS (
      SELECT 1 FROM approval_steps vs WHERE vs.document_id = d.id
        AND (vs.reviewer_user_id = ${scope.userId} OR vs.decided_by = ${scope.userId})
    )
    OR ${waitingFor(scope)}
  ))`;
}

export const OUTGOING_VIEWS = ['all', 'mine', 'to_review'] as const;
export type OutgoingView = (typeof OUTGOING_VIEWS)[number];

export interface OutgoingFilter {
  readonly view: OutgoingView;
  readonly status?: OutgoingStatus;
  readonly docType?: string;
  readonly q?: string;
  readonly limit: number;
  readonly offset: number;
}

export async function findOutgoingPage(db: DbOrTrx, scope: ReviewerScope, f: OutgoingFilter) {
  let query = db
    .selectFrom('outgoing_documents as d')
    .leftJoin('units as u', 'u.id', 'd.drafting_unit_id')
    .innerJoin('users as a', 'a.id', 'd.created_by')
    .select([
      'd.id',
      'd.status',
      'd.doc_type',
      'd.subject',
      'd.drafting_unit_id',
      'd.created_by',
      'd.urgency',
      'd.confidentiality',
      'd.reply_due_date',
      'd.current_revision',
      'd.submitted_at',
      'd.last_activity_at',
      'd.created_at',
      'd.version',
      'd.full_number',
      'd.issued_at',
      'u.name as drafting_unit_name',
      'a.full_name as created_by_name',
      sql<boolean>`${waitingFor(scope)}`.as('waiting_for_me'),
      sql<number>`count(*) OVER ()`.as('total'),
    ])
    .where(visibleTo(scope));
  if (f.view === 'mine') query = query.where('d.created_by', '=', scope.userId);
  if (f.view === 'to_review') query = query.where(waitingFor(scope));
  if (f.status) query = query.where('d.status', '=', f.status);
  if (f.docType) query = query.where('d.doc_type', '=', f.docType);
  for (const word of f.q ? searchWords(f.q) : []) {
    query = query.where(sql<SqlBool>`d.search_text LIKE ${`%${escapeLike(word)}%`}`);
  }
  const rows = await query
    .orderBy('d.last_activity_at', 'desc')
    .orderBy('d.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  if (rows.length > 0 || f.offset === 0) return { rows, total: rows[0] ? Number(rows[0].total) : 0 };
  const counted = await query
    .clearSelect()
    .clearOrderBy()
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirst();
  return { rows, total: Number(counted?.n ?? 0) };
}

function withNames(db: DbOrTrx) {
  return db
    .selectFrom('outgoing_documents as d')
    .leftJoin('units as u', 'u.id', 'd.drafting_unit_id')
    .innerJoin('users as a', 'a.id', 'd.created_by')
    .leftJoin('users as sg', 'sg.id', 'd.signer_user_id')
    .leftJoin('users as dc', 'dc.id', 'd.decided_by')
    .leftJoin('users as sb', 'sb.id', 'd.signed_by')
    .selectAll('d')
    .select([
      'u.name as drafting_unit_name',
      'a.full_name as created_by_name',
      'sg.full_name as signer_name',
      'dc.full_name as decided_by_name',
      'sb.full_name as signed_by_name',
    ]);
}

/** The document with the names it shows, whoever asks (for code that checked access itself). */
export async function findOutgoingById(db: DbOrTrx, id: string) {
  return withNames(db).where('d.id', '=', id).executeTakeFirst();
}

export async function findVisibleOutgoingById(db: DbOrTrx, scope: ReviewerScope, id: string) {
  return withNames(db).where('d.id', '=', id).where(visibleTo(scope)).executeTakeFirst();
}

/** Locks the document row for a step (concurrent steps on one document run one after another). */
export async function lockOutgoing(trx: Trx, id: string) {
  return trx.selectFrom('outgoing_documents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertRevision(
  trx: Trx,
  r: {
    documentId: string;
    revision: number;
    content: DraftContent;
    files: readonly RevisionFile[];
    by: string;
    at: Date;
  },
) {
  await trx
    .insertInto('outgoing_revisions')
    .values({
      document_id: r.documentId,
      revision: r.revision,
      content: JSON.stringify(r.content),
      files: JSON.stringify(r.files),
      created_by: r.by,
      created_at: r.at,
    })
    .execute();
}

export async function findRevisions(db: DbOrTrx, documentId: string) {
  return db
    .selectFrom('outgoing_revisions as r')
    .innerJoin('users as u', 'u.id', 'r.created_by')
    .select(['r.revision', 'r.created_at', 'r.created_by', 'u.full_name as created_by_name'])
    .where('r.document_id', '=', documentId)
    .orderBy('r.revision')
    .execute();
}

export async function findRevision(db: DbOrTrx, documentId: string, revision: number) {
  return db
    .selectFrom('outgoing_revisions as r')
    .innerJoin('users as u', 'u.id', 'r.created_by')
    .selectAll('r')
    .select('u.full_name as created_by_name')
    .where('r.document_id', '=', documentId)
    .where('r.revision', '=', revision)
    .executeTakeFirst();
}

/** Links files to a document; a file already linked stays as it was. */
export async function insertDocumentFiles(
  trx: Trx,
  documentId: string,
  files: readonly { fileId: string; kind: OutgoingFileKind }[],
  addedBy: string,
  at: Date,
) {
  if (files.length === 0) return;
  await trx
    .insertInto('outgoing_files')
    .values(
      files.map((f) => ({ document_id: documentId, file_id: f.fileId, kind: f.kind, added_by: addedBy, added_at: at })),
    )
    .onConflict((oc) => oc.columns(['document_id', 'file_id']).doNothing())
    .execute();
}

export async function findDocumentFiles(db: DbOrTrx, documentId: string) {
  return db
    .selectFrom('outgoing_files')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('added_at')
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
    .insertInto('outgoing_events')
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

export async function findEvents(db: DbOrTrx, documentId: string) {
  return db.selectFrom('outgoing_events').selectAll().where('document_id', '=', documentId).orderBy('id').execute();
}

/** An issued outgoing document of the organisation (a document a draft may replace or correct). */
export async function findIssuedOfOrganization(db: DbOrTrx, organizationId: string, id: string) {
  return db
    .selectFrom('outgoing_documents')
    .select(['id', 'full_number', 'subject'])
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'issued')
    .executeTakeFirst();
}

const relatedColumns = ['id', 'full_number', 'subject', 'status', 'issued_at', 'relation_kind'] as const;

/** The documents a document points to, and the issued documents that replace or correct it. */
export async function findRelations(db: DbOrTrx, relatedId: string | null, id: string) {
  const [target, referrers] = await Promise.all([
    relatedId
      ? db.selectFrom('outgoing_documents').select(relatedColumns).where('id', '=', relatedId).executeTakeFirst()
      : undefined,
    db
      .selectFrom('outgoing_documents')
      .select(relatedColumns)
      .where('related_outgoing_id', '=', id)
      .where('status', '=', 'issued')
      .orderBy('issued_at')
      .execute(),
  ]);
  return { target, referrers };
}
