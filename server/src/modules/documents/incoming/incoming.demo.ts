/**
 * Demo work for the Sở GD&ĐT Hà Nội (demo mode only): a few incoming documents at different steps, made
 * through the real use cases so numbers, trail, audit and notices are the genuine article. Idempotent: it
 * does nothing once the organisation has any incoming document.
 */
import { A4_PORTRAIT, PdfFlow } from '../../../platform/pdf/index.ts';
import type { AppDeps, UseCaseContext } from '../../../platform/context.ts';
import type { Actor } from '../../../platform/authz.ts';
import { demoActor } from '../../identity/index.ts';
import { storeGeneratedFile } from '../../files/index.ts';
import { createIncoming } from './incoming.service.ts';
import { assignIncoming, completeIncoming, directIncoming, presentIncoming } from './incoming.workflow.ts';

function context(actor: Actor): UseCaseContext {
  return {
    actor,
    audit: {
      actorUserId: actor.userId,
      actorName: actor.fullName,
      organizationId: actor.organizationId,
      requestId: null,
    },
  };
}

async function letter(issuer: string, number: string, subject: string): Promise<Uint8Array> {
  const flow = await PdfFlow.create({ title: subject, pageSize: A4_PORTRAIT });
  flow.paragraph(issuer.toUpperCase(), { font: flow.fonts.bold, size: 13, align: 'center', spaceAfter: 6 });
  flow.paragraph(`Số: ${number}`, { size: 13, align: 'center', spaceAfter: 18 });
  flow.paragraph(subject, { font: flow.fonts.bold, size: 14, align: 'center', spaceAfter: 18 });
  flow.paragraph(
    'Văn bản mẫu của dữ liệu trình diễn EduGov. Kính gửi Sở Giáo dục và Đào tạo thành phố Hà Nội để biết và triển khai thực hiện theo đúng quy định.',
    { size: 13, spaceAfter: 12 },
  );
  return flow.save();
}

interface DemoDocument {
  readonly issuer: string;
  readonly number: string;
  readonly date: string;
  readonly type: 'official_letter' | 'plan' | 'decision' | 'report' | 'guidance';
  readonly subject: string;
  readonly urgency: 'normal' | 'urgent' | 'very_urgent' | 'flash';
  /** How far the handling has gone. */
  readonly stage: 'registered' | 'presented' | 'directed' | 'assigned' | 'completed';
}

const DEMO_DOCUMENTS: readonly DemoDocument[] = [
  {
    issuer: 'Bộ Giáo dục và Đào tạo',
    number: '5120/BGDĐT-GDTrH',
    date: '2026-11-20',
    type: 'guidance',
    subject: 'Hướng dẫn tuyển sinh vào lớp 10 năm học 2027-2028',
    urgency: 'normal',
    stage: 'registered',
  },
  {
    issuer: 'Ủy ban nhân dân thành phố Hà Nội',
    number: '312/KH-UBND',
    date: '2026-11-24',
    type: 'plan',
    subject: 'Kế hoạch kiểm tra công tác chuẩn bị thi tốt nghiệp trung học phổ thông',
    urgency: 'flash',
    stage: 'presented',
  },
  {
    issuer: 'Bộ Giáo dục và Đào tạo',
    number: '1875/QĐ-BGDĐT',
    date: '2026-11-18',
    type: 'decision',
    subject: 'Quyết định ban hành khung kế hoạch thời gian năm học',
    urgency: 'urgent',
    stage: 'directed',
  },
  {
    issuer: 'Cục Nhà giáo và Cán bộ quản lý giáo dục',
    number: '655/NGCBQLGD-CSNGCBQLGD',
    date: '2026-11-16',
    type: 'official_letter',
    subject: 'Về việc báo cáo tình hình đội ngũ giáo viên phổ thông',
    urgency: 'normal',
    stage: 'assigned',
  },
  {
    issuer: 'Sở Nội vụ thành phố Hà Nội',
    number: '2210/SNV-CCVC',
    date: '2026-11-10',
    type: 'report',
    subject: 'Báo cáo kết quả đánh giá công chức năm 2026',
    urgency: 'normal',
    stage: 'completed',
  },
];

export async function seedDemoIncoming(deps: Pick<AppDeps, 'db' | 'jobs' | 'config'>): Promise<number> {
  const clerk = await demoActor(deps.db, 'hn.vanthu');
  const existing = await deps.db
    .selectFrom('incoming_documents')
    .select('id')
    .where('organization_id', '=', clerk.organizationId)
    .limit(1)
    .executeTakeFirst();
  if (existing) return 0;
  const leader = await demoActor(deps.db, 'hn.lanhdao');
  const head = await demoActor(deps.db, 'hn.truongphong');
  const specialist = await demoActor(deps.db, 'hn.chuyenvien');
  for (const d of DEMO_DOCUMENTS) {
    const file = await storeGeneratedFile(deps, deps.db, {
      bytes: await letter(d.issuer, d.number, d.subject),
      name: `${d.number.replaceAll('/', '-')}.pdf`,
      mediaType: 'application/pdf',
      organizationId: clerk.organizationId,
      uploadedBy: clerk.userId,
    });
    const doc = await createIncoming(deps, context(clerk), {
      issuerName: d.issuer,
      numberNotation: d.number,
      documentDate: d.date,
      docType: d.type,
      subject: d.subject,
      urgency: d.urgency,
      confidentiality: 'normal',
      source: 'paper',
      mainFileId: file.id,
      pageCount: 1,
    });
    if (d.stage === 'registered') continue;
    await presentIncoming(deps, context(clerk), doc.id, { leaderId: leader.userId });
    if (d.stage === 'presented') continue;
    const directed = await directIncoming(deps, context(leader), doc.id, {
      lead: { unitId: head.unitId! },
      workingDays: 5,
      instructions: 'Phòng Giáo dục Phổ thông chủ trì, tham mưu trình Giám đốc.',
    });
    if (d.stage === 'directed') continue;
    const unitAssignment = await deps.db
      .selectFrom('incoming_assignments')
      .select('id')
      .where('document_id', '=', directed.id)
      .where('role', '=', 'lead')
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    await assignIncoming(deps, context(head), doc.id, {
      assignmentId: unitAssignment.id,
      leadUserId: specialist.userId,
      instructions: 'Đồng chí nghiên cứu, dự thảo văn bản trả lời.',
    });
    if (d.stage === 'assigned') continue;
    await completeIncoming(deps, context(specialist), doc.id, { note: 'Đã tổng hợp và gửi báo cáo.' });
  }
  return DEMO_DOCUMENTS.length;
}
