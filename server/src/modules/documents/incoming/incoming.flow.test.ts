/**
 * [INCOMING] The handling of an incoming document, end to end through the API: the clerk presents it, the
 * director directs it to a unit with a deadline in working days, the unit head gives it to a specialist,
 * who comments, asks for more time (granted by whoever set that deadline) and completes it. Every step is
 * in the trail with who and when, the inbox views follow, and the people concerned are notified.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../calendar/index.ts';
import { countRows, createTestApp, type Client, type TestApp } from '../../../test/test-app.ts';
import { createPerson, unitId } from '../../../test/factories.ts';
import { registerIncoming, uploadPdf } from './incoming.fixtures.ts';

let t: TestApp;
let clerk: Client, director: Client, head: Client, specialist: Client;
let gdpt: string;

beforeAll(async () => {
  t = await createTestApp();
  [clerk, director, head, specialist] = (await Promise.all(
    ['hn.vanthu', 'hn.lanhdao', 'hn.truongphong', 'hn.chuyenvien'].map((u) => t.login(u)),
  )) as [Client, Client, Client, Client];
  gdpt = await unitId(t.db, 'so-ha-noi-gdpt');
});
afterAll(() => t.close());

const counts = async (c: Client) => (await c.get('/api/v1/incoming-documents/counts')).json();
const viewIds = async (c: Client, view: string) =>
  (await c.get(`/api/v1/incoming-documents?view=${view}&limit=200`)).json().items.map((d: { id: string }) => d.id);
const notices = async (c: Client) =>
  (await c.get('/api/v1/notifications?limit=50')).json().items as { kind: string; link: string }[];

describe('[INCOMING] clerk → director → unit head → specialist', () => {
  it('runs the whole handling with a full trail, views and notices', async () => {
    const doc = await registerIncoming(clerk, {
      urgency: 'urgent',
      subject: 'Về việc tổ chức thi học sinh giỏi cấp thành phố',
    });
    expect(doc.actions).toEqual(['present']);
    expect(await viewIds(clerk, 'to_process')).toContain(doc.id);
    // Nobody else sees it before it is presented … except the director, who sees everything of the organisation.
    expect((await specialist.get(`/api/v1/incoming-documents/${doc.id}`)).statusCode).toBe(404);
    expect((await head.get(`/api/v1/incoming-documents/${doc.id}`)).statusCode).toBe(404);

    const presented = await clerk.post(`/api/v1/incoming-documents/${doc.id}/present`, {
      leaderId: director.me.user.id,
    });
    expect(presented.statusCode, presented.body).toBe(200);
    expect(presented.json().status).toBe('presented');
    expect(await viewIds(director, 'to_process')).toContain(doc.id);
    expect((await counts(director)).to_process.unread).toBeGreaterThanOrEqual(1);
    expect((await notices(director)).some((n) => n.kind === 'incoming.presented' && n.link.endsWith(doc.id))).toBe(
      true,
    );

    const opened = (await director.get(`/api/v1/incoming-documents/${doc.id}`)).json();
    expect(opened.unread).toBe(false);
    // Opening it again while nothing happened to it writes nothing (a detail view is a plain read).
    const readAt = async () =>
      (
        await t.db
          .selectFrom('incoming_reads')
          .select('read_at')
          .where('document_id', '=', doc.id)
          .where('user_id', '=', director.me.user.id)
          .executeTakeFirstOrThrow()
      ).read_at;
    const firstRead = await readAt();
    expect((await director.get(`/api/v1/incoming-documents/${doc.id}`)).json().unread).toBe(false);
    expect(await readAt()).toEqual(firstRead);
    expect(opened.actions).toEqual(expect.arrayContaining(['direct', 'comment', 'close']));

    const directed = await director.post(`/api/v1/incoming-documents/${doc.id}/direct`, {
      lead: { unitId: gdpt },
      infos: [{ userId: clerk.me.user.id }],
      workingDays: 5,
      instructions: 'Phòng GDPT chủ trì tham mưu kế hoạch tổ chức thi.',
    });
    expect(directed.statusCode, directed.body).toBe(200);
    const expectedDue = (await addWorkingDays(t.db, new Date(), 5)).dueDate;
    expect(directed.json()).toMatchObject({ status: 'assigned', dueDate: expectedDue });
    const unitAssignment = directed
      .json()
      .assignments.find((a: { role: string; status: string }) => a.role === 'lead' && a.status === 'active');
    expect(unitAssignment).toMatchObject({ unitId: gdpt, deadline: expectedDue });
    expect(await viewIds(head, 'to_process')).toContain(doc.id);
    expect(await viewIds(clerk, 'for_info')).toContain(doc.id);
    const clerkNotices = (await notices(clerk)).filter((n) => n.link.endsWith(doc.id)).map((n) => n.kind);
    expect(clerkNotices).toContain('incoming.for_info');
    expect(clerkNotices).not.toContain('incoming.assigned');
    // Those informed follow it; they do not handle it.
    expect((await clerk.post(`/api/v1/incoming-documents/${doc.id}/comment`, { note: 'Ý kiến' })).statusCode).toBe(403);
    expect((await notices(head)).some((n) => n.kind === 'incoming.assigned')).toBe(true);
    // The specialist still cannot see it: it is the unit's until the head hands it on.
    expect((await specialist.get(`/api/v1/incoming-documents/${doc.id}`)).statusCode).toBe(404);

    const assigned = await head.post(`/api/v1/incoming-documents/${doc.id}/assign`, {
      assignmentId: unitAssignment.id,
      leadUserId: specialist.me.user.id,
      instructions: 'Đồng chí dự thảo kế hoạch, trình trước hạn.',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().status).toBe('in_progress');
    expect(await viewIds(head, 'to_process')).not.toContain(doc.id);
    expect(await viewIds(head, 'in_progress')).toContain(doc.id);
    expect(await viewIds(specialist, 'to_process')).toContain(doc.id);
    expect((await notices(specialist)).some((n) => n.kind === 'incoming.assigned' && n.link.endsWith(doc.id))).toBe(
      true,
    );

    const draft = await uploadPdf(specialist, 'Dự thảo kế hoạch.pdf');
    const commented = await specialist.post(`/api/v1/incoming-documents/${doc.id}/comment`, {
      note: 'Đã dự thảo kế hoạch, xin ý kiến trưởng phòng.',
      fileIds: [draft],
    });
    expect(commented.statusCode, commented.body).toBe(200);
    expect(commented.json().files.map((f: { kind: string; name: string }) => [f.kind, f.name])).toContainEqual([
      'draft',
      'Dự thảo kế hoạch.pdf',
    ]);
    expect(await viewIds(specialist, 'in_progress')).toContain(doc.id);

    const later = (await addWorkingDays(t.db, new Date(), 4)).dueDate;
    const tooLate = (await addWorkingDays(t.db, new Date(), 9)).dueDate;
    // Beyond the unit's own deadline, the unit head cannot grant it.
    const asked = await specialist.post(`/api/v1/incoming-documents/${doc.id}/request-extension`, {
      requestedDeadline: tooLate,
      reason: 'Chờ số liệu từ các trường.',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const pending = asked.json().extensions[0];
    expect(pending.status).toBe('pending');
    expect((await notices(head)).some((n) => n.kind === 'incoming.extension_requested')).toBe(true);
    const refusedByDirector = await director.post(`/api/v1/incoming-documents/${doc.id}/decide-extension`, {
      extensionId: pending.id,
      approve: true,
    });
    expect(refusedByDirector.statusCode).toBe(403);
    const beyond = await head.post(`/api/v1/incoming-documents/${doc.id}/decide-extension`, {
      extensionId: pending.id,
      approve: true,
    });
    expect(beyond.json().error.code).toBe('documents.invalid_deadline');
    const refused = await head.post(`/api/v1/incoming-documents/${doc.id}/decide-extension`, {
      extensionId: pending.id,
      approve: false,
      note: 'Không quá hạn của phòng.',
    });
    expect(refused.json().extensions[0].status).toBe('refused');

    const asked2 = await specialist.post(`/api/v1/incoming-documents/${doc.id}/request-extension`, {
      requestedDeadline: later > expectedDue ? expectedDue : later,
      reason: 'Xin thêm thời gian',
    });
    // The request must be later than the current deadline (the unit's deadline): 4 working days is earlier.
    expect(asked2.json().error.code).toBe('documents.invalid_deadline');

    const completed = await specialist.post(`/api/v1/incoming-documents/${doc.id}/complete`, {
      note: 'Đã trình kế hoạch tổ chức thi.',
      answeredBy: '123/SGDĐT-GDPT',
    });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json()).toMatchObject({ status: 'completed', actions: [] });
    expect(completed.json().assignments.filter((a: { status: string }) => a.status === 'active')).toEqual([]);
    expect(await viewIds(specialist, 'done')).toContain(doc.id);
    expect(await viewIds(director, 'done')).toContain(doc.id);
    expect((await notices(director)).some((n) => n.kind === 'incoming.completed')).toBe(true);

    const trail = completed.json().trail as {
      action: string;
      actorName: string;
      occurredAt: string;
      note: string | null;
    }[];
    expect(trail.map((e) => [e.action, e.actorName])).toEqual([
      ['registered', 'Ngô Thị Mai'],
      ['presented', 'Ngô Thị Mai'],
      ['directed', expect.any(String)],
      ['assigned', expect.any(String)],
      ['commented', expect.any(String)],
      ['extension_requested', expect.any(String)],
      ['extension_refused', expect.any(String)],
      ['completed', expect.any(String)],
    ]);
    expect(new Set(trail.slice(2).map((e) => e.actorName)).size).toBe(3);
    for (const e of trail) expect(Date.parse(e.occurredAt)).not.toBeNaN();
    expect(trail[2]!.note).toBe('Phòng GDPT chủ trì tham mưu kế hoạch tổ chức thi.');

    // A finished document takes no more steps: 409 with a code.
    const again = await specialist.post(`/api/v1/incoming-documents/${doc.id}/complete`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('documents.invalid_state');

    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', doc.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'documents.incoming_registered',
      'documents.incoming_presented',
      'documents.incoming_directed',
      'documents.incoming_assigned',
      'documents.incoming_commented',
      'documents.incoming_extension_requested',
      'documents.incoming_extension_refused',
      'documents.incoming_completed',
    ]);
  });

  it('lets the head recall and re-assign, the specialist hand it back, and the director re-direct or close', async () => {
    const doc = await registerIncoming(clerk);
    await clerk.post(`/api/v1/incoming-documents/${doc.id}/present`, {});
    const directed = (
      await director.post(`/api/v1/incoming-documents/${doc.id}/direct`, { lead: { unitId: gdpt }, workingDays: 3 })
    ).json();
    const unitAssignment = directed.assignments.find((a: { role: string }) => a.role === 'lead');
    await head.post(`/api/v1/incoming-documents/${doc.id}/assign`, {
      assignmentId: unitAssignment.id,
      leadUserId: specialist.me.user.id,
    });

    const recalled = await head.post(`/api/v1/incoming-documents/${doc.id}/recall`, { note: 'Giao lại' });
    expect(recalled.json().status).toBe('assigned');
    expect((await specialist.get(`/api/v1/incoming-documents/${doc.id}`)).statusCode).toBe(404); // recalled: no longer theirs

    await head.post(`/api/v1/incoming-documents/${doc.id}/assign`, {
      assignmentId: unitAssignment.id,
      leadUserId: specialist.me.user.id,
    });
    const handedBack = await specialist.post(`/api/v1/incoming-documents/${doc.id}/return`, {
      note: 'Không thuộc chức năng của tôi',
    });
    expect(handedBack.json().status).toBe('assigned');
    expect(await viewIds(head, 'to_process')).toContain(doc.id);

    const unitReturned = await head.post(`/api/v1/incoming-documents/${doc.id}/return`, {
      note: 'Đề nghị giao Phòng KHTC',
    });
    expect(unitReturned.json()).toMatchObject({ status: 'presented', dueDate: null });
    expect(await viewIds(director, 'to_process')).toContain(doc.id);

    const closed = await director.post(`/api/v1/incoming-documents/${doc.id}/close`, {
      note: 'Lưu hồ sơ, không cần xử lý',
    });
    expect(closed.json().status).toBe('closed');
    expect(closed.json().trail.map((e: { action: string }) => e.action)).toEqual([
      'registered',
      'presented',
      'directed',
      'assigned',
      'recalled',
      'assigned',
      'returned',
      'returned',
      'closed',
    ]);
  });

  it('lets the head of a unit follow a document the director gave directly to one of its people', async () => {
    const doc = await registerIncoming(clerk);
    await clerk.post(`/api/v1/incoming-documents/${doc.id}/present`, {});
    const directed = await director.post(`/api/v1/incoming-documents/${doc.id}/direct`, {
      lead: { userId: specialist.me.user.id },
      infos: [{ userId: clerk.me.user.id }],
      workingDays: 2,
    });
    expect(directed.json()).toMatchObject({ status: 'in_progress', leadUserId: specialist.me.user.id });
    expect(directed.json().assignments.find((a: { role: string }) => a.role === 'lead')).toMatchObject({
      userId: specialist.me.user.id,
      unitId: gdpt,
    });
    expect(await viewIds(specialist, 'to_process')).toContain(doc.id);
    // The head sees it (it is their unit's work) but cannot act on the person's assignment.
    const seen = await head.get(`/api/v1/incoming-documents/${doc.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().actions).toEqual([]);
    expect(await viewIds(head, 'in_progress')).toContain(doc.id);
    // A note "for information" to one person is not shown to the rest of that person's unit.
    const colleague = await t.login('hn.luutru');
    expect((await colleague.get(`/api/v1/incoming-documents/${doc.id}`)).statusCode).toBe(404);
  });

  it('shows a note for information to a unit to everyone of that unit, and what a person registered to them', async () => {
    // A clerk of the Sở registers two documents, then stops being a clerk (moved to the inspectorate's work).
    await createPerson(t.db, {
      username: 'hn.vanthu2',
      fullName: 'Đỗ Thị Hằng',
      org: 'so-ha-noi',
      unit: 'so-ha-noi-vp',
      roles: ['clerk'],
    });
    await createPerson(t.db, {
      username: 'hn.tccb',
      fullName: 'Trịnh Văn Khoa',
      org: 'so-ha-noi',
      unit: 'so-ha-noi-tccb',
      roles: ['specialist'],
    });
    const formerClerk = await t.login('hn.vanthu2');
    const own = await registerIncoming(formerClerk, { subject: 'V/v rà soát hồ sơ giáo viên' });
    const other = await registerIncoming(clerk, { subject: 'V/v kiểm tra cơ sở vật chất' });
    await t.db
      .updateTable('memberships')
      .set({ roles: ['specialist'] })
      .where('user_id', '=', formerClerk.me.user.id)
      .execute();
    expect((await formerClerk.get(`/api/v1/incoming-documents/${own.id}`)).statusCode).toBe(200);
    expect((await formerClerk.get(`/api/v1/incoming-documents/${other.id}`)).statusCode).toBe(404);
    expect(await viewIds(formerClerk, 'all')).toEqual([own.id]);

    // The director sends the other one to the Văn phòng for information: its people see it, other units do not.
    await clerk.post(`/api/v1/incoming-documents/${other.id}/present`, {});
    const vp = await unitId(t.db, 'so-ha-noi-vp');
    const directed = await director.post(`/api/v1/incoming-documents/${other.id}/direct`, {
      lead: { unitId: gdpt },
      infos: [{ unitId: vp }],
      workingDays: 5,
    });
    expect(directed.statusCode, directed.body).toBe(200);
    const archivist = await t.login('hn.luutru'); // Văn phòng, not its head
    const outsider = await t.login('hn.tccb');
    expect((await archivist.get(`/api/v1/incoming-documents/${other.id}`)).statusCode).toBe(200);
    expect(await viewIds(archivist, 'for_info')).toContain(other.id);
    expect((await formerClerk.get(`/api/v1/incoming-documents/${other.id}`)).statusCode).toBe(200);
    expect((await outsider.get(`/api/v1/incoming-documents/${other.id}`)).statusCode).toBe(404);
    expect(await viewIds(outsider, 'all')).not.toContain(other.id);
    expect((await counts(outsider)).for_info.total).toBe(0);
  });

  it('receives a document sent on EduGov, waiting for the clerk to register it', async () => {
    const { receiveIncoming } = await import('../index.ts');
    const moet = await t.db
      .selectFrom('organizations')
      .select('id')
      .where('seed_key', '=', 'moet')
      .executeTakeFirstOrThrow();
    const fileId = await uploadPdf(clerk);
    const received = await t.db.transaction().execute((trx) =>
      receiveIncoming(trx, t, {
        organizationId: clerk.me.organizationId,
        senderOrganizationId: moet.id,
        sourceReference: 'outgoing:test-1',
        sentBy: clerk.me.user.id,
        issuerName: 'Bộ Giáo dục và Đào tạo',
        numberNotation: '99/BGDĐT-VP',
        documentDate: '2026-11-25',
        docType: 'notice',
        subject: 'Thông báo lịch nghỉ Tết Nguyên đán',
        urgency: 'normal',
        confidentiality: 'normal',
        mainFileId: fileId,
      }),
    );
    expect(await viewIds(clerk, 'to_register')).toContain(received.id);
    expect((await counts(clerk)).to_register.total).toBeGreaterThanOrEqual(1);
    expect((await notices(clerk)).some((n) => n.kind === 'incoming.received')).toBe(true);
    const detail = (await clerk.get(`/api/v1/incoming-documents/${received.id}`)).json();
    // No sender dispatch stands behind this copy (it was not issued through EduGov): nothing to refuse it to.
    expect(detail).toMatchObject({ status: 'received', arrivalNumber: null, actions: ['register'] });
    const before = await countRows(t.db, 'register_counters');
    const registered = await clerk.post(`/api/v1/incoming-documents/${received.id}/register`, {
      version: detail.version,
    });
    expect(registered.statusCode, registered.body).toBe(200);
    expect(registered.json()).toMatchObject({ status: 'registered', source: 'edugov' });
    expect(registered.json().arrivalNumber).toBeGreaterThan(0);
    expect(await countRows(t.db, 'register_counters')).toBeGreaterThanOrEqual(before);
    const stale = await clerk.post(`/api/v1/incoming-documents/${received.id}/register`, { version: detail.version });
    expect(stale.statusCode).toBe(409);
  });

  it('takes access away with a recall, and withdraws a request for more time that nobody can decide any more', async () => {
    const doc = await registerIncoming(clerk);
    await clerk.post(`/api/v1/incoming-documents/${doc.id}/present`, {});
    const directed = (
      await director.post(`/api/v1/incoming-documents/${doc.id}/direct`, { lead: { unitId: gdpt }, workingDays: 5 })
    ).json();
    const unit = directed.assignments.find((a: { role: string }) => a.role === 'lead');
    await head.post(`/api/v1/incoming-documents/${doc.id}/assign`, {
      assignmentId: unit.id,
      leadUserId: specialist.me.user.id,
      workingDays: 2,
    });
    const asked = await specialist.post(`/api/v1/incoming-documents/${doc.id}/request-extension`, {
      requestedDeadline: unit.deadline,
      reason: 'Cần thêm số liệu',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(await viewIds(head, 'to_process')).toContain(doc.id);

    const recalled = await head.post(`/api/v1/incoming-documents/${doc.id}/recall`, {
      note: 'Thu hồi để giao người khác',
    });
    expect(recalled.json().extensions[0].status).toBe('withdrawn');
    expect(recalled.json().actions).not.toContain('decide_extension');
    expect((await specialist.get(`/api/v1/incoming-documents/${doc.id}`)).statusCode).toBe(404);
    for (const view of ['to_process', 'in_progress', 'due_soon', 'all']) {
      expect(await viewIds(specialist, view)).not.toContain(doc.id);
    }
  });

  it('keeps the number and subject of a classified document out of notices and e-mail', async () => {
    const doc = await registerIncoming(clerk, {
      confidentiality: 'secret',
      subject: 'Phương án bảo vệ đề thi tuyệt đối bí mật',
    });
    await clerk.post(`/api/v1/incoming-documents/${doc.id}/present`, {});
    const rows = await t.db
      .selectFrom('notifications')
      .selectAll()
      .where('link', '=', `/e-office/incoming/${doc.id}`)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const n of rows) {
      expect(`${n.title_vi} ${n.body_vi} ${n.body_en}`).not.toMatch(/đề thi|BGDĐT/);
      expect(n.body_vi).toBe('Văn bản mật — mở EduGov để xem');
    }
  });
});
