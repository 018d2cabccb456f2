/** [INCOMING] The demo work seeded for `npm start`: documents at each step, made by the real use cases, once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { seedDemoIncoming } from './incoming.demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('[INCOMING] demo data', () => {
  it('puts documents at each step in the Hà Nội inboxes, and only once', async () => {
    expect(await seedDemoIncoming(t)).toBe(5);
    expect(await seedDemoIncoming(t)).toBe(0);
    const clerk = await t.login('hn.vanthu');
    const all = (await clerk.get('/api/v1/incoming-documents?view=all')).json();
    expect(all.items.map((d: { status: string }) => d.status).sort()).toEqual(
      ['assigned', 'completed', 'in_progress', 'presented', 'registered'].sort(),
    );
    expect(all.items[0].urgency).toBe('flash');
    const director = await t.login('hn.lanhdao');
    expect((await director.get('/api/v1/incoming-documents/counts')).json().to_process.total).toBe(1);
    const specialist = await t.login('hn.chuyenvien');
    const mine = (await specialist.get('/api/v1/incoming-documents?view=to_process')).json().items;
    expect(mine).toHaveLength(1);
    const detail = (await specialist.get(`/api/v1/incoming-documents/${mine[0].id}`)).json();
    const pdf = await specialist.get(detail.files[0].url);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });
});
