/**
 * E-mail copies of notifications, sent by a background job to SMTP_URL from MAIL_FROM. Without SMTP_URL the
 * job does not exist and `notify` enqueues nothing. The SMTP password never reaches a log or a job's error.
 */
import type { Selectable } from 'kysely';
import nodemailer from 'nodemailer';
import type { Config } from '../../platform/config.ts';
import { defineJob } from '../../platform/jobs/jobs.ts';
import { findUserEmails } from '../identity/index.ts';
import { findNotificationById } from './notifications.repository.ts';
import type { NotificationsTable } from './notifications.tables.ts';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Subject: the Vietnamese title; body: Vietnamese, then English, each with the link into the app. */
export function composeMail(
  n: Selectable<NotificationsTable>,
  to: string,
  config: Pick<Config, 'publicUrl'>,
): MailMessage {
  const url = `${config.publicUrl}${n.link}`;
  const part = (title: string, body: string | null, open: string) =>
    [title, ...(body ? ['', body] : []), '', `${open}: ${url}`].join('\n');
  return {
    to,
    subject: n.title_vi,
    text: [
      part(n.title_vi, n.body_vi, 'Xem chi tiết'),
      '',
      '— — —',
      '',
      part(n.title_en, n.body_en, 'Open'),
      '',
      '--',
      'Thư gửi tự động từ EduGov, vui lòng không trả lời. / Sent automatically by EduGov; please do not reply.',
    ].join('\n'),
  };
}

/** Sends one message; errors are rethrown without the SMTP password. */
export async function sendMail(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, message: MailMessage): Promise<void> {
  if (!config.smtpUrl) throw new Error('SMTP_URL is not set');
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  try {
    await transport.sendMail({ from: config.mailFrom, ...message });
  } catch (error) {
    // eslint-disable-next-line preserve-caught-error -- the original error is not kept: it may carry the SMTP URL
    throw new Error(`SMTP: ${redact(error instanceof Error ? error.message : String(error), config.smtpUrl)}`);
  } finally {
    transport.close();
  }
}

function redact(text: string, smtpUrl: string): string {
  const { password } = new URL(smtpUrl);
  let out = text.replaceAll(smtpUrl, '[SMTP_URL]');
  if (password) {
    out = out.replaceAll(password, '***');
    try {
      out = out.replaceAll(decodeURIComponent(password), '***');
    } catch {
      // a malformed escape: the raw form is already hidden
    }
  }
  return out;
}

export const sendEmailJob = defineJob<{ notificationId: string }>({
  name: 'notifications.send_email',
  retryLimit: 5,
  retryDelaySeconds: 60,
  retryBackoff: true,
  enabled: (config) => config.smtpUrl !== undefined,
  handler: async ({ notificationId }, { db, config, logger }) => {
    const notification = await findNotificationById(db, notificationId);
    if (!notification) return;
    // The address in force now: the person may have changed it, or been disabled, since.
    const to = (await findUserEmails(db, [notification.user_id])).get(notification.user_id);
    if (!to) {
      logger.info({ notificationId }, 'no e-mail address: notification e-mail skipped');
      return;
    }
    await sendMail(config, composeMail(notification, to, config));
  },
});
