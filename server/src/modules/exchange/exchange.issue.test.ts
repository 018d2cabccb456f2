/**
 * [EXCHANGE — SENDER] The axis directory becomes external organisations users pick by name; a Công văn of
 * Bộ GD&ĐT to one of them leaves as one signed edXML package in the outbox (no local copy), next to the
 * copy a Sở on EduGov gets in the same issue; a classified document is refused for axis recipients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type Client, type TestApp } from '../../test/test-app.ts';
import { readFileBytes } from '../files/index.ts';
import { findPolledOrganizationCodes } from '../org/index.ts';
import { DEMO_SIGNING_PIN, ensureDemoSigningMaterial, trustAnchors } from '../signatures/index.ts';
import { parseEdxml, verifyEdxmlSignature, type EdxmlPackage } from './edxml/index.ts';
import { setAxisConnectorFactory, type AxisConnectorFactory } from './exchange.connector.ts';
import { MemoryAxis } from './exchange.fixtures.ts';

const VPCP = { code: '000.00.00.X01', name: 'Văn phòng Chính phủ', parentCode: null };
const CUC = { code: '000.01.00.X01', name: 'Cục Kiểm soát thủ tục hành chính', parentCode: VPCP.code };

let t: TestApp;
let admin: Client, specialist: Client, head: Client, clerk: Client, leader: Client;
let soHaNoi: string, ministryCode: string;
const axis = new MemoryAxis();
let previousFactory: AxisConnectorFactory;

beforeAll(async () => {
  t = await createTestApp();
  previousFactory = setAxisConnectorFactory(() => axis);
  [admin, specialist, head, clerk, leader] = (await Promise.all(
    ['admin', 'bgd.chuyenvien', 'bgd.truongvu', 'bgd.vanthu', 'bgd.lanhdao'].map((u) => t.login(u)),
  )) as [Client, Client, Client, Client, Client];
  soHaNoi = await organizationId(t.db, 'so-ha-noi');
  ministryCode = (await orgRow(clerk.me.organizationId)).identifier;
  // The demo PKI: the Ministry signs what it issues (leader at approval, organisation at issue).
  await ensureDemoSigningMaterial({ db: t.db, config: t.config });
}, 180_000);
afterAll(async () => {
  setAxisConnectorFactory(previousFactory);
  await t?.close();
});

const organizationId = async (db: TestApp['db'], seedKey: string) =>
  (await db.selectFrom('organizations').select('id').where('seed_key', '=', seedKey).executeTakeFirstOrThrow()).id;

/** Takes an outgoing step that must succeed (the documents module's fixtures are behind its door). */
async function takeStep(client: Client, id: string, step: string, body: unknown = {}) {
  const res = await client.post(`/api/v1/outgoing-documents/${id}/${step}`, body);
  if (res.statusCode !== 200) throw new Error(`${step}: ${res.statusCode} ${res.body}`);
  return res.json();
}

const orgRow = (id: string) =>
  t.db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const orgByCode = (code: string) =>
  t.db.selectFrom('organizations').selectAll().where('identifier', '=', code).executeTakeFirst();
const sync = () => admin.post('/api/v1/exchange/agencies/sync');

describe('[DIRECTORY] the axis directory in the organisation registry', () => {
  it('only a system administrator may sync; nothing changes otherwise', async () => {
    axis.agencies = [VPCP];
    const res = await clerk.post('/api/v1/exchange/agencies/sync');
    expect(res.statusCode).toBe(403);
    expect(await orgByCode(VPCP.code)).toBeUndefined();
  });

  it('new agencies become external organisations reached through the axis; ours are never changed', async () => {
    const ministry = await orgByCode(ministryCode);
    axis.agencies = [
      CUC, // before its parent: parents are set once every code is known
      VPCP,
      { code: ministryCode, name: 'Bộ Giáo dục (tên trên trục)', parentCode: VPCP.code },
      { code: 'not-a-code', name: 'Sai mã', parentCode: null },
    ];
    const res = await sync();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ listed: 4, inserted: 2, updated: 0, unchanged: 1, skipped: 1 });
    const vpcp = (await orgByCode(VPCP.code))!;
    expect(vpcp).toMatchObject({ name: VPCP.name, kind: 'external', via_axis: true, identifier_verified: true });
    expect((await orgByCode(CUC.code))!.parent_id).toBe(vpcp.id);
    expect(await orgByCode(ministryCode)).toMatchObject({
      name: ministry!.name,
      kind: ministry!.kind,
      via_axis: false,
      parent_id: ministry!.parent_id,
      version: ministry!.version,
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'exchange.agencies_synced')
      .execute();
    expect(audit.at(-1)!.summary).toMatchObject({ inserted: 2, skipped: 1 });
  });

  it('is idempotent, and follows a renamed agency', async () => {
    expect((await sync()).json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    axis.agencies = [{ ...VPCP, name: 'Văn phòng Chính phủ nước CHXHCN Việt Nam' }, CUC];
    expect((await sync()).json()).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect((await orgByCode(VPCP.code))!.name).toBe('Văn phòng Chính phủ nước CHXHCN Việt Nam');
    const external = await t.db
      .selectFrom('organizations')
      .select('identifier')
      .where('kind', '=', 'external')
      .execute();
    expect(external.map((o) => o.identifier).sort()).toEqual([VPCP.code, CUC.code].sort());
  });

  it('the directory leaves external organisations out unless asked; the picker finds them without diacritics', async () => {
    const plain = (await clerk.get('/api/v1/organizations?q=van%20phong%20chinh%20phu')).json();
    expect(plain.items).toHaveLength(0);
    const picker = (await clerk.get('/api/v1/organizations?q=van%20phong%20chinh%20phu&includeExternal=true')).json();
    expect(picker.items.map((o: { identifier: string }) => o.identifier)).toEqual([VPCP.code]);
    expect(picker.items[0]).toMatchObject({ kind: 'external', viaAxis: true });
  });

  it('the polled codes are those of hosted organisations, never one reached through the axis', async () => {
    const hanoi = await orgRow(soHaNoi);
    const before = await findPolledOrganizationCodes(t.db);
    expect(before).toContain(hanoi.identifier);
    expect(before).not.toContain(VPCP.code);
    await t.db.updateTable('organizations').set({ via_axis: true }).where('id', '=', soHaNoi).execute();
    expect(await findPolledOrganizationCodes(t.db)).not.toContain(hanoi.identifier);
    await t.db.updateTable('organizations').set({ via_axis: false }).where('id', '=', soHaNoi).execute();
  });
});

describe('[DIRECTORY] a system administrator marks an organisation as reached through the axis', () => {
  it('requires a system administrator, the current version, and an organisation nobody works in here', async () => {
    const other = await t.db
      .selectFrom('organizations')
      .selectAll()
      .where('kind', '=', 'provincial_department')
      .where('valid_to', 'is', null)
      .where('id', '<>', soHaNoi)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('memberships').select('id').whereRef('memberships.organization_id', '=', 'organizations.id'),
          ),
        ),
      )
      .orderBy('identifier')
      .executeTakeFirstOrThrow();
    const url = `/api/v1/organizations/${other.id}/via-axis`;
    expect((await clerk.patch(url, { version: other.version, viaAxis: true })).statusCode).toBe(403);
    const ok = await admin.patch(url, { version: other.version, viaAxis: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ viaAxis: true, version: other.version + 1 });
    const stale = await admin.patch(url, { version: other.version, viaAxis: false });
    expect(stale.statusCode).toBe(409);
    expect((await orgRow(other.id)).via_axis).toBe(true);
    const hanoi = await orgRow(soHaNoi);
    const hosted = await admin.patch(`/api/v1/organizations/${soHaNoi}/via-axis`, {
      version: hanoi.version,
      viaAxis: true,
    });
    expect(hosted.statusCode).toBe(409);
    expect(hosted.json().error.code).toBe('org.hosted_here');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('target_id')
      .where('action', '=', 'org.organization_via_axis_set')
      .execute();
    expect(audit.map((a) => a.target_id)).toEqual([other.id]);
  });
});

/** A Công văn to `internal`, approved with the leader's PIN. */
async function approvedLetter(internal: string[], overrides: Record<string, unknown> = {}) {
  const created = await specialist.post('/api/v1/outgoing-documents', {
    docType: 'official_letter',
    subject: 'V/v phối hợp triển khai chuyển đổi số trong giáo dục',
    body: 'Kính gửi: Văn phòng Chính phủ\nBộ Giáo dục và Đào tạo đề nghị phối hợp như sau.',
    urgency: 'normal',
    confidentiality: 'normal',
    recipients: { internal, external: [] },
    signerUserId: leader.me.user.id,
    signerPositionTitle: 'Thứ trưởng',
    authorityPrefix: 'KT',
    ...overrides,
  });
  expect(created.statusCode, created.body).toBe(201);
  const draft = created.json();
  await takeStep(specialist, draft.id, 'submit', {});
  await takeStep(head, draft.id, 'approve', {});
  await takeStep(clerk, draft.id, 'approve', {});
  await takeStep(leader, draft.id, 'approve', { pin: DEMO_SIGNING_PIN });
  return draft.id as string;
}

const outboxOf = (outgoingId: string) =>
  t.db.selectFrom('exchange_outbox').selectAll().where('outgoing_id', '=', outgoingId).execute();
const dispatchRows = (outgoingId: string) =>
  t.db.selectFrom('outgoing_dispatches').selectAll().where('outgoing_id', '=', outgoingId).orderBy('channel').execute();
const incomingCount = async (organizationId: string) =>
  (await t.db.selectFrom('incoming_documents').select('id').where('organization_id', '=', organizationId).execute())
    .length;
const trustListPem = async () =>
  (await trustAnchors(t.db)).map(
    (der) => `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64')}\n-----END CERTIFICATE-----\n`,
  );

describe('[ISSUING OVER THE AXIS] a Công văn of the Ministry to an organisation reached through the axis', () => {
  let vpcpId: string;

  it('leaves as one signed package in the outbox, with an axis dispatch and no local copy', async () => {
    vpcpId = (await orgByCode(VPCP.code))!.id;
    const id = await approvedLetter([vpcpId]);
    const res = await clerk.post(`/api/v1/outgoing-documents/${id}/issue`, { pin: DEMO_SIGNING_PIN });
    expect(res.statusCode, res.body).toBe(200);
    const doc = await t.db
      .selectFrom('outgoing_documents')
      .select(['full_number', 'official_file_id', 'subject'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

    const outbox = await outboxOf(id);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ type: 'edoc', from_code: ministryCode, to_codes: [VPCP.code] });
    const xml = new Uint8Array(outbox[0]!.xml);
    const parsed = parseEdxml(xml);
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    const pkg = (parsed as { message: EdxmlPackage }).message;
    expect(pkg.kind).toBe('package');
    expect(pkg.subject).toBe(doc.subject);
    expect(`${pkg.code.codeNumber}/${pkg.code.codeNotation}`).toBe(doc.full_number);
    expect(pkg.to.map((o) => o.organId)).toEqual([VPCP.code]);
    expect(pkg.from.organId).toBe(ministryCode);
    expect(pkg.documentId).toBe(outbox[0]!.document_id);
    const issuedPdf = await readFileBytes({ config: t.config, db: t.db }, doc.official_file_id!);
    expect(Buffer.from(pkg.attachments[0]!.base64, 'base64').equals(issuedPdf)).toBe(true);
    expect(pkg.attachments[0]!.contentType).toBe('application/pdf');

    const verified = verifyEdxmlSignature(xml, { trustList: await trustListPem() });
    expect(verified.errors).toEqual([]);
    expect(verified.valid).toBe(true);
    expect(verified.signer!.subject).toContain('Bộ Giáo dục');

    expect(await dispatchRows(id)).toMatchObject([
      {
        recipient_organization_id: vpcpId,
        channel: 'axis',
        status: 'queued',
        recipient_code: VPCP.code,
        axis_document_id: pkg.documentId,
        incoming_id: null,
      },
    ]);
    expect(await incomingCount(vpcpId)).toBe(0);
    const listed = (await clerk.get(`/api/v1/outgoing-documents/${id}/dispatches`)).json().items;
    expect(listed).toMatchObject([{ organizationId: vpcpId, channel: 'axis', status: 'queued' }]);
  });

  it('a mixed list: the Sở on EduGov gets its copy and the axis organisation the package, in one issue', async () => {
    const hanoiBefore = await incomingCount(soHaNoi);
    const id = await approvedLetter([soHaNoi, vpcpId]);
    const res = await clerk.post(`/api/v1/outgoing-documents/${id}/issue`, { pin: DEMO_SIGNING_PIN });
    expect(res.statusCode, res.body).toBe(200);
    const outbox = await outboxOf(id);
    expect(outbox.map((o) => o.to_codes)).toEqual([[VPCP.code]]);
    const dispatches = await dispatchRows(id);
    expect(dispatches.map((d) => [d.channel, d.status, d.recipient_organization_id])).toEqual([
      ['axis', 'queued', vpcpId],
      ['edugov', '01', soHaNoi],
    ]);
    expect(dispatches[1]!.incoming_id).not.toBeNull();
    expect(await incomingCount(soHaNoi)).toBe(hanoiBefore + 1);
    expect(await incomingCount(vpcpId)).toBe(0);
  });

  it('a classified document is refused for an axis recipient; nothing changes', async () => {
    const id = await approvedLetter([vpcpId], { confidentiality: 'confidential' });
    const [outbox, numbers] = [await countRows(t.db, 'exchange_outbox'), await countRows(t.db, 'issued_numbers')];
    const res = await clerk.post(`/api/v1/outgoing-documents/${id}/issue`, { pin: DEMO_SIGNING_PIN });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('documents.confidential_dispatch');
    expect(await countRows(t.db, 'exchange_outbox')).toBe(outbox);
    expect(await countRows(t.db, 'issued_numbers')).toBe(numbers);
    expect(await dispatchRows(id)).toEqual([]);
  });
});
