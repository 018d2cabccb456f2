/**
 * [OUTGOING SEARCH] An issued document is found by its số, ký hiệu — whole ('05/QĐ-BGDĐT'), in part ('05/QĐ',
 * '05'), without diacritics ('qd-bgddt') — as well as by the words of its subject, like incoming documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { takeStep, writeDraft } from './drafts.fixtures.ts';

let t: TestApp;
let specialist: Client, head: Client, clerk: Client, leader: Client;

beforeAll(async () => {
  t = await createTestApp();
  [specialist, head, clerk, leader] = (await Promise.all(
    ['bgd.chuyenvien', 'bgd.truongvu', 'bgd.vanthu', 'bgd.lanhdao'].map((u) => t.login(u)),
  )) as [Client, Client, Client, Client];
});
afterAll(() => t.close());

const found = async (q: string) =>
  (
    (await clerk.get(`/api/v1/outgoing-documents?limit=200&q=${encodeURIComponent(q)}`)).json().items as {
      id: string;
    }[]
  ).map((d) => d.id);

describe('[OUTGOING SEARCH] by number', () => {
  it('finds the issued decision by its full number, by part of it and without diacritics', async () => {
    const draft = await writeDraft(specialist, {
      docType: 'decision',
      subject: 'Quyết định công nhận trường đạt chuẩn quốc gia',
      body: 'Điều 1. Công nhận trường đạt chuẩn quốc gia.',
      recipients: { internal: [], external: ['Các trường được công nhận'] },
    });
    await takeStep(specialist, draft.id, 'submit', {});
    await takeStep(head, draft.id, 'approve', {});
    await takeStep(clerk, draft.id, 'approve', {});
    await takeStep(leader, draft.id, 'approve', {});
    // An unissued draft has no number to find.
    const other = await writeDraft(specialist, { subject: 'V/v chuẩn bị năm học mới' });
    expect((await clerk.post(`/api/v1/outgoing-documents/${draft.id}/issue`, {})).statusCode).toBe(200);
    const fullNumber = (await clerk.get(`/api/v1/outgoing-documents/${draft.id}`)).json().fullNumber as string;
    expect(fullNumber).toMatch(/^\d{2,}\/QĐ-BGDĐT$/);
    const [number] = fullNumber.split('/') as [string];

    for (const q of [fullNumber, `${number}/QĐ`, number, `${number}/qd-bgddt`, 'QĐ-BGDĐT', 'chuẩn quốc gia']) {
      expect(await found(q), q).toContain(draft.id);
    }
    expect(await found(fullNumber)).not.toContain(other.id);
    expect(await found(`${Number(number) + 1}/QĐ-BGDĐT`)).not.toContain(draft.id);
  });
});
