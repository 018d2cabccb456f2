/** Test helpers for outgoing drafts: a Công văn body with sensible defaults, and driving a draft through its steps. */
import type { Db } from '../../../../platform/db/schema.ts';
import type { Client } from '../../../../test/test-app.ts';

export async function organizationId(db: Db, seedKey: string): Promise<string> {
  return (await db.selectFrom('organizations').select('id').where('seed_key', '=', seedKey).executeTakeFirstOrThrow())
    .id;
}

export function draftBody(overrides: Record<string, unknown> = {}) {
  return {
    docType: 'official_letter',
    subject: 'V/v hướng dẫn thực hiện nhiệm vụ giáo dục phổ thông năm học 2026-2027',
    body: [
      'Kính gửi: Các Sở Giáo dục và Đào tạo',
      'Thực hiện Chỉ thị về nhiệm vụ năm học 2026-2027, Bộ Giáo dục và Đào tạo hướng dẫn như sau:',
      '1. Tổ chức dạy học theo chương trình giáo dục phổ thông 2018.',
      '2. Báo cáo kết quả thực hiện trước ngày 15/12/2026.',
    ].join('\n'),
    urgency: 'normal',
    confidentiality: 'normal',
    ...overrides,
  };
}

/** Writes a draft as the given person and returns its detail. */
export async function writeDraft(author: Client, overrides: Record<string, unknown> = {}) {
  const res = await author.post('/api/v1/outgoing-documents', draftBody(overrides));
  if (res.statusCode !== 201) throw new Error(`draft failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Takes a step that must succeed and returns the new detail. */
export async function takeStep(client: Client, id: string, step: string, body: unknown = {}) {
  const res = await client.post(`/api/v1/outgoing-documents/${id}/${step}`, body);
  if (res.statusCode !== 200) throw new Error(`${step}: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function noticesOf(client: Client) {
  return (await client.get('/api/v1/notifications?limit=100')).json().items as {
    kind: string;
    link: string;
    title: { vi: string; en: string };
    body: { vi: string; en: string } | null;
  }[];
}
