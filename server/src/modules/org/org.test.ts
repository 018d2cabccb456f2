import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type Client, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

interface Org {
  id: string;
  name: string;
  identifier: string;
  kind: string;
  validFrom: string;
  validTo: string | null;
  predecessors: { id: string; name: string }[];
  successors: { id: string; name: string }[];
}
const list = async (c: Client, query: string) => {
  const res = await c.get(`/api/v1/organizations?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json<{ items: Org[]; total: number }>();
};

describe('organisations across the 1 July 2025 province merger', () => {
  it('returns the 63 former departments on 2025-06-30 and the 34 current ones on 2025-07-01', async () => {
    const before = await list(admin, 'kind=provincial_department&at=2025-06-30');
    const after = await list(admin, 'kind=provincial_department&at=2025-07-01');
    expect(before.total).toBe(63);
    expect(before.items).toHaveLength(63);
    expect(after.total).toBe(34);
    expect(before.items.map((o) => o.name)).toContain('Sở Giáo dục và Đào tạo Hà Giang');
    expect(after.items.map((o) => o.name)).not.toContain('Sở Giáo dục và Đào tạo Hà Giang');
  });

  it('lists the predecessors of each merged department, and the successor of each former one', async () => {
    const after = await list(admin, 'kind=provincial_department&at=2025-07-01');
    const merged = after.items.filter((o) => o.predecessors.length > 0);
    expect(merged).toHaveLength(23);
    const tuyenQuang = after.items.find((o) => o.name === 'Sở Giáo dục và Đào tạo Tuyên Quang')!;
    expect(tuyenQuang.predecessors.map((p) => p.name).sort()).toEqual([
      'Sở Giáo dục và Đào tạo Hà Giang',
      'Sở Giáo dục và Đào tạo Tuyên Quang',
    ]);
    const hcm = after.items.find((o) => o.name.endsWith('Thành phố Hồ Chí Minh'))!;
    expect(hcm.predecessors).toHaveLength(3);
    const before = await list(admin, 'kind=provincial_department&at=2025-06-30');
    const haGiang = before.items.find((o) => o.name === 'Sở Giáo dục và Đào tạo Hà Giang')!;
    expect(haGiang.validTo).toBe('2025-06-30');
    expect(haGiang.successors.map((s) => s.name)).toEqual(['Sở Giáo dục và Đào tạo Tuyên Quang']);
    // The 11 unchanged provinces keep one continuous department
    const haNoi = after.items.find((o) => o.name === 'Sở Giáo dục và Đào tạo Hà Nội')!;
    expect(before.items.some((o) => o.id === haNoi.id)).toBe(true);
  });

  it('finds organisations by name without diacritics', async () => {
    const found = await list(admin, 'q=so giao duc va dao tao ha noi&at=2026-01-01');
    expect(found.items.map((o) => o.name)).toContain('Sở Giáo dục và Đào tạo Hà Nội');
    const ministry = await list(admin, 'q=000.00.00.G03');
    expect(ministry.items[0]?.name).toBe('Bộ Giáo dục và Đào tạo');
  });

  it('records a future merger so history and the future are both correct, with one audit row', async () => {
    const at = await list(admin, 'kind=university&at=2026-11-27');
    const hue = at.items.find((o) => o.name === 'Đại học Huế')!;
    const daNang = at.items.find((o) => o.name === 'Đại học Đà Nẵng')!;
    const auditBefore = await countRows(t.db, 'audit_log');
    const res = await admin.post('/api/v1/organizations/reorganizations', {
      kind: 'merger',
      effectiveDate: '2027-01-01',
      predecessorIds: [hue.id, daNang.id],
      successors: [
        {
          identifier: '000.00.96.G03',
          name: 'Đại học Miền Trung',
          shortName: 'ĐH Miền Trung',
          abbreviation: 'ĐHMT',
          kind: 'university',
          parentId: hue.id === daNang.id ? null : (await list(admin, 'q=000.00.00.G03')).items[0]!.id,
        },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(await countRows(t.db, 'audit_log')).toBe(auditBefore + 1);
    const beforeMerger = (await list(admin, 'kind=university&at=2026-12-31')).items.map((o) => o.name);
    const afterMerger = await list(admin, 'kind=university&at=2027-01-01');
    expect(beforeMerger).toEqual(expect.arrayContaining(['Đại học Huế', 'Đại học Đà Nẵng']));
    expect(afterMerger.items.map((o) => o.name)).not.toContain('Đại học Huế');
    const successor = afterMerger.items.find((o) => o.name === 'Đại học Miền Trung')!;
    expect(successor.predecessors.map((p) => p.name).sort()).toEqual(['Đại học Huế', 'Đại học Đà Nẵng']);
  });

  it('rejects a malformed identifier and a non-administrator, changing nothing', async () => {
    const before = await countRows(t.db, 'organizations');
    const auditBefore = await countRows(t.db, 'audit_log');
    const body = {
      identifier: '00.00.00.G03',
      name: 'Trường thử',
      shortName: 'Trường thử',
      abbreviation: 'TT',
      kind: 'school',
      parentId: null,
      validFrom: '2026-01-01',
    };
    const bad = await admin.post('/api/v1/organizations', body);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('request.invalid');
    const specialist = await t.login('hn.chuyenvien');
    const forbidden = await specialist.post('/api/v1/organizations', { ...body, identifier: '000.01.01.H26' });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('auth.forbidden');
    expect(await countRows(t.db, 'organizations')).toBe(before);
    expect(await countRows(t.db, 'audit_log')).toBe(auditBefore + 1); // only hn.chuyenvien's login
  });

  it('refuses to put an organisation under one of its own descendants', async () => {
    const moet = (await list(admin, 'q=000.00.00.G03')).items[0]! as Org & { version: number };
    const hue = (await list(admin, 'kind=university&at=2026-06-01')).items.find((o) => o.name === 'Đại học Huế')!;
    const res = await admin.patch(`/api/v1/organizations/${moet.id}`, { version: moet.version, parentId: hue.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('org.invalid_parent');
  });

  it('refuses an identifier already used by another organisation in the same period', async () => {
    const res = await admin.post('/api/v1/organizations', {
      identifier: '000.00.00.G03',
      name: 'Bộ trùng mã',
      shortName: 'Bộ trùng mã',
      abbreviation: 'BTM',
      kind: 'ministry',
      parentId: null,
      validFrom: '2026-01-01',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('org.overlapping_identifier');
  });

  it('lets an organisation administrator add units to their own organisation only, with version checks', async () => {
    const hnAdmin = await t.login('hn.quantri');
    const unit = await hnAdmin.post(`/api/v1/organizations/${hnAdmin.me.organizationId}/units`, {
      name: 'Phòng Giáo dục thường xuyên',
      abbreviation: 'GDTX',
      kind: 'division',
      validFrom: '2026-01-01',
    });
    expect(unit.statusCode).toBe(201);
    const moet = (await list(admin, 'q=000.00.00.G03')).items[0]!;
    const elsewhere = await hnAdmin.post(`/api/v1/organizations/${moet.id}/units`, {
      name: 'Vụ lạ',
      abbreviation: 'VL',
      kind: 'department',
      validFrom: '2026-01-01',
    });
    expect(elsewhere.statusCode).toBe(403);
    const id = unit.json().id;
    const first = await hnAdmin.patch(`/api/v1/units/${id}`, {
      version: 1,
      name: 'Phòng GDTX và Giáo dục nghề nghiệp',
    });
    expect(first.statusCode).toBe(200);
    const stale = await hnAdmin.patch(`/api/v1/units/${id}`, { version: 1, name: 'Tên khác' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('record.conflict');
  });
});
