/**
 * [SECURITY] Concurrency (ASVS V1.11, V11.1): 100 parallel number requests on one outgoing series get
 * 1..100 — consecutive, no duplicates, no gaps, each number audited once; two edits of one record sent
 * at the same time with the same version: one wins (200), the other gets 409 and changes nothing.
 * Runs on both engines (PGlite serialises on its one connection; PostgreSQL relies on the row locks).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDraft } from '../../modules/documents/outgoing/drafts/drafts.fixtures.ts';
import { createTestApp, type Client, type TestApp } from '../test-app.ts';
import { report } from './security-kit.ts';

let t: TestApp;
let clerk: Client;
beforeAll(async () => {
  t = await createTestApp();
  clerk = await t.login('hn.vanthu');
}, 240_000);
afterAll(() => t.close());

describe('numbering under load', () => {
  it('gives 100 parallel number requests on one series the numbers 1..100', async () => {
    const book = await clerk.post('/api/v1/registers', {
      direction: 'outgoing',
      name: 'Sổ văn bản đi — kiểm thử đồng thời',
      confidential: false,
    });
    expect(book.statusCode, book.body).toBe(201);
    const registerId = book.json().id as string;
    const clients = await Promise.all(Array.from({ length: 4 }, () => t.login('hn.vanthu')));
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        clients[i % clients.length]!.post(`/api/v1/registers/${registerId}/issue-number`, {
          docType: 'decision',
          confidentiality: 'normal',
          subject: `Quyết định số thứ tự ${i}`,
        }),
      ),
    );
    const failed = results.filter((r) => r.statusCode !== 201).map((r) => `${r.statusCode} ${r.body.slice(0, 200)}`);
    expect(failed).toEqual([]);
    const numbers = results.map((r) => r.json().number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const stored = await t.db
      .selectFrom('issued_numbers')
      .select('number')
      .where('register_id', '=', registerId)
      .orderBy('number')
      .execute();
    expect(stored.map((r) => r.number)).toEqual(numbers);
    const audited = await t.db
      .selectFrom('audit_log')
      .select('target_id')
      .where(
        'target_id',
        'in',
        results.map((r) => r.json().id as string),
      )
      .execute();
    expect(new Set(audited.map((a) => a.target_id)).size).toBe(100);
    report(
      `concurrency: 100 parallel number requests on ${t.database.url ? 'postgresql' : 'pglite'} → ` +
        `${new Set(numbers).size} distinct, ${numbers[0]}..${numbers[99]}, 0 gaps, ${Date.now() - started} ms`,
    );
  }, 240_000);
});

describe('concurrent edits of one record', () => {
  it('lets one of two edits of a draft with the same version win; the other gets 409 and changes nothing', async () => {
    const author = await t.login('hn.chuyenvien');
    const laptop = await t.login('hn.chuyenvien');
    const draft = await writeDraft(author, { subject: 'V/v kế hoạch kiểm tra cuối kỳ' });
    const [a, b] = await Promise.all([
      author.patch(`/api/v1/outgoing-documents/${draft.id}`, { version: draft.version, subject: 'Bản của máy bàn' }),
      laptop.patch(`/api/v1/outgoing-documents/${draft.id}`, {
        version: draft.version,
        subject: 'Bản của máy xách tay',
      }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses, `${a.body} ${b.body}`).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    const winner = a.statusCode === 200 ? a : b;
    expect(loser.json().error.code).toBe('record.conflict');
    const now = await author.get(`/api/v1/outgoing-documents/${draft.id}`);
    expect(now.json().subject).toBe(winner.json().subject);
    expect(now.json().version).toBe(draft.version + 1);
  });

  it('does the same for an organisation unit edited by two administrators at once', async () => {
    const [x, y] = await Promise.all([t.login('hn.quantri'), t.login('admin')]);
    const units = await x.get(`/api/v1/organizations/${x.me.organizationId}/units`);
    const unit = units.json().items.find((u: { abbreviation: string }) => u.abbreviation === 'KHTC');
    const [a, b] = await Promise.all([
      x.patch(`/api/v1/units/${unit.id}`, { version: unit.version, name: 'Phòng Kế hoạch - Tài chính (A)' }),
      y.patch(`/api/v1/units/${unit.id}`, { version: unit.version, name: 'Phòng Kế hoạch - Tài chính (B)' }),
    ]);
    expect([a.statusCode, b.statusCode].sort(), `${a.body} ${b.body}`).toEqual([200, 409]);
  });
});
