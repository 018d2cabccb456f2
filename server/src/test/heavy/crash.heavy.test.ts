/**
 * Crash safety (heavy, PostgreSQL): three real app processes on one database behind a round-robin client;
 * a stream of incoming registrations (upload, register, present to the leader — which e-mails the leader),
 * outgoing number issues and exchange sends (Sở Hà Nội drafts a công văn to the Ministry, reached through the
 * reference hub, and takes it through approval and issue: the issue queues an edXML package that the processes'
 * `exchange.deliver_outbox` jobs send); random processes are SIGKILLed during the stream and started again.
 * At the end: every request answered 2xx is in the database exactly once, arrival and outgoing numbers run 1..N
 * with no gap or duplicate, every e-mail job that pg-boss completed was delivered exactly once and none twice,
 * every issued document has one outbox message and the hub holds each exactly once (a process killed between
 * the hub's receipt and the outbox's 'sent' makes another send it again with the same idempotency key), and
 * `audit:verify` passes.
 */
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfBytes } from '../../modules/documents/incoming/incoming.fixtures.ts';
import { parseEdxmlOrThrow, startHub, type RunningHub } from '../../modules/exchange/index.ts';
import { DEMO_SIGNING_PIN } from '../../modules/signatures/index.ts';
import { startSmtpServer, type TestSmtpServer } from '../smtp.ts';
import {
  AppProcess,
  auditVerifyCli,
  createHeavyDatabase,
  freePort,
  HttpUser,
  postgresServerUrl,
  sleep,
  type HeavyDatabase,
  type HttpResult,
} from './harness.ts';

const serverUrl = postgresServerUrl('crash safety');
const STREAM_SECONDS = Number(process.env.HEAVY_CRASH_SECONDS ?? 90);
const WORKERS = 6;
/** Exchange sends: this many people drafting and issuing in parallel (each issue renders a PDF), at most SENDS_MAX. */
const SENDERS = 3;
const SENDS_MAX = 30;
const SEND_SUBJECT = 'Kiểm thử sự cố — gửi qua trục';
/** The deployment's account on the hub (it sends as Sở Hà Nội). */
const HUB_SYSTEM = { systemId: 'edugov-heavy', secretKey: 'heavy-suite-hub-secret-0001' };
/**
 * How long the end waits for the outbox to empty: a message claimed by a process killed during its try waits
 * for its lease (90 s, outbox.service.ts), then for the next delivery round (15 s).
 */
const OUTBOX_WAIT_SECONDS = 150;

/** Where an exchange send ended: issued (its number), or the step it could not get past. */
interface SendOutcome {
  readonly key: string;
  readonly id?: string;
  readonly result: 'issued' | 'not created' | 'stuck';
  readonly detail?: string;
  /** Steps answered other than 200 (cut by a kill, 409 after a cut that had committed, 503) and tried again. */
  readonly retries: number;
}

/**
 * A pass-through in front of the hub that tells the test when the hub has answered a send, before the answer
 * goes back: the test may then kill the process that sent it, which never learns the hub has the message.
 */
async function startHubProxy(
  target: string,
  onStored: (clientPort: number, hubStatus: number) => Promise<void>,
): Promise<{ url: string; close(): Promise<void> }> {
  const hop = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
  const server: Server = createServer((req, res) => {
    req.socket.on('error', () => undefined); // the client may be killed while we hold its answer
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && !hop.has(name)) headers[name] = value;
      }
      const upstream = await fetch(`${target}${req.url}`, {
        method: req.method!,
        headers,
        ...(req.method === 'GET' ? {} : { body: Buffer.concat(chunks) }),
      });
      const body = Buffer.from(await upstream.arrayBuffer());
      if (req.method === 'POST' && upstream.status < 300) await onStored(req.socket.remotePort ?? 0, upstream.status);
      if (res.destroyed || req.socket.destroyed) return;
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/plain' });
      res.end(body);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Which of `pids` holds the local TCP port `port` (Linux: the socket's inode in /proc/net/tcp*, then /proc/<pid>/fd). */
function pidOfLocalPort(port: number, pids: readonly number[]): number | undefined {
  const suffix = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/);
      if (columns[1]?.endsWith(suffix)) inodes.add(`socket:[${columns[9]}]`);
    }
  }
  for (const pid of pids) {
    try {
      for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
        if (inodes.has(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))) return pid;
      }
    } catch {
      // the process has just exited, or an fd closed while we read
    }
  }
  return undefined;
}

interface Outcome {
  readonly kind: 'register' | 'issue';
  readonly key: string;
  readonly status: number;
  readonly number?: number;
  readonly id?: string;
  readonly body?: unknown;
}

describe.skipIf(!serverUrl)('crash safety: SIGKILL of app processes during a stream of writes', () => {
  let database: HeavyDatabase;
  let smtp: TestSmtpServer;
  let hub: RunningHub;
  let hubProxy: Awaited<ReturnType<typeof startHubProxy>>;
  /** Set by the test while its stream runs: called when the hub has stored a send, before the sender hears it. */
  let onHubStored: ((clientPort: number, hubStatus: number) => Promise<void>) | undefined;
  /** The Ministry (the exchange's recipient, reached through the hub) and Sở Hà Nội (the sender). */
  let ministry: { id: string; identifier: string };
  let hanoi: { id: string; identifier: string };
  const apps: AppProcess[] = [];

  beforeAll(async () => {
    database = await createHeavyDatabase(serverUrl!);
    smtp = await startSmtpServer('heavy', 'heavy-secret');
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      const org = async (seedKey: string) =>
        (await db.query('SELECT id, identifier FROM organizations WHERE seed_key = $1', [seedKey])).rows[0];
      ministry = await org('moet');
      hanoi = await org('so-ha-noi');
      // The operator's configuration: the Ministry is reached through the axis from this deployment.
      await db.query('UPDATE organizations SET via_axis = true WHERE id = $1', [ministry.id]);
    } finally {
      await db.end();
    }
    hub = await startHub({
      systems: [{ ...HUB_SYSTEM, organizations: [hanoi.identifier] }],
      agencies: [{ code: ministry.identifier, name: 'Bộ Giáo dục và Đào tạo', parentCode: null }],
      maxBytes: 20 * 1024 * 1024,
      port: 0,
    });
    hubProxy = await startHubProxy(hub.url, async (port, status) => onHubStored?.(port, status));
    for (let i = 0; i < 3; i++) {
      apps.push(
        new AppProcess(await freePort(), {
          DATABASE_URL: database.url,
          SMTP_URL: `smtp://heavy:heavy-secret@127.0.0.1:${smtp.port}`,
          JOBS: 'true',
          EXCHANGE_AXIS_URL: hubProxy.url,
          EXCHANGE_SYSTEM_ID: HUB_SYSTEM.systemId,
          EXCHANGE_SECRET_KEY: HUB_SYSTEM.secretKey,
        }),
      );
    }
    await Promise.all(apps.map((a) => a.start()));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(apps.map((a) => a.stop()));
    await smtp?.close();
    await hubProxy?.close();
    await hub?.close();
    await database?.drop();
  }, 120_000);

  it('loses nothing, duplicates nothing, leaves no gap, and keeps the audit chain intact', async () => {
    let next = 0;
    // The round-robin client: the next process it believes is up (a killed one is taken out until restarted).
    const base = () => {
      for (let i = 0; i < apps.length; i++) {
        const app = apps[next++ % apps.length]!;
        if (app.ready) return app.baseUrl;
      }
      return apps[0]!.baseUrl;
    };
    const clerk = new HttpUser(base, 20_000);
    expect((await clerk.login('hn.vanthu')).status).toBe(200);
    const register = await clerk.post('/api/v1/registers', {
      direction: 'outgoing',
      name: 'Sổ văn bản đi — kiểm thử sự cố',
      confidential: false,
    });
    expect(register.status).toBe(201);
    const registerId: string = register.body.id;

    const outcomes: Outcome[] = [];
    let presentsOk = 0;
    let counter = 0;
    const stopAt = Date.now() + STREAM_SECONDS * 1000;

    const registerOne = async (key: string) => {
      const upload = await clerk.upload(`${key}.pdf`, await pdfBytes(key));
      if (upload.status !== 201 && upload.status !== 200) return; // nothing registered yet: not a registration
      const res = await clerk.post('/api/v1/incoming-documents', {
        issuerName: 'Bộ Giáo dục và Đào tạo',
        numberNotation: key,
        documentDate: '2026-11-20',
        docType: 'official_letter',
        subject: `Kiểm thử sự cố ${key}`,
        urgency: 'normal',
        confidentiality: 'normal',
        pageCount: 1,
        source: 'paper',
        mainFileId: upload.body.id,
      });
      outcomes.push({
        kind: 'register',
        key,
        status: res.status,
        number: res.body?.arrivalNumber,
        id: res.body?.id,
        body: res.status >= 300 ? res.body : undefined,
      });
      if (res.status !== 201) return;
      // Present to the leader until it has happened (a retry after a cut connection may find it done: 409).
      for (let attempt = 0; attempt < 20; attempt++) {
        const p = await clerk.post(`/api/v1/incoming-documents/${res.body.id}/present`, {});
        if (p.status === 200 || p.status === 201) {
          presentsOk += 1;
          return;
        }
        if (p.status === 409) return;
        await sleep(300);
      }
    };
    const issueOne = async (key: string) => {
      const res = await clerk.post(`/api/v1/registers/${registerId}/issue-number`, {
        docType: 'decision',
        confidentiality: 'normal',
        subject: key,
      });
      outcomes.push({
        kind: 'issue',
        key,
        status: res.status,
        number: res.body?.number,
        id: res.body?.id,
        body: res.status >= 300 ? res.body : undefined,
      });
    };

    // Exchange sends: Sở Hà Nội's people, each with a session of their own.
    const author = new HttpUser(base, 60_000);
    const head = new HttpUser(base, 60_000);
    const leader = new HttpUser(base, 60_000);
    const sendClerk = new HttpUser(base, 60_000);
    for (const [who, username] of [
      [author, 'hn.chuyenvien'],
      [head, 'hn.truongphong'],
      [leader, 'hn.lanhdao'],
      [sendClerk, 'hn.vanthu'],
    ] as const) {
      expect((await who.login(username)).status).toBe(200);
    }
    const sends: SendOutcome[] = [];
    /** The document as `who` sees it, read again until a process answers (undefined if none does). */
    const readDocument = async (who: HttpUser, id: string) => {
      for (let attempt = 0; attempt < 90; attempt++) {
        const res = await who.get(`/api/v1/outgoing-documents/${id}`);
        if (res.status === 200) return res.body;
        await sleep(500);
      }
      return undefined;
    };
    /**
     * The next step of the document, by whoever it waits for. Every round reads the state first, so a step
     * whose answer a kill cut off (or that answered 409 because it had in fact happened) is not taken twice.
     */
    const nextStep = async (id: string, doc: any): Promise<HttpResult | undefined> => {
      const pin = doc.signing?.required ? { pin: DEMO_SIGNING_PIN } : {};
      const step = (who: HttpUser, name: string, body: unknown) =>
        who.post(`/api/v1/outgoing-documents/${id}/${name}`, body);
      if (doc.status === 'draft') return step(author, 'submit', {});
      if (doc.status === 'approved') return step(sendClerk, 'issue', { registerId, ...pin });
      for (const [who, body] of [
        [head, {}],
        [sendClerk, {}],
        [leader, pin],
      ] as const) {
        const mine = await readDocument(who, id);
        if (mine?.actions?.includes('approve')) return step(who, 'approve', body);
      }
      return undefined;
    };
    const record = (outcome: SendOutcome) => {
      sends.push(outcome);
      return outcome.result;
    };
    const sendOne = async (key: string): Promise<SendOutcome['result']> => {
      const created = await author.post('/api/v1/outgoing-documents', {
        docType: 'official_letter',
        subject: `${SEND_SUBJECT} ${key}`,
        body: 'Kính gửi: Bộ Giáo dục và Đào tạo\nSở Giáo dục và Đào tạo Hà Nội báo cáo kết quả kiểm thử.',
        urgency: 'normal',
        confidentiality: 'normal',
        recipients: { internal: [ministry.id], external: [] },
        signerUserId: leader.me.user.id,
        signerPositionTitle: 'Giám đốc',
      });
      // A creation cut by a kill may have left a draft nobody follows: never issued, so nothing to send.
      if (created.status !== 201) {
        return record({ key, result: 'not created', detail: String(created.status), retries: 0 });
      }
      const id: string = created.body.id;
      let retries = 0;
      for (let round = 0; round < 40; round++) {
        const doc = await readDocument(author, id);
        if (doc?.status === 'issued') {
          return record({ key, id, result: 'issued', detail: doc.fullNumber, retries });
        }
        if (!doc || !['draft', 'in_review', 'approved'].includes(doc.status)) {
          return record({ key, id, result: 'stuck', detail: doc?.status ?? 'unreadable', retries });
        }
        const res = await nextStep(id, doc);
        if (res?.status !== 200) {
          retries++;
          await sleep(500);
        }
      }
      return record({ key, id, result: 'stuck', detail: 'too many rounds', retries });
    };
    let sendCounter = 0;
    // Only drafts that exist count towards SENDS_MAX: while no process is up, creations fail at once.
    const drafted = () => sends.filter((x) => x.result !== 'not created').length;
    const sender = async () => {
      while (drafted() < SENDS_MAX && Date.now() < stopAt) {
        if ((await sendOne(`SS-${++sendCounter}`)) === 'not created') await sleep(1000);
      }
    };

    const worker = async () => {
      while (Date.now() < stopAt) {
        const key = `SC-${++counter}`;
        if (counter % 3 === 0) await issueOne(key);
        else await registerOne(key);
      }
    };
    const restarts: Promise<void>[] = [];
    const killAndRestart = async (victim: AppProcess) => {
      await victim.kill();
      // Started again in the background (a start takes seconds): the stream goes on meanwhile.
      restarts.push(sleep(500 + Math.random() * 1500).then(() => victim.start()));
    };
    // During the stream, the process that sent a package the hub has just stored is killed before it hears the
    // receipt, even when it is the only one up (requests fail until a restart answers): the message stays leased
    // by the dead process, then another sends it again with the same idempotency key, and the hub must answer
    // with the first message.
    let deliveryKills = 0;
    /** Spared: sent by a process still starting (its start must finish first), or its socket not found. */
    let deliveryKillsSpared = 0;
    let resendsOfStored = 0;
    onHubStored = async (clientPort, status) => {
      if (status === 200) resendsOfStored++;
      if (Date.now() > stopAt - 3000) return;
      const running = apps.flatMap((a) => (a.running && a.child?.pid ? [a.child.pid] : []));
      const victim = apps.find((a) => a.ready && a.child?.pid === pidOfLocalPort(clientPort, running));
      if (!victim) {
        deliveryKillsSpared++;
        return;
      }
      deliveryKills++;
      await killAndRestart(victim);
    };
    const chaos = async () => {
      await sleep(3000);
      while (Date.now() < stopAt - 3000) {
        const up = apps.filter((a) => a.ready);
        if (up.length >= 2) {
          await killAndRestart(up[Math.floor(Math.random() * up.length)]!);
        }
        await sleep(3000 + Math.random() * 4000);
      }
    };
    await Promise.all([
      chaos(),
      ...Array.from({ length: SENDERS }, sender),
      ...Array.from({ length: WORKERS }, worker),
    ]);
    await Promise.all(restarts);
    const kills = apps.reduce((s, a) => s + a.kills, 0);

    // Let the surviving processes send what is queued (in-flight jobs of killed processes wait for expiry).
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      const pendingJobs = async () =>
        Number(
          (
            await db.query(
              `SELECT count(*) AS n FROM pgboss.job WHERE name = 'notifications.send_email' AND state IN ('created', 'retry')`,
            )
          ).rows[0].n,
        );
      for (let i = 0; i < 120 && (await pendingJobs()) > 0; i++) await sleep(1000);
      // The outbox: every process's delivery job sends what is due (a message whose try a kill cut waits for
      // its lease to end, then goes again with the same idempotency key).
      const outboxPending = async () =>
        Number((await db.query(`SELECT count(*) AS n FROM exchange_outbox WHERE status = 'pending'`)).rows[0].n);
      for (let i = 0; i < OUTBOX_WAIT_SECONDS && (await outboxPending()) > 0; i++) await sleep(1000);
      const exchange = await exchangeCounts(db);
      // Stop the processes (gracefully) so the accounting below reads a state that no longer moves: with an e-mail
      // backlog still being sent, a job could complete between two reads and its e-mail look unexpected.
      await Promise.all(apps.map((a) => a.stop()));

      const docs = (
        await db.query<{ number_notation: string; arrival_number: number; n: string }>(
          `SELECT d.number_notation, d.arrival_number FROM incoming_documents d WHERE d.number_notation LIKE 'SC-%'`,
        )
      ).rows;
      const issued = (
        await db.query<{ subject: string; number: number }>(
          'SELECT subject, number FROM issued_numbers WHERE register_id = $1',
          [registerId],
        )
      ).rows;
      const docsByKey = new Map<string, number[]>();
      for (const d of docs)
        docsByKey.set(d.number_notation, [...(docsByKey.get(d.number_notation) ?? []), d.arrival_number]);
      const issuedByKey = new Map<string, number[]>();
      for (const r of issued) issuedByKey.set(r.subject, [...(issuedByKey.get(r.subject) ?? []), r.number]);

      const ok = outcomes.filter((o) => o.status >= 200 && o.status < 300);
      const noAnswer = outcomes.filter((o) => o.status === 0);
      const refused = outcomes.filter((o) => o.status >= 400);
      const lost: string[] = [];
      const duplicated: string[] = [];
      for (const o of ok) {
        const found = (o.kind === 'register' ? docsByKey : issuedByKey).get(o.key) ?? [];
        if (found.length === 0) lost.push(o.key);
        if (found.length > 1) duplicated.push(o.key);
        if (found.length === 1) expect(found[0]).toBe(o.number);
      }
      for (const [key, found] of [...docsByKey, ...issuedByKey]) if (found.length > 1) duplicated.push(key);
      const committedWithoutAnswer = noAnswer.filter(
        (o) => ((o.kind === 'register' ? docsByKey : issuedByKey).get(o.key) ?? []).length > 0,
      ).length;

      const arrival = docs.map((d) => d.arrival_number).sort((a, b) => a - b);
      const outgoing = issued.map((r) => r.number).sort((a, b) => a - b);
      const gapless = (ns: number[]) => ns.every((n, i) => n === i + 1);

      // E-mails: one per notification whose job completed; none twice.
      const jobs = (
        await db.query<{ state: string; n: string }>(
          `SELECT state, count(*) AS n FROM pgboss.job WHERE name = 'notifications.send_email' GROUP BY state`,
        )
      ).rows;
      const jobState = Object.fromEntries(jobs.map((j) => [j.state, Number(j.n)]));
      const completed = (
        await db.query<{ email: string; title_vi: string; link: string }>(
          `SELECT u.email, n.title_vi, n.link FROM pgboss.job j
           JOIN notifications n ON n.id = (j.data->>'notificationId')::uuid JOIN users u ON u.id = n.user_id
           WHERE j.name = 'notifications.send_email' AND j.state = 'completed'`,
        )
      ).rows;
      // A job killed after the SMTP server took its e-mail and before pg-boss recorded it stays 'active':
      // that e-mail is in flight at a kill (at-least-once, docs/SECURITY.md), not a duplicate.
      const active = (
        await db.query<{ email: string; link: string }>(
          `SELECT u.email, n.link FROM pgboss.job j
           JOIN notifications n ON n.id = (j.data->>'notificationId')::uuid JOIN users u ON u.id = n.user_id
           WHERE j.name = 'notifications.send_email' AND j.state = 'active'`,
        )
      ).rows;
      // Matched by recipient and link (the link names the document): expected and received as multisets.
      const keyOf = (to: string, link: string) => `${to}|${link}`;
      const expected = new Map<string, number>();
      for (const c of completed) expected.set(keyOf(c.email, c.link), (expected.get(keyOf(c.email, c.link)) ?? 0) + 1);
      const received = new Map<string, number>();
      for (const m of smtp.messages) {
        const url = /Xem chi tiết: (\S+)/.exec(m.text)?.[1] ?? '';
        const link = url.replace(/^https?:\/\/[^/]+/, '');
        const key = keyOf(m.to.join(','), link);
        received.set(key, (received.get(key) ?? 0) + 1);
      }
      const inFlight = new Map<string, number>();
      for (const a of active) inFlight.set(keyOf(a.email, a.link), (inFlight.get(keyOf(a.email, a.link)) ?? 0) + 1);
      let undelivered = 0;
      let twice = 0;
      let sentInFlight = 0;
      for (const [key, n] of expected) undelivered += Math.max(0, n - (received.get(key) ?? 0));
      for (const [key, n] of received) {
        const extra = Math.max(0, n - (expected.get(key) ?? 0));
        const allowed = Math.min(extra, inFlight.get(key) ?? 0);
        sentInFlight += allowed;
        twice += extra - allowed;
      }
      const sendsAnswered = sends.filter((x) => x.result === 'issued');
      const sendsStuck = sends.filter((x) => x.result === 'stuck');
      const issuedIds = new Set(exchange.issued.map((d) => d.id));
      const statuses: Record<string, number> = {};
      for (const o of outcomes) statuses[`${o.kind} ${o.status}`] = (statuses[`${o.kind} ${o.status}`] ?? 0) + 1;
      process.stdout.write(
        `\n  crash safety: ${STREAM_SECONDS}s, ${kills} SIGKILLs, ${apps.reduce((s, a) => s + a.starts, 0)} process starts\n` +
          `    requests: ${outcomes.length} (${ok.length} 2xx, ${refused.length} refused 4xx/5xx, ${noAnswer.length} cut by a kill, ` +
          `of which ${committedWithoutAnswer} had committed) ${JSON.stringify(statuses)}\n` +
          `    registrations: ${docs.length} in the database, arrival numbers 1..${arrival.length} ${gapless(arrival) ? 'without gaps' : 'WITH GAPS'}; presented: ${presentsOk}\n` +
          `    outgoing numbers: ${issued.length}, 1..${outgoing.length} ${gapless(outgoing) ? 'without gaps' : 'WITH GAPS'}\n` +
          `    2xx lost: ${lost.length}, duplicated: ${duplicated.length}\n` +
          `    e-mail jobs: ${JSON.stringify(jobState)}; e-mails received: ${smtp.messages.length}; ` +
          `completed but not received: ${undelivered}; sent by a job killed before it was recorded: ${sentInFlight}; received twice or unexpected: ${twice}\n` +
          `    exchange sends: ${exchange.issued.length} issued to the Ministry (${sendsAnswered.length} answered, ` +
          `${sends.reduce((n, x) => n + x.retries, 0)} steps tried again, ${sends.length - sendsAnswered.length - sendsStuck.length} not created, ` +
          `${sendsStuck.length} stuck); outbox rows: ${exchange.outbox.length} ${JSON.stringify(exchange.outboxStates)}, ` +
          `tried more than once: ${exchange.outbox.filter((r) => r.attempts > 1).length}; issued without exactly one row: ${exchange.withoutOneRow.length}\n` +
          `    hub: ${exchange.hubMessages} messages, delivered: ${exchange.delivered}/${exchange.outbox.length}, ` +
          `${exchange.hubDocuments} distinct documents; duplicates at hub: ${exchange.duplicatesAtHub}; ` +
          `receipts not the hub's first message: ${exchange.wrongReceipts}; dead: ${exchange.outboxStates.dead ?? 0}\n` +
          `    deliveries whose sender was killed after the hub stored them: ${deliveryKills} (${deliveryKillsSpared} spared); ` +
          `sent again and answered with the stored message: ${resendsOfStored}\n` +
          (refused.length
            ? `    refused: ${refused
                .slice(0, 5)
                .map((o) => `${o.kind} ${o.status} ${JSON.stringify(o.body)?.slice(0, 160)}`)
                .join(' | ')}\n`
            : ''),
      );

      expect(kills).toBeGreaterThan(0);
      expect(ok.filter((o) => o.kind === 'register').length).toBeGreaterThan(0);
      expect(ok.filter((o) => o.kind === 'issue').length).toBeGreaterThan(0);
      expect(lost).toEqual([]);
      expect(duplicated).toEqual([]);
      expect(gapless(arrival)).toBe(true);
      expect(gapless(outgoing)).toBe(true);
      expect(refused.filter((o) => o.status >= 500 && o.status !== 503)).toEqual([]);
      expect(undelivered).toBe(0);
      expect(twice).toBe(0);
      expect(jobState.failed ?? 0).toBe(0);
      // Jobs cut in flight by a SIGKILL stay 'active' until pg-boss expires them (15 min) and another process
      // retries them; at most one per kill.
      expect(jobState.active ?? 0).toBeLessThanOrEqual(kills);

      // Exchange: every issued document left exactly once, and the hub holds each exactly once.
      expect(exchange.issued.length).toBeGreaterThan(0);
      expect(sendsStuck).toEqual([]);
      expect(sendsAnswered.filter((x) => !issuedIds.has(x.id!))).toEqual([]);
      expect(exchange.withoutOneRow).toEqual([]);
      expect(exchange.outbox.filter((r) => r.outgoing_id === null || !issuedIds.has(r.outgoing_id))).toEqual([]);
      expect(exchange.outboxStates).toEqual({ sent: exchange.outbox.length });
      expect(exchange.delivered).toBe(exchange.outbox.length);
      expect(exchange.duplicatesAtHub).toBe(0);
      expect(exchange.wrongReceipts).toBe(0);
      expect(exchange.hubDocuments).toBe(exchange.issued.length);
      expect(deliveryKills).toBeGreaterThan(0);
      expect(resendsOfStored).toBeGreaterThanOrEqual(deliveryKills);
    } finally {
      await db.end();
    }

    const audit = auditVerifyCli(database.url);
    process.stdout.write(`    audit:verify → ${audit.output}\n`);
    expect(audit.status).toBe(0);
  }, 600_000);

  /**
   * The exchange as the database and the hub see it: the issued test documents, their outbox messages, and
   * how many times the hub stored each message (by the outbox's idempotency key) and each document (by the
   * edXML DocumentId inside the stored bytes).
   */
  async function exchangeCounts(db: pg.Client) {
    const issued = (
      await db.query<{ id: string }>(
        `SELECT id FROM outgoing_documents WHERE organization_id = $1 AND status = 'issued' AND subject LIKE $2`,
        [hanoi.id, `${SEND_SUBJECT} %`],
      )
    ).rows;
    const outbox = (
      await db.query<{
        id: string;
        outgoing_id: string | null;
        status: string;
        attempts: number;
        axis_message_id: string | null;
      }>('SELECT id, outgoing_id, status, attempts, axis_message_id FROM exchange_outbox')
    ).rows;
    const outboxStates: Record<string, number> = {};
    for (const r of outbox) outboxStates[r.status] = (outboxStates[r.status] ?? 0) + 1;
    const rowsPerDocument = new Map<string, number>();
    for (const r of outbox)
      if (r.outgoing_id) rowsPerDocument.set(r.outgoing_id, (rowsPerDocument.get(r.outgoing_id) ?? 0) + 1);
    const withoutOneRow = issued.filter((d) => rowsPerDocument.get(d.id) !== 1).map((d) => d.id);

    const stored = hub.messages();
    const byKey = new Map<string, string[]>();
    const byDocumentId = new Map<string, number>();
    for (const m of stored) {
      byKey.set(m.idempotencyKey ?? '', [...(byKey.get(m.idempotencyKey ?? '') ?? []), m.id]);
      const parsed = parseEdxmlOrThrow(await hub.readBody(m.id));
      const documentId = parsed.kind === 'package' ? parsed.documentId : `status of ${parsed.responseFor.documentId}`;
      byDocumentId.set(documentId, (byDocumentId.get(documentId) ?? 0) + 1);
    }
    let duplicatesAtHub = 0;
    for (const ids of byKey.values()) duplicatesAtHub += ids.length - 1;
    for (const n of byDocumentId.values()) duplicatesAtHub += n - 1;
    // The key the outbox sends with on every try (outbox.service.ts); the receipt recorded must be the
    // hub's first (and only) message for it, even when a resend got it back.
    const atHub = (r: { id: string }) => byKey.get(`edugov-outbox-${r.id}`) ?? [];
    const delivered = outbox.filter((r) => atHub(r).length > 0).length;
    const wrongReceipts = outbox.filter((r) => r.status === 'sent' && atHub(r)[0] !== r.axis_message_id).length;
    return {
      issued,
      outbox,
      outboxStates,
      withoutOneRow,
      hubMessages: stored.length,
      hubDocuments: byDocumentId.size,
      delivered,
      duplicatesAtHub,
      wrongReceipts,
    };
  }
});
