/**
 * [INCOMING] Deadline reminders reach the assignee's mailbox: a real SMTP server receives the "due soon"
 * e-mail, in Vietnamese then English, with the link to the document.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../../../test/smtp.ts';
import { unitId } from '../../../test/factories.ts';
import { createTestApp, type Client, type TestApp } from '../../../test/test-app.ts';
import { registerIncoming } from './incoming.fixtures.ts';
import { sendDeadlineReminders } from './incoming.reminders.ts';

const SMTP_PASSWORD = 'Mat-khau-smtp-2026';
let smtp: TestSmtpServer;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtpServer('edugov', SMTP_PASSWORD);
  t = await createTestApp({
    config: {
      smtpUrl: `smtp://edugov:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${smtp.port}`,
      publicUrl: 'https://edugov.example.vn',
    },
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('[INCOMING] reminder e-mail', () => {
  it('e-mails the specialist when their deadline is one working day away', async () => {
    const [clerk, director, head, specialist] = (await Promise.all(
      ['hn.vanthu', 'hn.lanhdao', 'hn.truongphong', 'hn.chuyenvien'].map((u) => t.login(u)),
    )) as [Client, Client, Client, Client];
    const doc = await registerIncoming(clerk, { subject: 'Về việc rà soát số liệu học sinh' });
    await clerk.post(`/api/v1/incoming-documents/${doc.id}/present`, {});
    const directed = (
      await director.post(`/api/v1/incoming-documents/${doc.id}/direct`, {
        lead: { unitId: await unitId(t.db, 'so-ha-noi-gdpt') },
        workingDays: 1,
      })
    ).json();
    const unit = directed.assignments.find((a: { role: string }) => a.role === 'lead');
    await head.post(`/api/v1/incoming-documents/${doc.id}/assign`, {
      assignmentId: unit.id,
      leadUserId: specialist.me.user.id,
    });
    const before = smtp.messages.length;

    await sendDeadlineReminders(t);
    await vi.waitFor(
      () => expect(smtp.messages.filter((m) => m.subject === 'Văn bản sắp đến hạn xử lý').length).toBe(1),
      { timeout: 30_000, interval: 200 },
    );
    const mail = smtp.messages.slice(before).find((m) => m.subject === 'Văn bản sắp đến hạn xử lý')!;
    expect(mail.to).toEqual(['hn.chuyenvien@demo.edugov.vn']);
    expect(mail.text).toContain('Về việc rà soát số liệu học sinh');
    expect(mail.text).toContain(`https://edugov.example.vn/e-office/incoming/${doc.id}`);
    expect(mail.text.indexOf('Văn bản sắp đến hạn xử lý')).toBeLessThan(mail.text.indexOf('A document is due soon'));
  });
});
