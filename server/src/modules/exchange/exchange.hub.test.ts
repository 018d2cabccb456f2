/**
 * The exchange over real HTTP: the outbox sends a Công văn of the Ministry through the HTTP connector to the
 * reference hub; the inbox polls it for the Sở of Hà Nội, which gets an incoming document to register and
 * answers 01; the 01 travels back the same way and the Ministry's inbox records it. Delivered once each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { axisConnectorFor } from './exchange.connector.ts';
import { buildEdxml } from './edxml/index.ts';
import { MOET, samplePackage } from './edxml/edxml.fixtures.ts';
import { samplePdfBytes } from './exchange.fixtures.ts';
import { startHub, type RunningHub } from './axis/hub/hub.server.ts';
import { deliverDueMessages, enqueueMessage } from './outbox/outbox.service.ts';
import { pollInbox } from './inbox/inbox.service.ts';

let t: TestApp;
let hub: RunningHub;
let hanoi: { id: string; code: string };
let moetId: string;

beforeAll(async () => {
  t = await createTestApp();
  const org = async (username: string) => {
    const clerk = await t.login(username);
    return t.db
      .selectFrom('organizations')
      .select(['id', 'identifier'])
      .where('id', '=', clerk.me.organizationId)
      .executeTakeFirstOrThrow();
  };
  const hn = await org('hn.vanthu');
  hanoi = { id: hn.id, code: hn.identifier };
  moetId = (await org('bgd.vanthu')).id;
  hub = await startHub({
    systems: [{ systemId: 'edugov-test', secretKey: 'a-secret-of-the-test-system', organizations: [MOET, hanoi.code] }],
    maxBytes: 5 * 1024 * 1024,
    port: 0,
  });
}, 60_000);
afterAll(async () => {
  await hub?.close();
  await t?.close();
});

describe('exchange through the reference hub', () => {
  it('package out, incoming document in, 01 back: each delivered once', async () => {
    const config = {
      ...t.config,
      exchangeAxisUrl: hub.url,
      exchangeSystemId: 'edugov-test',
      exchangeSecretKey: 'a-secret-of-the-test-system',
    };
    const logger = createLogger(t.config);
    const connector = axisConnectorFor(config, logger);
    expect(connector?.kind).toBe('hub');
    const pkg = {
      ...samplePackage({ seed: await samplePdfBytes() }),
      to: [{ organId: hanoi.code, organName: 'Sở Giáo dục và Đào tạo Hà Nội' }],
      code: { codeNumber: '77', codeNotation: 'BGDĐT-GDPT' },
      documentId: `${MOET},2026/11/27,77/BGDĐT-GDPT`,
      responseFor: [],
    };
    await t.db.transaction().execute((trx) =>
      enqueueMessage(trx, {
        organizationId: moetId,
        type: 'edoc',
        fromCode: MOET,
        toCodes: [hanoi.code],
        xml: buildEdxml(pkg),
        documentId: pkg.documentId,
      }),
    );
    const deps = { db: t.db, config, jobs: t.jobs, logger, connector: connector! };
    expect(await deliverDueMessages(deps)).toEqual({ sent: 1, retried: 0, dead: 0 });
    // Nothing more is due: a second round sends nothing.
    expect(await deliverDueMessages(deps)).toEqual({ sent: 0, retried: 0, dead: 0 });

    expect(await pollInbox(deps, { organizationCodes: [hanoi.code] })).toMatchObject({ received: 1 });
    const arrived = await t.db
      .selectFrom('incoming_documents')
      .selectAll()
      .where('organization_id', '=', hanoi.id)
      .where('number_notation', 'like', '77/%')
      .execute();
    expect(arrived).toHaveLength(1);
    expect(arrived[0]).toMatchObject({ status: 'received', source: 'electronic' });
    // Polling again finds nothing new (the hub was told 'acceptance').
    expect(await pollInbox(deps, { organizationCodes: [hanoi.code] })).toMatchObject({ received: 0 });

    // The Sở's 01 goes back to the Ministry through the hub and is recorded there.
    expect(await deliverDueMessages(deps)).toMatchObject({ sent: 1 });
    expect(await pollInbox(deps, { organizationCodes: [MOET] })).toMatchObject({ received: 1 });
    const recorded = await t.db
      .selectFrom('exchange_inbox')
      .select(['outcome', 'from_code'])
      .where('organization_id', '=', moetId)
      .execute();
    expect(recorded).toEqual([{ outcome: 'status_recorded', from_code: hanoi.code }]);
  }, 60_000);
});
