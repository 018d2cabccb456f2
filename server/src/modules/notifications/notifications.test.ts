import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/test-app.ts';
import { notify, type Notice } from './index.ts';
import { sendEmailJob } from './notifications.mail.ts';
import { openEventStream, type SseStream } from './notifications.testing.ts';

let t: TestApp;
let base: string;
let specialist: Client;
let clerk: Client;
const streams: SseStream[] = [];

beforeAll(async () => {
  t = await createTestApp(); // SMTP_URL unset: e-mail is off
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = address;
  specialist = await t.login('hn.chuyenvien');
  clerk = await t.login('hn.vanthu');
});
// Streams left open must not keep the server from closing.
afterAll(() => t.close());

const notice = (to: Client, title: string, more: Partial<Notice> = {}): Notice => ({
  userId: to.me.user.id,
  organizationId: to.me.organizationId,
  kind: 'incoming.assigned',
  title: { vi: title, en: `EN ${title}` },
  body: { vi: 'Hạn xử lý: 05/12/2026', en: 'Due 05/12/2026' },
  link: '/e-office/incoming/00000000-0000-4000-8000-000000000001',
  ...more,
});

const commit = (notices: Notice[]) => t.db.transaction().execute((trx) => notify(trx, t.jobs, notices));

async function stream(client: Client): Promise<SseStream> {
  const s = await openEventStream(`${base}/api/v1/notifications/stream`, client.cookie);
  streams.push(s);
  expect(s.status).toBe(200);
  await s.next('ready'); // listening from here on
  return s;
}

const titles = async (client: Client, query = '') =>
  (await client.get(`/api/v1/notifications${query}`)).json().items.map((n: { title: { vi: string } }) => n.title.vi);

describe('notifications', () => {
  it('leaves no row and no live event when the transaction rolls back', async () => {
    const live = await stream(specialist);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await notify(trx, t.jobs, [notice(specialist, 'Văn bản bị hủy giao')]);
        throw new Error('the use case failed');
      }),
    ).rejects.toThrow('the use case failed');
    await commit([notice(specialist, 'Văn bản số 12/SGDĐT được giao cho bạn')]);

    const first = JSON.parse((await live.next('notification')).data);
    expect(first.title.vi).toBe('Văn bản số 12/SGDĐT được giao cho bạn');
    expect(live.events.filter((e) => e.event === 'notification')).toHaveLength(1);
    expect(await titles(specialist)).toEqual(['Văn bản số 12/SGDĐT được giao cho bạn']);
    live.close();
  });

  it('shows a committed notice in the list and the unread count of its recipient only', async () => {
    const before = (await specialist.get('/api/v1/notifications/unread-count')).json().count;
    await commit([notice(specialist, 'Nhắc hạn xử lý văn bản 15/BGDĐT')]);
    expect((await specialist.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: before + 1 });
    const [latest] = (await specialist.get('/api/v1/notifications')).json().items;
    expect(latest).toMatchObject({
      kind: 'incoming.assigned',
      title: { vi: 'Nhắc hạn xử lý văn bản 15/BGDĐT', en: 'EN Nhắc hạn xử lý văn bản 15/BGDĐT' },
      body: { vi: 'Hạn xử lý: 05/12/2026', en: 'Due 05/12/2026' },
      link: '/e-office/incoming/00000000-0000-4000-8000-000000000001',
      organizationId: specialist.me.organizationId,
      readAt: null,
    });
    expect(await titles(clerk)).toEqual([]);
    expect((await clerk.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 0 });
  });

  it('pushes a notice live to the streams of its recipient, never to anyone else', async () => {
    const mine = await stream(specialist);
    const mineAgain = await stream(specialist); // a second tab
    const theirs = await stream(clerk);
    expect(mine.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(mine.headers['content-encoding']).toBeUndefined();

    await commit([notice(specialist, 'Có văn bản đến mới'), notice(clerk, 'Văn bản chờ vào sổ')]);
    const got = JSON.parse((await mine.next('notification')).data);
    expect(got).toMatchObject({ title: { vi: 'Có văn bản đến mới' }, readAt: null });
    expect(JSON.parse((await mineAgain.next('notification')).data).id).toBe(got.id);
    expect(JSON.parse((await theirs.next('notification')).data).title.vi).toBe('Văn bản chờ vào sổ');

    await commit([notice(clerk, 'Văn bản thứ hai của văn thư')]);
    await theirs.next('notification', theirs.events.findIndex((e) => e.event === 'notification') + 1);
    await new Promise((r) => setTimeout(r, 300));
    const seen = (s: SseStream) =>
      s.events.filter((e) => e.event === 'notification').map((e) => JSON.parse(e.data).title.vi);
    expect(seen(mine)).toEqual(['Có văn bản đến mới']);
    expect(seen(mineAgain)).toEqual(['Có văn bản đến mới']);
    expect(seen(theirs)).toEqual(['Văn bản chờ vào sổ', 'Văn bản thứ hai của văn thư']);
  });

  it('ends the stream of a session that has logged out, and delivers nothing more to it', async () => {
    const tab = await t.login('hn.chuyenvien');
    const live = await stream(tab);
    await live.next('ready');
    expect((await tab.post('/api/auth/logout')).statusCode).toBeLessThan(300);
    await commit([notice(tab, 'Sau khi đăng xuất')]);
    await live.ended;
    expect(live.events.filter((e) => e.event === 'notification')).toEqual([]);
  });

  it('refuses the stream without a session', async () => {
    const anonymous = await openEventStream(`${base}/api/v1/notifications/stream`);
    streams.push(anonymous);
    expect(anonymous.status).toBe(401);
  });

  it('marks one read, only one’s own, then all', async () => {
    const [id] = await commit([notice(specialist, 'Đọc tôi'), notice(specialist, 'Và tôi nữa')]);
    const count = async () => (await specialist.get('/api/v1/notifications/unread-count')).json().count as number;
    const unread = await count();

    expect((await clerk.post(`/api/v1/notifications/${id}/read`)).statusCode).toBe(404);
    expect(await count()).toBe(unread);

    const read = await specialist.post(`/api/v1/notifications/${id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toEqual(expect.any(String));
    expect(await count()).toBe(unread - 1);
    expect(await titles(specialist, '?unreadOnly=true')).not.toContain('Đọc tôi');
    expect(await titles(specialist)).toContain('Đọc tôi');
    // Reading again keeps the first reading time.
    expect((await specialist.post(`/api/v1/notifications/${id}/read`)).json().readAt).toBe(read.json().readAt);

    const clerkUnread = (await clerk.get('/api/v1/notifications/unread-count')).json().count;
    expect((await specialist.post('/api/v1/notifications/read-all')).json()).toEqual({ updated: unread - 1 });
    expect(await count()).toBe(0);
    expect((await clerk.get('/api/v1/notifications/unread-count')).json().count).toBe(clerkUnread);
  });

  it('pages newest first, including notices created in one transaction', async () => {
    const lanhdao = await t.login('hn.lanhdao');
    await commit(['Một', 'Hai', 'Ba', 'Bốn', 'Năm'].map((title) => notice(lanhdao, title)));
    const page1 = (await lanhdao.get('/api/v1/notifications?limit=2')).json();
    const page2 = (await lanhdao.get(`/api/v1/notifications?limit=2&before=${page1.nextBefore}`)).json();
    const page3 = (await lanhdao.get(`/api/v1/notifications?limit=2&before=${page2.nextBefore}`)).json();
    const all = [...page1.items, ...page2.items, ...page3.items].map((n: { title: { vi: string } }) => n.title.vi);
    expect(all.sort()).toEqual(['Ba', 'Bốn', 'Hai', 'Một', 'Năm']);
    expect(page3.items).toHaveLength(1);
    expect(page3.nextBefore).toBeNull();
  });

  it('sends no e-mail and enqueues no job while SMTP_URL is unset', async () => {
    expect(t.jobs.isEnabled(sendEmailJob)).toBe(false);
    await commit([notice(specialist, 'Không gửi thư')]);
    const jobs = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${sendEmailJob.name}`
      .execute(t.db)
      .then((r) => r.rows[0]!.n);
    expect(jobs).toBe(0);
  });

  it('refuses links that leave the app', async () => {
    await expect(commit([notice(specialist, 'x', { link: 'https://evil.example/' })])).rejects.toThrow();
    await expect(commit([notice(specialist, 'x', { link: '//evil.example/' })])).rejects.toThrow();
  });
});
