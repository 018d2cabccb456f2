/**
 * `bench/generate`: a deterministic (seeded) national dataset for the benchmark — the Ministry, the 34
 * Departments of Education and Training, 500 universities and colleges, 3,000 schools, 50,000 people, and
 * incoming and outgoing documents over three years with assignments, trails, reads, issued numbers,
 * dispatches and hash-chained audit rows (chained exactly as the platform chains them, so
 * `npm run audit:verify` passes).
 *
 *   node --import tsx bench/generate.ts [--size quick|full|<documents>] [--pglite <dir>] [--seed <n>]
 *
 * PostgreSQL: DATABASE_URL (created if missing). PGlite: --pglite <data dir> (default size "pglite").
 * Idempotent: a dataset is recorded by a `bench.dataset_generated` audit row; running again with the same
 * size and seed does nothing, with another size it stops (use a fresh database).
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { GENESIS_HASH, hashAuditRow, type HashableAuditRow } from '../server/src/platform/audit/audit.ts';
import { hashPassword } from '../server/src/modules/identity/index.ts';
import { DEFAULT_REGISTER_NAMES } from '../server/src/modules/documents/registers/registers.repository.ts';
import { openBulk, RowBuffer, insertRows, type Query, type Target } from './lib/db.ts';
import { benchUuid, KIND, Random } from './lib/rand.ts';
import * as vocab from './lib/vocab.ts';

export const BENCH_PASSWORD = 'Bench-2026-matkhau';

export const SIZES: Readonly<Record<string, number>> = { full: 1_000_000, quick: 50_000, pglite: 20_000 };

export interface GenerateOptions {
  readonly documents: number;
  readonly seed: number;
  /** Approved drafts of the Ministry kept for the "issue" scenario (and its ceiling). */
  readonly issuePool: number;
  readonly log?: (line: string) => void;
}

const DAY = 86_400_000;
const VN_OFFSET = 7 * 3_600_000;
/** yyyy-mm-dd in Vietnam (UTC+7, no daylight saving). */
const vnDate = (ms: number) => new Date(ms + VN_OFFSET).toISOString().slice(0, 10);
const vnYear = (ms: number) => new Date(ms + VN_OFFSET).getUTCFullYear();
const iso = (ms: number) => new Date(ms).toISOString();

interface Person {
  id: string;
  name: string;
}

interface Unit {
  id: string;
  abbr: string;
  head: Person | undefined;
  specialists: Person[];
}

interface Org {
  id: string;
  name: string;
  abbr: string;
  kind: 'ministry' | 'provincial_department' | 'university' | 'college' | 'school';
  parentId: string | null;
  units: Unit[];
  leaders: Person[];
  clerks: Person[];
  incomingRegister?: string;
  outgoingRegister?: string;
  /** Share of the documents. */
  weight: number;
  children: Org[];
}

const DEPARTMENT_UNITS = [
  ['Văn phòng', 'VP'],
  ['Phòng Tổ chức cán bộ', 'TCCB'],
  ['Phòng Giáo dục Mầm non', 'GDMN'],
  ['Phòng Giáo dục Phổ thông', 'GDPT'],
  ['Phòng Kế hoạch - Tài chính', 'KHTC'],
  ['Phòng Giáo dục thường xuyên', 'GDTX'],
  ['Thanh tra Sở', 'TTr'],
] as const;
const INSTITUTION_UNITS = [
  ['Phòng Hành chính - Tổng hợp', 'HCTH'],
  ['Phòng Đào tạo', 'ĐT'],
  ['Phòng Tổ chức cán bộ', 'TCCB'],
  ['Phòng Kế hoạch - Tài chính', 'KHTC'],
  ['Phòng Công tác sinh viên', 'CTSV'],
] as const;
const SCHOOL_UNITS = [
  ['Tổ Văn phòng', 'VP'],
  ['Tổ Chuyên môn', 'CM'],
] as const;

const INCOMING_TYPES = weighted([
  ['official_letter', 60],
  ['decision', 10],
  ['plan', 8],
  ['report', 7],
  ['notice', 5],
  ['invitation', 5],
  ['guidance', 5],
]);
const OUTGOING_TYPES = weighted([
  ['official_letter', 55],
  ['decision', 12],
  ['plan', 10],
  ['report', 10],
  ['notice', 6],
  ['invitation', 4],
  ['guidance', 3],
]);
const TYPE_ABBR: Readonly<Record<string, string | null>> = {
  official_letter: null,
  decision: 'QĐ',
  plan: 'KH',
  report: 'BC',
  notice: 'TB',
  invitation: 'GM',
  guidance: 'HD',
};
const URGENCIES = weighted([
  ['normal', 85],
  ['urgent', 10],
  ['very_urgent', 4],
  ['flash', 1],
]);

function weighted(items: readonly (readonly [string, number])[]): string[] {
  return items.flatMap(([v, w]) => Array.from({ length: w }, () => v));
}

class AuditChain {
  seq: number;
  prev: string;
  constructor(
    head: { last_seq: number; last_hash: string },
    private readonly buffer: RowBuffer,
  ) {
    this.seq = Number(head.last_seq);
    this.prev = head.last_hash;
  }

  push(
    at: number,
    actor: Person | null,
    organizationId: string | null,
    action: string,
    target: [string, string | null],
    summary: Record<string, unknown>,
  ): void {
    const row: HashableAuditRow = {
      seq: this.seq + 1,
      occurredAt: new Date(at),
      actorUserId: actor?.id ?? null,
      actorName: actor?.name ?? null,
      organizationId,
      action,
      targetType: target[0],
      targetId: target[1],
      summary: JSON.parse(JSON.stringify(summary)) as unknown,
      requestId: null,
      prevHash: this.prev,
    };
    const hash = hashAuditRow(row);
    this.buffer.push([
      row.seq,
      iso(at),
      row.actorUserId,
      row.actorName,
      organizationId,
      action,
      target[0],
      target[1],
      JSON.stringify(row.summary),
      null,
      row.prevHash,
      hash,
    ]);
    this.seq = row.seq;
    this.prev = hash;
  }
}

export interface GenerateResult {
  readonly skipped: boolean;
  readonly counts: Record<string, number>;
  readonly seconds: number;
}

export async function generate(target: Target, options: GenerateOptions): Promise<GenerateResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const started = Date.now();
  const bulk = await openBulk(target);
  const q = bulk.query;
  try {
    if (target.databaseUrl) await restoreSecondaryIndexes(q, log);
    const marker = await q(
      `SELECT summary FROM audit_log WHERE action = 'bench.dataset_generated' ORDER BY seq DESC LIMIT 1`,
    );
    if (marker.rows[0]) {
      const s = marker.rows[0].summary as { documents: number; seed: number };
      if (s.documents === options.documents && s.seed === options.seed) {
        log(`dataset already generated (${s.documents} documents, seed ${s.seed}): nothing to do`);
        return { skipped: true, counts: s as unknown as Record<string, number>, seconds: 0 };
      }
      throw new Error(
        `This database holds a bench dataset of ${s.documents} documents (seed ${s.seed}); use a fresh database for ${options.documents}`,
      );
    }
    const partial = await q(`SELECT count(*)::int AS n FROM organizations WHERE seed_key LIKE 'bench:%'`);
    if (Number(partial.rows[0]!.n) > 0) {
      throw new Error(
        'This database holds a partly generated bench dataset (an earlier run stopped): use a fresh database',
      );
    }
    const bulkLoad = target.databaseUrl !== undefined && options.documents >= 200_000;
    if (bulkLoad) await dropSecondaryIndexes(q, log);
    const counts = await build(q, options, log);
    if (bulkLoad) await restoreSecondaryIndexes(q, log);
    log(`analyze …`);
    await q('ANALYZE');
    return { skipped: false, counts, seconds: (Date.now() - started) / 1000 };
  } finally {
    await bulk.close();
  }
}

/** The big tables whose non-unique indexes are dropped during a large load and rebuilt after it. */
const BULK_TABLES = [
  'incoming_documents',
  'incoming_assignments',
  'incoming_events',
  'incoming_reads',
  'outgoing_documents',
  'outgoing_events',
  'outgoing_revisions',
  'outgoing_dispatches',
  'issued_numbers',
  'audit_log',
];

/**
 * Building an index once is much faster than maintaining it row by row (the trigram indexes above all).
 * The definitions are kept in a table first, so a run that stops half-way restores them the next time.
 */
async function dropSecondaryIndexes(q: Query, log: (line: string) => void): Promise<void> {
  await restoreSecondaryIndexes(q, log);
  await q(`CREATE TABLE IF NOT EXISTS bench_dropped_indexes (name text PRIMARY KEY, definition text NOT NULL)`);
  const found = await q(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relname = ANY($1::text[]) AND NOT x.indisunique AND NOT x.indisprimary`,
    [BULK_TABLES],
  );
  for (const row of found.rows) {
    await q(`INSERT INTO bench_dropped_indexes (name, definition) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      row.name,
      row.definition,
    ]);
    await q(`DROP INDEX IF EXISTS "${String(row.name)}"`);
  }
  log(`bulk load: ${found.rows.length} secondary indexes dropped until the end`);
}

async function restoreSecondaryIndexes(q: Query, log: (line: string) => void): Promise<void> {
  const exists = await q(`SELECT to_regclass('bench_dropped_indexes') IS NOT NULL AS present`);
  if (!exists.rows[0]?.present) return;
  const rows = await q(`SELECT name, definition FROM bench_dropped_indexes ORDER BY name`);
  for (const row of rows.rows) {
    const began = Date.now();
    await q(String(row.definition).replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS '));
    log(`  index ${String(row.name)} rebuilt in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  }
  await q(`DROP TABLE bench_dropped_indexes`);
}

async function build(q: Query, options: GenerateOptions, log: (line: string) => void): Promise<Record<string, number>> {
  const r = new Random(options.seed);
  const anchor = Date.now();
  const start = anchor - 3 * 365 * DAY;
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  let orgSeq = 0;
  let unitSeq = 0;
  let userSeq = 0;

  // ── Organisations ─────────────────────────────────────────────────────────────────────────────────
  const reference = await q(
    `SELECT id, seed_key, name, abbreviation, kind, province_name FROM organizations
     WHERE valid_to IS NULL AND kind IN ('ministry', 'provincial_department') ORDER BY kind DESC, seed_key`,
  );
  const ministryRow = reference.rows.find((o) => o.kind === 'ministry');
  if (!ministryRow) throw new Error('The Ministry is missing from the reference data');
  const toOrg = (row: Record<string, unknown>, weight: number): Org => ({
    id: String(row.id),
    name: String(row.name),
    abbr: String(row.abbreviation),
    kind: row.kind as Org['kind'],
    parentId: null,
    units: [],
    leaders: [],
    clerks: [],
    weight,
    children: [],
  });
  const ministry = toOrg(ministryRow, 0.06);
  const departments = reference.rows.filter((o) => o.kind === 'provincial_department').map((o) => toOrg(o, 0.34 / 34));
  if (departments.length !== 34) throw new Error(`Expected 34 current departments, found ${departments.length}`);
  const newOrgs: Org[] = [];
  for (let i = 1; i <= 500; i++) {
    const university = i <= 300;
    const place = vocab.PLACES[i % vocab.PLACES.length]!;
    const name = university
      ? `Trường Đại học ${['Sư phạm', 'Kỹ thuật', 'Kinh tế', 'Y Dược', 'Nông Lâm', 'Khoa học'][i % 6]} ${place} số ${i}`
      : `Trường Cao đẳng ${['Sư phạm', 'Kỹ thuật', 'Công nghệ', 'Y tế', 'Du lịch'][i % 5]} ${place} số ${i}`;
    newOrgs.push({
      id: benchUuid(KIND.organization, ++orgSeq),
      name,
      abbr: `${university ? 'ĐH' : 'CĐ'}${String(i).padStart(3, '0')}`,
      kind: university ? 'university' : 'college',
      parentId: ministry.id,
      units: [],
      leaders: [],
      clerks: [],
      weight: 0.25 / 500,
      children: [],
    });
    ministry.children.push(newOrgs.at(-1)!);
  }
  for (let i = 1; i <= 3000; i++) {
    const dept = departments[i % 34]!;
    const level = ['Trường Trung học phổ thông', 'Trường Trung học cơ sở', 'Trường Tiểu học', 'Trường Mầm non'][i % 4]!;
    const org: Org = {
      id: benchUuid(KIND.organization, ++orgSeq),
      name: `${level} ${vocab.personName(r).split(' ').slice(1).join(' ')} số ${i}`,
      abbr: `TH${String(i).padStart(4, '0')}`,
      kind: 'school',
      parentId: dept.id,
      units: [],
      leaders: [],
      clerks: [],
      weight: 0.35 / 3000,
      children: [],
    };
    newOrgs.push(org);
    dept.children.push(org);
  }
  for (const dept of departments) ministry.children.push(dept);
  await insertRows(
    q,
    'organizations',
    [
      { name: 'id', type: 'uuid' },
      { name: 'seed_key', type: 'text' },
      { name: 'identifier', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'short_name', type: 'text' },
      { name: 'abbreviation', type: 'text' },
      { name: 'kind', type: 'text' },
      { name: 'parent_id', type: 'uuid' },
      { name: 'valid_from', type: 'date' },
    ],
    newOrgs.map((o, i) => [
      o.id,
      `bench:org:${i + 1}`,
      `BENCH.${String(i + 1).padStart(5, '0')}`,
      o.name,
      o.name,
      o.abbr,
      o.kind,
      o.parentId,
      '2020-01-01',
    ]),
  );
  const orgs = [ministry, ...departments, ...newOrgs];
  log(`organisations: ${orgs.length} (1 ministry, ${departments.length} departments, ${newOrgs.length} new)`);

  // ── Units ─────────────────────────────────────────────────────────────────────────────────────────
  const ministryUnits = await q(
    `SELECT id, abbreviation FROM units WHERE organization_id = $1 AND valid_to IS NULL ORDER BY seed_key, id`,
    [ministry.id],
  );
  ministry.units = ministryUnits.rows.map((u) => ({
    id: String(u.id),
    abbr: String(u.abbreviation),
    head: undefined,
    specialists: [],
  }));
  const unitRows: unknown[][] = [];
  for (const org of orgs) {
    if (org.kind === 'ministry') continue;
    const defs =
      org.kind === 'provincial_department'
        ? DEPARTMENT_UNITS
        : org.kind === 'school'
          ? SCHOOL_UNITS
          : INSTITUTION_UNITS;
    for (const [name, abbr] of defs) {
      const id = benchUuid(KIND.unit, ++unitSeq);
      unitRows.push([
        id,
        `bench:unit:${unitSeq}`,
        org.id,
        name,
        abbr,
        org.kind === 'school' ? 'division' : abbr === 'VP' || abbr === 'HCTH' ? 'office' : 'division',
        '2020-01-01',
      ]);
      org.units.push({ id, abbr, head: undefined, specialists: [] });
    }
  }
  for (let i = 0; i < unitRows.length; i += 5000) {
    await insertRows(
      q,
      'units',
      [
        { name: 'id', type: 'uuid' },
        { name: 'seed_key', type: 'text' },
        { name: 'organization_id', type: 'uuid' },
        { name: 'name', type: 'text' },
        { name: 'abbreviation', type: 'text' },
        { name: 'kind', type: 'text' },
        { name: 'valid_from', type: 'date' },
      ],
      unitRows.slice(i, i + 5000),
    );
  }
  log(`units: ${unitRows.length + ministry.units.length}`);

  // ── People ────────────────────────────────────────────────────────────────────────────────────────
  // 2,000 at the Ministry, 250 per department, 40 per institution, 6 or 7 per school: 50,000.
  const headcount = (o: Org, i: number) =>
    o.kind === 'ministry' ? 2000 : o.kind === 'provincial_department' ? 250 : o.kind === 'school' ? 6 + (i % 2) : 40;
  const users = new RowBuffer(q, 'users', [
    { name: 'id', type: 'uuid' },
    { name: 'username', type: 'text' },
    { name: 'full_name', type: 'text' },
    { name: 'email', type: 'text' },
    { name: 'password_hash', type: 'text' },
  ]);
  const memberships = new RowBuffer(q, 'memberships', [
    { name: 'id', type: 'uuid' },
    { name: 'user_id', type: 'uuid' },
    { name: 'organization_id', type: 'uuid' },
    { name: 'unit_id', type: 'uuid' },
    { name: 'roles', type: 'text', expr: (x) => `string_to_array(${x}, ',')` },
    { name: 'is_primary', type: 'boolean' },
    { name: 'valid_from', type: 'date' },
  ]);
  let schoolIndex = 0;
  for (const [oi, org] of orgs.entries()) {
    const n = headcount(org, org.kind === 'school' ? schoolIndex++ : 0);
    const leaders =
      org.kind === 'ministry' ? 5 : org.kind === 'provincial_department' ? 4 : org.kind === 'school' ? 1 : 3;
    const clerks = org.kind === 'ministry' ? 6 : org.kind === 'provincial_department' ? 3 : 1;
    const code = org.kind === 'ministry' ? 'bgd' : `o${String(oi).padStart(4, '0')}`;
    for (let k = 0; k < n; k++) {
      const id = benchUuid(KIND.user, ++userSeq);
      const person = { id, name: vocab.personName(r) };
      let role: string;
      let unit: Unit | undefined;
      let username: string;
      if (k < leaders) {
        role = 'leader';
        username = `b.${code}.ld${k + 1}`;
        org.leaders.push(person);
      } else if (k < leaders + clerks) {
        role = 'clerk';
        username = `b.${code}.vt${k - leaders + 1}`;
        unit = org.units[0];
        org.clerks.push(person);
      } else if (k < leaders + clerks + org.units.length) {
        role = 'unit_head';
        unit = org.units[k - leaders - clerks]!;
        username = `b.${code}.tp${k - leaders - clerks + 1}`;
        unit.head = person;
      } else {
        role = 'specialist';
        unit = org.units[k % org.units.length]!;
        username = `b.${code}.cv${k + 1}`;
        unit.specialists.push(person);
      }
      users.push([id, username, person.name, `${username}@bench.edugov.vn`, passwordHash]);
      memberships.push([benchUuid(KIND.membership, userSeq), id, org.id, unit?.id ?? null, role, true, '2020-01-01']);
      if (users.full()) {
        await users.flush();
        await memberships.flush();
      }
    }
  }
  await users.flush();
  await memberships.flush();
  log(`people: ${users.inserted}`);

  // ── Register books (the same default books the app would create on first use) ─────────────────────
  await insertRows(
    q,
    'registers',
    [
      { name: 'id', type: 'uuid' },
      { name: 'organization_id', type: 'uuid' },
      { name: 'direction', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'created_at', type: 'timestamptz' },
    ],
    orgs.flatMap((o, i) => [
      [
        benchUuid(KIND.register, 2 * i + 1),
        o.id,
        'incoming',
        DEFAULT_REGISTER_NAMES.incoming.ordinary,
        iso(start - DAY),
      ],
      [
        benchUuid(KIND.register, 2 * i + 2),
        o.id,
        'outgoing',
        DEFAULT_REGISTER_NAMES.outgoing.ordinary,
        iso(start - DAY),
      ],
    ]),
  );
  const books = await q(
    `SELECT DISTINCT ON (organization_id, direction) id, organization_id, direction FROM registers
     WHERE confidential = false AND active ORDER BY organization_id, direction, created_at, id`,
  );
  const byId = new Map(orgs.map((o) => [o.id, o]));
  for (const b of books.rows) {
    const org = byId.get(String(b.organization_id));
    if (!org) continue;
    if (b.direction === 'incoming') org.incomingRegister = String(b.id);
    else org.outgoingRegister = String(b.id);
  }

  // ── Documents ─────────────────────────────────────────────────────────────────────────────────────
  const head = await q(`SELECT last_seq, last_hash FROM audit_chain WHERE id = 1`);
  const startHead = head.rows[0] as { last_seq: number; last_hash: string } | undefined;
  const auditBuffer = new RowBuffer(q, 'audit_log', [
    { name: 'seq', type: 'bigint' },
    { name: 'occurred_at', type: 'timestamptz' },
    { name: 'actor_user_id', type: 'uuid' },
    { name: 'actor_name', type: 'text' },
    { name: 'organization_id', type: 'uuid' },
    { name: 'action', type: 'text' },
    { name: 'target_type', type: 'text' },
    { name: 'target_id', type: 'text' },
    { name: 'summary', type: 'jsonb' },
    { name: 'request_id', type: 'text' },
    { name: 'prev_hash', type: 'text' },
    { name: 'hash', type: 'text' },
  ]);
  const audit = new AuditChain(startHead ?? { last_seq: 0, last_hash: GENESIS_HASH }, auditBuffer);
  const initialSeq = audit.seq;

  const incomingCount = Math.round(options.documents * 0.7);
  const outgoingCount = options.documents - incomingCount;
  const counters = new Map<string, number>(); // `${register}|${year}` → last number
  const next = (register: string, year: number) => {
    const key = `${register}|${year}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return n;
  };
  const allocate = (total: number) => {
    const raw = orgs.map((o) => o.weight * total);
    const out = raw.map(Math.floor);
    let rest = total - out.reduce((a, b) => a + b, 0);
    for (let i = 0; rest > 0; i = (i + 1) % out.length, rest--) out[i]!++;
    return out;
  };
  const times = (n: number) => {
    const t = Array.from({ length: n }, () => start + r.next() * (anchor - start - DAY));
    return t.sort((a, b) => a - b);
  };
  const senders = [ministry, ...departments];

  const docs = new RowBuffer(q, 'incoming_documents', [
    { name: 'id', type: 'uuid' },
    { name: 'organization_id', type: 'uuid' },
    { name: 'status', type: 'text' },
    { name: 'source', type: 'text' },
    { name: 'sender_organization_id', type: 'uuid' },
    { name: 'register_id', type: 'uuid' },
    { name: 'arrival_year', type: 'int' },
    { name: 'arrival_number', type: 'int' },
    { name: 'received_at', type: 'timestamptz' },
    { name: 'registered_at', type: 'timestamptz' },
    { name: 'registered_by', type: 'uuid' },
    { name: 'issuer_name', type: 'text' },
    { name: 'number_notation', type: 'text' },
    { name: 'document_date', type: 'date' },
    { name: 'doc_type', type: 'text' },
    { name: 'subject', type: 'text' },
    { name: 'signer_name', type: 'text' },
    { name: 'signer_position', type: 'text' },
    { name: 'urgency', type: 'text' },
    { name: 'page_count', type: 'int' },
    { name: 'presented_to', type: 'uuid' },
    { name: 'presented_at', type: 'timestamptz' },
    { name: 'directed_at', type: 'timestamptz' },
    { name: 'directed_by', type: 'uuid' },
    { name: 'first_directed_at', type: 'timestamptz' },
    { name: 'due_date', type: 'date' },
    { name: 'lead_unit_id', type: 'uuid' },
    { name: 'lead_user_id', type: 'uuid' },
    { name: 'completed_at', type: 'timestamptz' },
    { name: 'completed_by', type: 'uuid' },
    { name: 'closed_at', type: 'timestamptz' },
    { name: 'closed_by', type: 'uuid' },
    { name: 'last_activity_at', type: 'timestamptz' },
    { name: 'created_at', type: 'timestamptz' },
    { name: 'updated_at', type: 'timestamptz' },
  ]);
  const assignments = new RowBuffer(q, 'incoming_assignments', [
    { name: 'id', type: 'uuid' },
    { name: 'document_id', type: 'uuid' },
    { name: 'parent_id', type: 'uuid' },
    { name: 'role', type: 'text' },
    { name: 'unit_id', type: 'uuid' },
    { name: 'user_id', type: 'uuid' },
    { name: 'assigned_by', type: 'uuid' },
    { name: 'assigned_at', type: 'timestamptz' },
    { name: 'deadline', type: 'date' },
    { name: 'status', type: 'text' },
    { name: 'status_changed_at', type: 'timestamptz' },
  ]);
  const events = new RowBuffer(q, 'incoming_events', [
    { name: 'document_id', type: 'uuid' },
    { name: 'occurred_at', type: 'timestamptz' },
    { name: 'actor_user_id', type: 'uuid' },
    { name: 'actor_name', type: 'text' },
    { name: 'action', type: 'text' },
    { name: 'from_status', type: 'text' },
    { name: 'to_status', type: 'text' },
    { name: 'note', type: 'text' },
    { name: 'details', type: 'jsonb' },
  ]);
  const reads = new RowBuffer(q, 'incoming_reads', [
    { name: 'document_id', type: 'uuid' },
    { name: 'user_id', type: 'uuid' },
    { name: 'read_at', type: 'timestamptz' },
  ]);
  const flushIncoming = async (force = false) => {
    if (!force && !docs.full()) return;
    await docs.flush();
    await assignments.flush();
    await events.flush();
    await reads.flush();
    await auditBuffer.flush();
  };

  let docSeq = 0;
  let assignmentSeq = 0;
  const perOrgIncoming = allocate(incomingCount);
  for (const [oi, org] of orgs.entries()) {
    for (const t of times(perOrgIncoming[oi]!)) {
      const id = benchUuid(KIND.incoming, ++docSeq);
      const age = (anchor - t) / DAY;
      const p = r.next();
      let status: string;
      if (age < 2) status = p < 0.2 ? 'received' : p < 0.6 ? 'registered' : p < 0.8 ? 'presented' : 'assigned';
      else if (age < 30) status = p < 0.5 ? 'in_progress' : p < 0.6 ? 'assigned' : 'completed';
      else if (age < 90) status = p < 0.15 ? 'in_progress' : p < 0.95 ? 'completed' : 'closed';
      else status = p < 0.03 ? 'in_progress' : p < 0.95 ? 'completed' : 'closed';
      const fromEduGov = status === 'received' || r.chance(0.4);
      const sender = fromEduGov ? r.pick(senders.filter((s) => s !== org)) : undefined;
      const [issuer, suffix] = sender
        ? [sender.name, `${sender.abbr}-${r.pick(sender.units).abbr}`]
        : vocab.outsideIssuer(r);
      const docType = r.pick(INCOMING_TYPES);
      const abbr = TYPE_ABBR[docType];
      const notation = `${r.int(1, 4000)}/${abbr ? `${abbr}-${suffix.split('-')[0]}` : suffix}`;
      const subject = vocab.subject(r, docType === 'official_letter');
      const clerk = r.pick(org.clerks);
      const leader = r.pick(org.leaders);
      const registered = status !== 'received';
      const year = vnYear(t);
      const number = registered ? next(org.incomingRegister!, year) : null;
      const registeredAt = registered ? t + 3_600_000 : null;
      const presented = !['received', 'registered'].includes(status);
      const presentedAt = presented ? t + 2 * 3_600_000 : null;
      const directed = presented && status !== 'presented';
      const directedAt = directed ? Math.min(t + DAY, anchor - 3_600_000) : null;
      const dueDate = directedAt ? vnDate(directedAt + 14 * DAY) : null;
      const unit = directed ? r.pick(org.units) : undefined;
      const leadUser =
        directed && status !== 'assigned' && unit && unit.specialists.length ? r.pick(unit.specialists) : undefined;
      const effective = leadUser || !directed ? status : 'assigned';
      const late = r.chance(0.12);
      const endAt =
        directedAt && (effective === 'completed' || effective === 'closed')
          ? Math.min(
              directedAt + (late ? r.int(15, 40) : r.int(1, 12)) * DAY + r.int(0, 8) * 3_600_000,
              anchor - 60_000,
            )
          : null;
      const lastActivity = endAt ?? (directedAt ? directedAt + 2 * 3_600_000 : (presentedAt ?? registeredAt ?? t));
      docs.push([
        id,
        org.id,
        effective,
        sender ? 'edugov' : r.chance(0.65) ? 'paper' : 'electronic',
        sender?.id ?? null,
        registered ? org.incomingRegister : null,
        registered ? year : null,
        number,
        iso(t),
        registeredAt ? iso(registeredAt) : null,
        registered ? clerk.id : null,
        issuer,
        notation,
        vnDate(t - r.int(0, 3) * DAY),
        docType,
        subject,
        vocab.personName(r),
        sender ? (sender.kind === 'ministry' ? 'Thứ trưởng' : 'Phó Giám đốc') : 'Phó Chủ tịch',
        r.pick(URGENCIES),
        r.int(1, 12),
        presented ? leader.id : null,
        presentedAt ? iso(presentedAt) : null,
        directedAt ? iso(directedAt) : null,
        directed ? leader.id : null,
        directedAt ? iso(directedAt) : null,
        dueDate,
        unit?.id ?? null,
        leadUser?.id ?? null,
        effective === 'completed' && endAt ? iso(endAt) : null,
        effective === 'completed' ? (leadUser?.id ?? null) : null,
        effective === 'closed' && endAt ? iso(endAt) : null,
        effective === 'closed' ? leader.id : null,
        iso(lastActivity),
        iso(t),
        iso(lastActivity),
      ]);

      const ev = (
        at: number,
        actor: Person | null,
        action: string,
        from: string | null,
        to: string | null,
        details: Record<string, unknown> = {},
        note: string | null = null,
      ) =>
        events.push([
          id,
          iso(at),
          actor?.id ?? null,
          actor?.name ?? null,
          action,
          from,
          to,
          note,
          JSON.stringify(details),
        ]);
      if (sender) ev(t, null, 'received', null, 'received', { senderOrganizationId: sender.id });
      if (registered) {
        ev(registeredAt!, clerk, 'registered', sender ? 'received' : null, 'registered', {
          registerId: org.incomingRegister,
          registerName: DEFAULT_REGISTER_NAMES.incoming.ordinary,
          arrivalNumber: number,
          arrivalYear: year,
        });
        audit.push(registeredAt!, clerk, org.id, 'documents.incoming_registered', ['incoming_document', id], {
          after: {
            registerId: org.incomingRegister,
            arrivalYear: year,
            arrivalNumber: number,
            numberNotation: notation,
            issuerName: issuer,
          },
        });
      } else {
        audit.push(t, null, org.id, 'documents.incoming_received', ['incoming_document', id], {
          after: { senderOrganizationId: sender?.id ?? null, numberNotation: notation },
        });
      }
      if (presented) ev(presentedAt!, clerk, 'presented', 'registered', 'presented', { leaderId: leader.id });
      if (directedAt && unit) {
        const open = effective === 'assigned' || effective === 'in_progress';
        const aStatus = open ? 'active' : effective;
        const unitAssignment = benchUuid(KIND.assignment, ++assignmentSeq);
        assignments.push([
          unitAssignment,
          id,
          null,
          'lead',
          unit.id,
          null,
          leader.id,
          iso(directedAt),
          dueDate,
          aStatus,
          endAt ? iso(endAt) : null,
        ]);
        ev(
          directedAt,
          leader,
          'directed',
          'presented',
          leadUser ? 'in_progress' : 'assigned',
          { leadUnitId: unit.id, deadline: dueDate },
          'Giao đơn vị chủ trì xử lý, báo cáo kết quả đúng hạn.',
        );
        if (leadUser) {
          const at = directedAt + 2 * 3_600_000;
          assignments.push([
            benchUuid(KIND.assignment, ++assignmentSeq),
            id,
            unitAssignment,
            'lead',
            unit.id,
            leadUser.id,
            unit.head?.id ?? leader.id,
            iso(at),
            dueDate,
            aStatus,
            endAt ? iso(endAt) : null,
          ]);
          ev(at, unit.head ?? leader, 'assigned', 'assigned', 'in_progress', { leadUserId: leadUser.id });
        }
        if (org.units.length > 1 && r.chance(0.3)) {
          const other = r.pick(org.units.filter((u) => u !== unit));
          assignments.push([
            benchUuid(KIND.assignment, ++assignmentSeq),
            id,
            null,
            'support',
            other.id,
            null,
            leader.id,
            iso(directedAt),
            dueDate,
            aStatus,
            endAt ? iso(endAt) : null,
          ]);
        }
        if (org.units.length > 1 && r.chance(0.2)) {
          const other = r.pick(org.units.filter((u) => u !== unit));
          assignments.push([
            benchUuid(KIND.assignment, ++assignmentSeq),
            id,
            null,
            'info',
            other.id,
            null,
            leader.id,
            iso(directedAt),
            null,
            open ? 'active' : effective,
            null,
          ]);
        }
        if (endAt && effective === 'completed') {
          ev(endAt, leadUser ?? leader, 'completed', 'in_progress', 'completed', {}, 'Đã xử lý xong, lưu hồ sơ.');
          if (leadUser) reads.push([id, leadUser.id, iso(endAt)]);
        } else if (endAt) {
          ev(endAt, leader, 'closed', 'in_progress', 'closed', {}, 'Không cần xử lý thêm.');
        }
      }
      await flushIncoming();
    }
  }
  await flushIncoming(true);
  log(`incoming documents: ${docs.inserted}, assignments: ${assignments.inserted}, trail rows: ${events.inserted}`);

  // ── Outgoing documents ────────────────────────────────────────────────────────────────────────────
  const out = new RowBuffer(q, 'outgoing_documents', [
    { name: 'id', type: 'uuid' },
    { name: 'organization_id', type: 'uuid' },
    { name: 'drafting_unit_id', type: 'uuid' },
    { name: 'created_by', type: 'uuid' },
    { name: 'status', type: 'text' },
    { name: 'doc_type', type: 'text' },
    { name: 'subject', type: 'text' },
    { name: 'body', type: 'text' },
    { name: 'signer_user_id', type: 'uuid' },
    { name: 'signer_position_title', type: 'text' },
    { name: 'authority_prefix', type: 'text' },
    { name: 'recipients', type: 'jsonb' },
    { name: 'urgency', type: 'text' },
    { name: 'issued_number_id', type: 'uuid' },
    { name: 'submitted_at', type: 'timestamptz' },
    { name: 'decided_at', type: 'timestamptz' },
    { name: 'decided_by', type: 'uuid' },
    { name: 'full_number', type: 'text' },
    { name: 'issued_at', type: 'timestamptz' },
    { name: 'issued_by', type: 'uuid' },
    { name: 'last_activity_at', type: 'timestamptz' },
    { name: 'created_at', type: 'timestamptz' },
    { name: 'updated_at', type: 'timestamptz' },
  ]);
  const numbers = new RowBuffer(q, 'issued_numbers', [
    { name: 'id', type: 'uuid' },
    { name: 'organization_id', type: 'uuid' },
    { name: 'register_id', type: 'uuid' },
    { name: 'confidential', type: 'boolean' },
    { name: 'year', type: 'int' },
    { name: 'number', type: 'int' },
    { name: 'notation', type: 'text' },
    { name: 'full_number', type: 'text' },
    { name: 'doc_type', type: 'text' },
    { name: 'drafting_unit_id', type: 'uuid' },
    { name: 'issued_at', type: 'timestamptz' },
    { name: 'issued_by', type: 'uuid' },
    { name: 'document_id', type: 'uuid' },
  ]);
  const revisions = new RowBuffer(q, 'outgoing_revisions', [
    { name: 'id', type: 'uuid' },
    { name: 'document_id', type: 'uuid' },
    { name: 'revision', type: 'int' },
    { name: 'content', type: 'jsonb' },
    { name: 'created_by', type: 'uuid' },
    { name: 'created_at', type: 'timestamptz' },
  ]);
  const outEvents = new RowBuffer(q, 'outgoing_events', [
    { name: 'document_id', type: 'uuid' },
    { name: 'occurred_at', type: 'timestamptz' },
    { name: 'actor_user_id', type: 'uuid' },
    { name: 'actor_name', type: 'text' },
    { name: 'action', type: 'text' },
    { name: 'from_status', type: 'text' },
    { name: 'to_status', type: 'text' },
    { name: 'details', type: 'jsonb' },
  ]);
  const dispatches = new RowBuffer(q, 'outgoing_dispatches', [
    { name: 'id', type: 'uuid' },
    { name: 'outgoing_id', type: 'uuid' },
    { name: 'recipient_organization_id', type: 'uuid' },
    { name: 'recipient_name', type: 'text' },
    { name: 'channel', type: 'text' },
    { name: 'status', type: 'text' },
    { name: 'status_at', type: 'timestamptz' },
    { name: 'created_at', type: 'timestamptz' },
  ]);
  const flushOutgoing = async (force = false) => {
    if (!force && !out.full()) return;
    await out.flush();
    await numbers.flush();
    await revisions.flush();
    await outEvents.flush();
    await dispatches.flush();
    await auditBuffer.flush();
  };
  let outSeq = 0;
  let dispatchSeq = 0;
  const recipientsOf = (org: Org): Org[] => {
    if (org.kind === 'ministry') return r.sample(departments, r.int(1, 5));
    if (org.kind === 'provincial_department')
      return r.chance(0.5) ? [ministry] : r.sample(org.children, Math.min(org.children.length, r.int(1, 3)));
    return [byId.get(org.parentId!) ?? ministry];
  };
  const addOutgoing = (
    org: Org,
    t: number,
    status: 'issued' | 'draft' | 'approved',
    fixed?: { recipients: Org[]; unit: Unit },
  ) => {
    const id = benchUuid(KIND.outgoing, ++outSeq);
    const unit = fixed?.unit ?? r.pick(org.units);
    const author = unit.specialists.length ? r.pick(unit.specialists) : (unit.head ?? org.leaders[0]!);
    const leader = org.leaders[0]!;
    const docType = fixed ? 'official_letter' : r.pick(OUTGOING_TYPES);
    const subject = vocab.subject(r, docType === 'official_letter');
    const text = vocab.body(r, subject);
    const internal = fixed?.recipients ?? recipientsOf(org);
    const external = !fixed && r.chance(0.3) ? [`Ủy ban nhân dân tỉnh ${r.pick(vocab.PLACES)}`] : [];
    const recipients = { internal: internal.map((o) => o.id), external };
    const position =
      org.kind === 'ministry'
        ? 'Thứ trưởng'
        : org.kind === 'provincial_department'
          ? 'Phó Giám đốc'
          : 'Phó Hiệu trưởng';
    const urgency = r.pick(URGENCIES);
    const createdAt = t - 2 * DAY;
    let numberId: string | null = null;
    let fullNumber: string | null = null;
    if (status === 'issued') {
      const year = vnYear(t);
      const n = next(org.outgoingRegister!, year);
      const abbr = TYPE_ABBR[docType];
      const notation = abbr ? `${abbr}-${org.abbr}` : `${org.abbr}-${unit.abbr}`;
      fullNumber = `${n < 10 ? '0' : ''}${n}/${notation}`;
      numberId = benchUuid(KIND.issuedNumber, outSeq);
      numbers.push([
        numberId,
        org.id,
        org.outgoingRegister,
        false,
        year,
        n,
        notation,
        fullNumber,
        docType,
        unit.id,
        iso(t),
        org.clerks[0]!.id,
        id,
      ]);
    }
    const decided = status !== 'draft';
    out.push([
      id,
      org.id,
      unit.id,
      author.id,
      status,
      docType,
      subject,
      text,
      leader.id,
      position,
      org.kind === 'ministry' ? 'KT' : null,
      JSON.stringify(recipients),
      urgency,
      numberId,
      decided ? iso(t - DAY) : null,
      decided ? iso(t - DAY / 2) : null,
      decided ? leader.id : null,
      fullNumber,
      status === 'issued' ? iso(t) : null,
      status === 'issued' ? org.clerks[0]!.id : null,
      iso(decided ? t : createdAt),
      iso(createdAt),
      iso(t),
    ]);
    const content = {
      docType,
      subject,
      body: text,
      signerUserId: leader.id,
      signerPositionTitle: position,
      authorityPrefix: org.kind === 'ministry' ? 'KT' : null,
      recipients,
      urgency,
      confidentiality: 'normal',
      replyDueDate: null,
      answersIncomingId: null,
    };
    revisions.push([benchUuid(KIND.revision, outSeq), id, 1, JSON.stringify(content), author.id, iso(createdAt)]);
    outEvents.push([id, iso(createdAt), author.id, author.name, 'drafted', null, 'draft', '{}']);
    if (decided)
      outEvents.push([id, iso(t - DAY / 2), leader.id, leader.name, 'approve', 'in_review', 'approved', '{}']);
    if (status === 'issued') {
      const clerk = org.clerks[0]!;
      outEvents.push([
        id,
        iso(t),
        clerk.id,
        clerk.name,
        'issued',
        'approved',
        'issued',
        JSON.stringify({ fullNumber }),
      ]);
      const recent = (anchor - t) / DAY < 7;
      for (const o of internal) {
        dispatches.push([
          benchUuid(KIND.dispatch, ++dispatchSeq),
          id,
          o.id,
          o.name,
          'edugov',
          recent ? '03' : '06',
          iso(t + DAY),
          iso(t),
        ]);
      }
      for (const name of external) {
        dispatches.push([
          benchUuid(KIND.dispatch, ++dispatchSeq),
          id,
          null,
          name,
          'external',
          'queued',
          iso(t),
          iso(t),
        ]);
      }
      audit.push(t, clerk, org.id, 'documents.outgoing_issued', ['outgoing_document', id], {
        before: { status: 'approved' },
        after: { status: 'issued', fullNumber, fileId: null, recipients: internal.length + external.length },
      });
    } else {
      audit.push(createdAt, author, org.id, 'documents.outgoing_drafted', ['outgoing_document', id], {
        after: { docType, subject },
      });
    }
    return id;
  };
  const perOrgOutgoing = allocate(outgoingCount);
  for (const [oi, org] of orgs.entries()) {
    for (const t of times(perOrgOutgoing[oi]!)) {
      addOutgoing(org, t, (anchor - t) / DAY < 14 && r.chance(0.2) ? 'draft' : 'issued');
      await flushOutgoing();
    }
  }
  // Approved drafts of the Ministry for the "issue" scenario: a công văn from the Office to 5 departments.
  const office = ministry.units.find((u) => u.abbr === 'VP') ?? ministry.units[0]!;
  for (let i = 0; i < options.issuePool; i++) {
    addOutgoing(ministry, anchor - 3_600_000, 'approved', { recipients: departments.slice(0, 5), unit: office });
  }
  await flushOutgoing(true);
  log(`outgoing documents: ${out.inserted} (issue pool ${options.issuePool}), dispatches: ${dispatches.inserted}`);

  // ── Counters (the app continues each series after the generated numbers) and the audit head ────────
  const counterRows = [...counters.entries()].map(([key, n]) => {
    const [register, year] = key.split('|');
    return [register, Number(year), '', n];
  });
  for (let i = 0; i < counterRows.length; i += 5000) {
    await insertRows(
      q,
      'register_counters',
      [
        { name: 'register_id', type: 'uuid' },
        { name: 'year', type: 'int' },
        { name: 'series', type: 'text' },
        { name: 'last_number', type: 'int' },
      ],
      counterRows.slice(i, i + 5000),
      'ON CONFLICT (register_id, year, series) DO UPDATE SET last_number = GREATEST(register_counters.last_number, EXCLUDED.last_number)',
    );
  }
  const result = {
    organizations: orgs.length,
    users: users.inserted,
    incoming: docs.inserted,
    outgoing: out.inserted,
    assignments: assignments.inserted,
    trail: events.inserted + outEvents.inserted,
    audit: audit.seq - initialSeq + 1,
    documents: options.documents,
    seed: options.seed,
    issuePool: options.issuePool,
  };
  audit.push(Date.now(), null, null, 'bench.dataset_generated', ['bench_dataset', null], result);
  await auditBuffer.flush();
  const moved = await q(
    `UPDATE audit_chain SET last_seq = $1, last_hash = $2 WHERE id = 1 AND last_seq = $3 RETURNING id`,
    [audit.seq, audit.prev, initialSeq],
  );
  if (moved.rows.length !== 1)
    throw new Error('The audit chain moved while generating (was a server running on this database?)');
  log(`audit rows: ${result.audit} (chain head at ${audit.seq})`);
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string' },
      pglite: { type: 'string' },
      seed: { type: 'string', default: '20261127' },
      'issue-pool': { type: 'string' },
    },
  });
  const databaseUrl = values.pglite ? undefined : process.env.DATABASE_URL;
  if (!values.pglite && !databaseUrl) throw new Error('Set DATABASE_URL (PostgreSQL) or pass --pglite <dir>');
  const sizeName = values.size ?? (values.pglite ? 'pglite' : 'quick');
  const documents = SIZES[sizeName] ?? Number(sizeName);
  if (!Number.isInteger(documents) || documents < 1000)
    throw new Error(`--size must be quick, full, pglite or a number ≥ 1000`);
  const seed = Number(values.seed);
  const issuePool = values['issue-pool'] ? Number(values['issue-pool']) : documents >= 500_000 ? 400 : 150;
  const result = await generate(
    { engine: values.pglite ? 'pglite' : 'postgresql', databaseUrl, dataDir: values.pglite ?? '' },
    { documents, seed, issuePool },
  );
  if (!result.skipped)
    process.stdout.write(`done in ${result.seconds.toFixed(1)} s: ${JSON.stringify(result.counts)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
