/**
 * [SECURITY] Isolation matrix (ASVS V4). Generated from the OpenAPI document the app serves: for every route
 * with a path parameter, a real record owned by Sở GD&ĐT Hà Nội / Phòng GDPT is created by the factory
 * registered for the parameter's kind, then the route is called by an official of another organisation, an
 * official of another unit of the same organisation, a member of the organisation without roles, and
 * anonymously. Each must get 401/403/404 whose body holds none of the record's identifying data, and the
 * database must be unchanged. A route whose parameter kind is not registered fails the suite, so a new
 * module's routes must be registered here before they can land.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerIncoming, uploadPdf } from '../../modules/documents/incoming/incoming.fixtures.ts';
import { writeDraft } from '../../modules/documents/outgoing/drafts/drafts.fixtures.ts';
import { createPerson, unitId } from '../factories.ts';
import { createTestApp, type Client, type TestApp } from '../test-app.ts';
import {
  apiRoutes,
  changedTables,
  exampleOf,
  exampleQuery,
  fillPath,
  satisfies,
  tableChecksums,
  type ApiRoute,
  report,
} from './security-kit.ts';

type ActorKind = 'otherOrg' | 'otherOrgAdmin' | 'otherUnit' | 'noRole' | 'anonymous';
const ACTOR_KINDS: ActorKind[] = ['otherOrg', 'otherOrgAdmin', 'otherUnit', 'noRole', 'anonymous'];

interface Record_ {
  /** Values for every path parameter of the routes of this kind. */
  readonly params: Record<string, string>;
  /** Identifying data that must never appear in a refused response. */
  readonly secrets: string[];
}

interface Kind {
  /** Creates the record owned by Sở GD&ĐT Hà Nội (unit Phòng GDPT, where a unit applies). */
  create(): Promise<Record_>;
  /**
   * Reads that are open by design to some of the matrix's actors, with the reason (directory data, the
   * national calendar). Only listed actors on GET routes are exempt; every mutation stays forbidden.
   */
  readonly openReads?: { readonly actors: ActorKind[]; readonly why: string };
  /**
   * The parameter does not name someone's record but selects among the caller's own (their signature image,
   * their organisation's seal): only anonymous callers are checked, with the reason.
   */
  readonly callerScoped?: string;
  /** Request bodies where the schema's minimal example is not enough (keyed `METHOD path`). */
  readonly bodies?: Record<string, unknown>;
  /** Query strings where the example of the required parameters is not enough (keyed `METHOD path`). */
  readonly queries?: Record<string, string>;
}

let t: TestApp;
let hnClerk: Client;
let hnSpecialist: Client;
let hnLeader: Client;
let hnAdmin: Client;
let sysAdmin: Client;
const actors = new Map<ActorKind, Client | undefined>();

const secret = (label: string) => `${label} BM${randomBytes(4).toString('hex').toUpperCase()}`;

/**
 * Parameter kinds: the path segment before the route's first parameter and the parameter's name. Each
 * factory gives values for every parameter of the routes of its kind.
 */
const KINDS: Record<string, Kind> = {
  'organizations/{id}': {
    async create() {
      return { params: { id: hnClerk.me.organizationId }, secrets: [] };
    },
    openReads: {
      actors: ['otherOrg', 'otherOrgAdmin', 'otherUnit', 'noRole'],
      why: 'the directory of organisations, their units and positions is open to every signed-in official',
    },
  },
  'units/{id}': {
    async create() {
      return { params: { id: await unitId(t.db, 'so-ha-noi-gdpt') }, secrets: [] };
    },
  },
  'users/{id}': {
    async create() {
      const fullName = secret('Nguyễn Thị');
      const username = `bm.${randomBytes(3).toString('hex')}`;
      const id = await createPerson(t.db, {
        username,
        fullName,
        org: 'so-ha-noi',
        unit: 'so-ha-noi-gdpt',
        roles: ['specialist'],
      });
      return { params: { id }, secrets: [fullName, `${username}@test.edugov.vn`] };
    },
  },
  'memberships/{id}': {
    async create() {
      const fullName = secret('Trần Văn');
      const userId = await createPerson(t.db, {
        username: `bm.${randomBytes(3).toString('hex')}`,
        fullName,
        org: 'so-ha-noi',
        unit: 'so-ha-noi-gdpt',
        roles: ['specialist'],
      });
      const m = await t.db
        .selectFrom('memberships')
        .select('id')
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();
      return { params: { id: m.id }, secrets: [fullName] };
    },
  },
  'delegations/{id}': {
    async create() {
      const reason = secret('Ủy quyền đi công tác');
      const head = await t.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'hn.truongphong')
        .executeTakeFirstOrThrow();
      const res = await hnLeader.post('/api/v1/delegations', {
        toUserId: head.id,
        roles: ['leader'],
        validFrom: '2026-01-01',
        validTo: '2099-12-31',
        reason,
      });
      if (res.statusCode !== 201) throw new Error(`delegation: ${res.statusCode} ${res.body}`);
      return { params: { id: res.json().id }, secrets: [reason] };
    },
  },
  'overrides/{id}': {
    async create() {
      const name = secret('Nghỉ bù');
      const res = await sysAdmin.post('/api/v1/calendar/overrides', { date: '2031-03-03', kind: 'day_off', name });
      if (res.statusCode !== 201) throw new Error(`override: ${res.statusCode} ${res.body}`);
      return { params: { id: res.json().id }, secrets: [name] };
    },
  },
  'years/{year}': {
    async create() {
      return { params: { year: '2031' }, secrets: [] };
    },
  },
  'jobs/{name}': {
    async create() {
      return { params: { name: 'documents.send_deadline_reminders', id: randomUUID() }, secrets: [] };
    },
  },
  'notifications/{id}': {
    async create() {
      const title = secret('Văn bản đến mới');
      const row = await t.db
        .insertInto('notifications')
        .values({
          user_id: hnSpecialist.me.user.id,
          organization_id: hnSpecialist.me.organizationId,
          kind: 'incoming.assigned',
          title_vi: title,
          title_en: title,
          body_vi: null,
          body_en: null,
          link: '/e-office/incoming',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { params: { id: row.id }, secrets: [title] };
    },
  },
  'files/{id}': {
    async create() {
      const name = secret('Tờ trình nhân sự');
      const id = await uploadPdf(hnSpecialist, `${name}.pdf`);
      return { params: { id }, secrets: [name] };
    },
  },
  'registers/{id}': {
    async create() {
      const { id, name } = await outgoingRegister();
      return { params: { id }, secrets: [name] };
    },
    queries: { 'GET /api/v1/registers/{id}/book': '?from=2026-01-01&to=2026-12-31' },
  },
  'issued-numbers/{id}': {
    async create() {
      const register = await outgoingRegister();
      const subject = secret('Quyết định khen thưởng');
      const res = await hnClerk.post(`/api/v1/registers/${register.id}/issue-number`, {
        docType: 'decision',
        confidentiality: 'normal',
        subject,
      });
      if (res.statusCode !== 201) throw new Error(`issue-number: ${res.statusCode} ${res.body}`);
      return { params: { id: res.json().id }, secrets: [subject, res.json().fullNumber] };
    },
  },
  'incoming-documents/{id}': {
    async create() {
      const subject = secret('Kế hoạch thanh tra');
      const numberNotation = `${randomBytes(2).readUInt16BE()}/BM-${randomBytes(3).toString('hex').toUpperCase()}`;
      const signerName = secret('Lê Văn');
      const doc = await registerIncoming(hnClerk, { subject, numberNotation, signerName });
      return {
        params: { id: doc.id, fileId: doc.files[0].fileId },
        secrets: [subject, numberNotation, signerName, doc.files[0].name],
      };
    },
  },
  'document-copies/{id}': {
    async create() {
      const subject = secret('Quyết định điều động');
      const doc = await registerIncoming(hnClerk, { subject });
      const res = await hnClerk.post('/api/v1/document-copies', {
        source: { type: 'incoming', id: doc.id },
        form: 'SY',
        medium: 'paper',
        signerUserId: hnLeader.me.user.id,
        recipients: ['Phòng Giáo dục Phổ thông'],
      });
      if (res.statusCode !== 201) throw new Error(`copy: ${res.statusCode} ${res.body}`);
      return { params: { id: res.json().id }, secrets: [subject] };
    },
  },
  'trust-roots/{id}': {
    async create() {
      const name = secret('Gốc tin cậy kiểm thử');
      const row = await t.db
        .insertInto('signature_trust_roots')
        .values({
          name,
          certificate: Buffer.from('not a real certificate'),
          fingerprint: randomBytes(32).toString('hex'),
          subject: `CN=${name}`,
          not_after: new Date('2099-12-31T00:00:00Z'),
          source: 'admin',
          sealed_key: null,
          added_by: sysAdmin.me.user.id,
          removed_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { params: { id: row.id }, secrets: [name] };
    },
  },
  'images/{kind}': {
    async create() {
      return { params: { kind: 'seal' }, secrets: [] };
    },
    callerScoped: "the caller's own signature image or their organisation's seal, never another's",
  },
  'approval-templates/{id}': {
    async create() {
      const name = secret('Quy trình duyệt nội bộ');
      const res = await hnAdmin.post('/api/v1/approval-templates', {
        name,
        steps: [{ name: 'Lãnh đạo duyệt', kind: 'approve', reviewers: [{ role: 'leader' }] }],
      });
      if (res.statusCode !== 201) throw new Error(`approval template: ${res.statusCode} ${res.body}`);
      return { params: { id: res.json().id }, secrets: [name] };
    },
  },
  'messages/{direction}': {
    async create() {
      return { params: { direction: 'out', id: await hanoiOutboxRow() }, secrets: [outboxSecret] };
    },
  },
  'outbox/{id}': {
    async create() {
      return { params: { id: await hanoiOutboxRow() }, secrets: [outboxSecret] };
    },
  },
  'outgoing-documents/{id}': {
    async create() {
      const subject = secret('V/v rà soát đội ngũ');
      const fileName = secret('Dự thảo');
      const fileId = await uploadPdf(hnSpecialist, `${fileName}.pdf`);
      const draft = await writeDraft(hnSpecialist, { subject, draftFileIds: [fileId] });
      return { params: { id: draft.id, fileId }, secrets: [subject, fileName] };
    },
  },
};

/** Hà Nội's outgoing book (one per organisation may be open, so it is created once). */
let register: Promise<{ id: string; name: string }> | undefined;
function outgoingRegister() {
  register ??= (async () => {
    const name = secret('Sổ văn bản đi');
    const res = await hnClerk.post('/api/v1/registers', { direction: 'outgoing', name, confidential: false });
    if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
    return { id: res.json().id as string, name };
  })();
  return register;
}

/** A dead letter of Sở Hà Nội in the exchange outbox, whose XML carries a secret (the console shows raw XML). */
const outboxSecret = secret('Gói tin liên thông');
let outboxRow: Promise<string> | undefined;
function hanoiOutboxRow(): Promise<string> {
  outboxRow ??= (async () => {
    const xml = Buffer.from(
      `<edXML:edXMLEnvelope><edXML:Subject>${outboxSecret}</edXML:Subject></edXML:edXMLEnvelope>`,
    );
    const row = await t.db
      .insertInto('exchange_outbox')
      .values({
        organization_id: hnClerk.me.organizationId,
        type: 'edoc',
        from_code: 'H26.30',
        to_codes: ['000.00.00.G03'],
        xml,
        sha256: createHash('sha256').update(xml).digest('hex'),
        document_id: `H26.30,2026/11/27,${outboxSecret}`,
        status_code: null,
        outgoing_id: null,
        incoming_id: null,
        status: 'dead',
        last_error: outboxSecret,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  })();
  return outboxRow;
}

/** The kind of a route: the segment before its first parameter and that parameter. */
function kindOf(route: ApiRoute): string {
  const m = /\/([^/{}]+)\/\{([^}]+)\}/.exec(route.path);
  return m ? `${m[1]}/{${m[2]}}` : route.path;
}

beforeAll(async () => {
  t = await createTestApp({ config: { logLevel: 'error' } as never });
  [hnClerk, hnSpecialist, hnLeader, hnAdmin, sysAdmin] = await Promise.all([
    t.login('hn.vanthu'),
    t.login('hn.chuyenvien'),
    t.login('hn.lanhdao'),
    t.login('hn.quantri'),
    t.login('admin'),
  ]);
  await createPerson(t.db, {
    username: 'hn.khtc.truongphong',
    fullName: 'Trưởng phòng Kế hoạch - Tài chính',
    org: 'so-ha-noi',
    unit: 'so-ha-noi-khtc',
    roles: ['unit_head', 'specialist'],
  });
  await createPerson(t.db, {
    username: 'hn.gdpt.thanhvien',
    fullName: 'Thành viên không có vai trò',
    org: 'so-ha-noi',
    unit: 'so-ha-noi-gdpt',
    roles: [],
  });
  actors.set('otherOrg', await t.login('na.vanthu'));
  actors.set('otherOrgAdmin', await t.login('bgd.quantri'));
  actors.set('otherUnit', await t.login('hn.khtc.truongphong'));
  actors.set('noRole', await t.login('hn.gdpt.thanhvien'));
  actors.set('anonymous', undefined);
}, 240_000);
afterAll(() => t.close());

describe('isolation matrix generated from the OpenAPI document', () => {
  it('registers every kind of path parameter of every route', () => {
    const routes = apiRoutes(t.app).filter((r) => r.params.length > 0);
    expect(routes.length).toBeGreaterThan(40);
    const unknown = routes.filter((r) => !KINDS[kindOf(r)]).map((r) => `${r.method} ${r.path} (${kindOf(r)})`);
    expect(unknown, 'routes whose path parameter kind has no factory in isolation.test.ts').toEqual([]);
  });

  it('refuses every route to other organisations, other units, members without roles and anonymous callers, leaking nothing', async () => {
    const routes = apiRoutes(t.app).filter((r) => r.params.length > 0 && KINDS[kindOf(r)]);
    // One record per kind (created before the snapshot), then every refused call must leave the database alone.
    const records = new Map<string, Record_>();
    for (const kind of new Set(routes.map(kindOf))) records.set(kind, await KINDS[kind]!.create());
    const before = await tableChecksums(t.db);

    let attempts = 0;
    let exempt = 0;
    const leaks: string[] = [];
    const wrongStatus: string[] = [];
    for (const route of routes) {
      const kind = KINDS[kindOf(route)]!;
      const record = records.get(kindOf(route))!;
      const missing = route.params.filter((p) => record.params[p] === undefined);
      expect(missing, `${route.method} ${route.path}: the factory of ${kindOf(route)} gives no value`).toEqual([]);
      const url =
        fillPath(route.path, record.params) + (kind.queries?.[`${route.method} ${route.path}`] ?? exampleQuery(route));
      let payload: string | undefined;
      if (route.jsonBody) {
        const body = kind.bodies?.[`${route.method} ${route.path}`] ?? exampleOf(route.jsonBody);
        expect(
          satisfies(route.jsonBody, body),
          `${route.method} ${route.path}: invalid example ${JSON.stringify(body)}`,
        ).toBe(true);
        payload = JSON.stringify(body);
      } else if (route.multipart) {
        throw new Error(`${route.method} ${route.path}: multipart routes with a record id need a body here`);
      }
      for (const actorKind of ACTOR_KINDS) {
        if (
          (route.method === 'GET' && kind.openReads?.actors.includes(actorKind)) ||
          (kind.callerScoped && actorKind !== 'anonymous')
        ) {
          exempt++;
          continue;
        }
        const actor = actors.get(actorKind);
        attempts++;
        const res = await t.app.inject({
          method: route.method,
          url,
          headers: {
            ...(actor ? { cookie: actor.cookie, 'x-csrf-token': actor.csrfToken } : {}),
            ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(payload !== undefined ? { payload } : {}),
        });
        const label = `${actorKind} ${route.method} ${url} → ${res.statusCode}`;
        const expected = actorKind === 'anonymous' ? [401] : [401, 403, 404];
        const found = record.secrets.filter((s) => res.body.includes(s));
        if ((res.statusCode >= 200 && res.statusCode < 300) || found.length > 0) {
          leaks.push(`${label} ${found.join(', ')}`);
        } else if (!expected.includes(res.statusCode)) {
          wrongStatus.push(`${label} ${res.body.slice(0, 200)}`);
        }
      }
    }
    const after = await tableChecksums(t.db);
    report(
      `isolation matrix: ${routes.length} routes, ${records.size} record kinds, ${attempts} attempts, ` +
        `${leaks.length} leaks, ${wrongStatus.length} unexpected statuses, ${exempt} open directory or caller-scoped calls skipped`,
    );
    expect(leaks).toEqual([]);
    expect(wrongStatus).toEqual([]);
    expect(changedTables(before, after)).toEqual([]);
  }, 600_000);
});
