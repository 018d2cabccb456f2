import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/test-app.ts';
import { notify, type Notice } from './index.ts';
import { sendEmailJob } from './notifications.mail.ts';
import { startSmtpServer, type TestSmtpServer } from '../../test/smtp.ts';

const SMTP_PASSWORD = 'mật-khẩu SMTP/bí mật';
let smtp: TestSmtpServer;
let t: TestApp;
let leader: Client;

beforeAll(async () => {
  smtp = await startSmtpServer('edugov', SMTP_PASSWORD);
  t = await createTestApp({
    config: {
      smtpUrl: `smtp://edugov:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${smtp.port}`,
      mailFrom: 'EduGov Hà Nội <no-reply@hanoi.edu.vn>',
      publicUrl: 'https://edugov.hanoi.edu.vn',
    },
  });
  leader = await t.login('hn.lanhdao');
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const notice = (title: string, more: Partial<Notice> = {}): Notice => ({
  userId: leader.me.user.id,
  organizationId: leader.me.organizationId,
  kind: 'incoming.assigned',
  title: { vi: title, en: 'Incoming document 27/UBND assigned to you' },
  body: { vi: 'Hạn xử lý: 05/12/2026', en: 'Due 05/12/2026' },
  link: '/e-office/incoming/00000000-0000-4000-8000-000000000027',
  ...more,
});

const emailJobs = async () =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${sendEmailJob.name}`.execute(t.db))
    .rows[0]!.n;

describe('notification e-mails', () => {
  it('e-mails the recipient in Vietnamese then English, with the link into the app', async () => {
    const title = 'Văn bản đến số 27/UBND được giao cho đồng chí xử lý';
    await t.db.transaction().execute((trx) => notify(trx, t.jobs, [notice(title)]));
    await vi.waitFor(() => expect(smtp.messages).toHaveLength(1), { timeout: 20_000, interval: 200 });
    const [mail] = smtp.messages;
    expect(mail!.to).toEqual(['hn.lanhdao@demo.edugov.vn']);
    expect(mail!.from).toBe('no-reply@hanoi.edu.vn');
    expect(mail!.subject).toBe(title);
    const link = 'https://edugov.hanoi.edu.vn/e-office/incoming/00000000-0000-4000-8000-000000000027';
    expect(mail!.text).toContain(`${title}\n\nHạn xử lý: 05/12/2026\n\nXem chi tiết: ${link}`);
    expect(mail!.text).toContain(`Incoming document 27/UBND assigned to you\n\nDue 05/12/2026\n\nOpen: ${link}`);
    expect(mail!.text.indexOf('Xem chi tiết')).toBeLessThan(mail!.text.indexOf('Open:'));
  });

  it('enqueues nothing and sends nothing when the transaction rolls back, or when e-mail is not wanted', async () => {
    const jobsBefore = await emailJobs();
    const sentBefore = smtp.messages.length;
    await expect(
      t.db.transaction().execute(async (trx) => {
        await notify(trx, t.jobs, [notice('Thư không được gửi')]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await t.db.transaction().execute((trx) => notify(trx, t.jobs, [notice('Chỉ báo trên chuông', { email: false })]));
    // A later e-mail is delivered: the queue is working, so the two above would have been sent by now.
    await t.db.transaction().execute((trx) => notify(trx, t.jobs, [notice('Thư thứ hai')]));
    await vi.waitFor(() => expect(smtp.messages.length).toBe(sentBefore + 1), { timeout: 20_000, interval: 200 });
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.messages.map((m) => m.subject).slice(sentBefore)).toEqual(['Thư thứ hai']);
    expect(await emailJobs()).toBe(jobsBefore + 1);
  });

  it('sends nothing to a person without an e-mail address', async () => {
    await t.db.updateTable('users').set({ email: null }).where('id', '=', leader.me.user.id).execute();
    const jobsBefore = await emailJobs();
    await t.db.transaction().execute((trx) => notify(trx, t.jobs, [notice('Không có địa chỉ thư')]));
    expect(await emailJobs()).toBe(jobsBefore);
    expect((await leader.get('/api/v1/notifications/unread-count')).json().count).toBeGreaterThan(0);
  });
});
