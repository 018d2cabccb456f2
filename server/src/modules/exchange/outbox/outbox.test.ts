import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/test-app.ts';
import { buildActor } from '../../../test/factories.ts';
import { createLogger } from '../../../platform/logger.ts';
import type { Role } from '../../../platform/authz.ts';
import type { UseCaseContext } from '../../../platform/context.ts';
import { MemoryAxis } from '../exchange.fixtures.ts';
import { deliverDueMessages, enqueueMessage, replayMessage } from './outbox.service.ts';

let t: TestApp;
let clerk: Client;
let hanoi: { id: string; code: string };
const NGHEAN = '000.00.00.H41';
const XML = '<edXML:edXML xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"/>';

beforeAll(async () => {
  t = await createTestApp();
  clerk = await t.login('hn.vanthu');
  const org = await t.db
    .selectFrom('organizations')
    .select(['id', 'identifier'])
    .where('id', '=', clerk.me.organizationId)
    .executeTakeFirstOrThrow();
  hanoi = { id: org.id, code: org.identifier };
}, 60_000);
afterAll(() => t?.close());
beforeEach(async () => {
  await sql`DELETE FROM exchange_outbox`.execute(t.db);
});

const deps = (connector: MemoryAxis, maxAttempts = 10) => ({
  db: t.db,
  config: {
    ...t.config,
    exchangeRetryBaseSeconds: 30,
    exchangeRetryCapSeconds: 3600,
    exchangeMaxAttempts: maxAttempts,
  },
  logger: createLogger(t.config),
  connector,
});

async function enqueue() {
  return t.db.transaction().execute((trx) =>
    enqueueMessage(trx, {
      organizationId: hanoi.id,
      type: 'edoc',
      fromCode: hanoi.code,
      toCodes: [NGHEAN],
      xml: XML,
      documentId: `${hanoi.code},2026/11/27,12/SGDĐT-VP`,
    }),
  );
}

const row = (id: string) =>
  t.db.selectFrom('exchange_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

function ctxOf(client: Client, ...roles: Role[]): UseCaseContext {
  return {
    actor: { ...buildActor(client.me.organizationId, ...roles), userId: client.me.user.id },
    audit: {
      actorUserId: client.me.user.id,
      actorName: null,
      organizationId: client.me.organizationId,
      requestId: null,
    },
  };
}

describe('exchange outbox', () => {
  it('sends nothing for a message enqueued in a transaction that rolled back', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await enqueueMessage(trx, {
          organizationId: hanoi.id,
          type: 'edoc',
          fromCode: hanoi.code,
          toCodes: [NGHEAN],
          xml: XML,
        });
        throw new Error('the issue failed');
      }),
    ).rejects.toThrow('the issue failed');
    const axis = new MemoryAxis();
    expect(await deliverDueMessages(deps(axis))).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(axis.sendCalls).toBe(0);
  });

  it('delivers a queued message once, with its axis id, and the recipient finds it in its box', async () => {
    const queued = await enqueue();
    const axis = new MemoryAxis();
    expect(await deliverDueMessages(deps(axis))).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(await deliverDueMessages(deps(axis))).toEqual({ sent: 0, retried: 0, dead: 0 });
    const after = await row(queued.id);
    expect(after).toMatchObject({ status: 'sent', attempts: 1, axis_message_id: axis.sent[0]!.messageId });
    expect(after.sent_at).toBeInstanceOf(Date);
    const inbox = await axis.listReceived({ organizationCode: NGHEAN, type: 'edoc' });
    expect(inbox.map((i) => [i.from, i.messageId])).toEqual([[hanoi.code, after.axis_message_id]]);
    expect(new TextDecoder().decode(await axis.get({ organizationCode: NGHEAN, messageId: inbox[0]!.messageId }))).toBe(
      XML,
    );
  });

  it('retries a retryable failure with exponential backoff, then delivers', async () => {
    const queued = await enqueue();
    const axis = new MemoryAxis().failSends(2);
    const t0 = new Date(Date.now() + 1000);
    expect(await deliverDueMessages(deps(axis), { now: t0 })).toMatchObject({ retried: 1 });
    let r = await row(queued.id);
    expect(r).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('unavailable') });
    const wait1 = (r.next_attempt_at.getTime() - t0.getTime()) / 1000;
    expect(wait1).toBeGreaterThanOrEqual(30);
    expect(wait1).toBeLessThanOrEqual(33);
    // Not due yet: nothing is tried.
    expect(await deliverDueMessages(deps(axis), { now: new Date(t0.getTime() + 29_000) })).toEqual({
      sent: 0,
      retried: 0,
      dead: 0,
    });
    const t1 = new Date(t0.getTime() + 34_000);
    expect(await deliverDueMessages(deps(axis), { now: t1 })).toMatchObject({ retried: 1 });
    r = await row(queued.id);
    const wait2 = (r.next_attempt_at.getTime() - t1.getTime()) / 1000;
    expect(wait2).toBeGreaterThanOrEqual(60);
    expect(wait2).toBeLessThanOrEqual(66);
    expect(await deliverDueMessages(deps(axis), { now: new Date(t1.getTime() + 70_000) })).toMatchObject({ sent: 1 });
    expect(await row(queued.id)).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect(axis.sendCalls).toBe(3);
    expect(axis.sent).toHaveLength(1);
  });

  it('caps the delay and gives up after the maximum number of tries (dead letter)', async () => {
    const queued = await enqueue();
    const axis = new MemoryAxis().failSends(100);
    let now = Date.now() + 1000;
    for (let i = 0; i < 4; i++) {
      await deliverDueMessages(deps(axis, 4), { now: new Date(now) });
      now += 3 * 3600 * 1000;
    }
    expect(await row(queued.id)).toMatchObject({ status: 'dead', attempts: 4 });
    // Dead: never tried again.
    await deliverDueMessages(deps(axis, 4), { now: new Date(now + 24 * 3600 * 1000) });
    expect(axis.sendCalls).toBe(4);
  });

  it('waits at most the cap between tries', async () => {
    const queued = await enqueue();
    const axis = new MemoryAxis().failSends(100);
    let now = Date.now() + 1000;
    for (let i = 0; i < 8; i++) {
      await deliverDueMessages(deps(axis), { now: new Date(now) });
      now += 2 * 3600 * 1000;
    }
    const r = await row(queued.id);
    expect(r).toMatchObject({ status: 'pending', attempts: 8 });
    const wait = (r.next_attempt_at.getTime() - (now - 2 * 3600 * 1000)) / 1000;
    expect(wait).toBeGreaterThanOrEqual(3600);
    expect(wait).toBeLessThanOrEqual(3960);
  });

  it('marks a message the axis refuses dead at once', async () => {
    const queued = await enqueue();
    const axis = new MemoryAxis().failSends(1, false);
    expect(await deliverDueMessages(deps(axis))).toMatchObject({ dead: 1 });
    expect(await row(queued.id)).toMatchObject({
      status: 'dead',
      attempts: 1,
      last_error: expect.stringContaining('refused'),
    });
    expect(axis.sendCalls).toBe(1);
  });

  it('lets a clerk of the organisation send a dead message again (audited), and it is delivered', async () => {
    const queued = await enqueue();
    const axis = new MemoryAxis().failSends(1, false);
    await deliverDueMessages(deps(axis));

    const specialist = await t.login('hn.chuyenvien');
    await expect(replayMessage(t, ctxOf(specialist, 'specialist'), queued.id)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    const other = await t.login('na.vanthu');
    await expect(replayMessage(t, ctxOf(other, 'clerk'), queued.id)).rejects.toMatchObject({
      code: 'record.not_found',
    });

    const replayed = await replayMessage(t, ctxOf(clerk, 'clerk'), queued.id);
    expect(replayed).toMatchObject({ status: 'pending', attempts: 0 });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('target_id', '=', queued.id)
      .execute();
    expect(audit).toEqual([{ action: 'exchange.message_replayed', actor_user_id: clerk.me.user.id }]);
    await expect(replayMessage(t, ctxOf(clerk, 'clerk'), queued.id)).rejects.toMatchObject({
      code: 'exchange.message_not_dead',
    });

    expect(await deliverDueMessages(deps(axis))).toMatchObject({ sent: 1 });
    expect(await row(queued.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });
});
