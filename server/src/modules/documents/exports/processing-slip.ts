/**
 * Phiếu giải quyết văn bản đến (Nghị định 30/2020, Điều 23 and Phụ lục IV): the document's identification and
 * the three blocks of opinions — the organisation's leader (lead, supporting, deadline for each, date), the
 * unit's head (whom it was given to, deadline, date) and the people handling it (proposals, dates) — filled
 * from the processing trail and the assignments.
 */
import { A4_PORTRAIT, formatDate, mm, numberPages, PdfFlow } from '../../../platform/pdf/index.ts';
import { vietnamDate } from '../../../platform/time.ts';

export interface SlipTarget {
  /** Chủ trì, Phối hợp, Để biết. */
  readonly role: 'lead' | 'support' | 'info';
  readonly name: string;
  readonly deadline: string | null;
}

export interface SlipDirection {
  readonly targets: readonly SlipTarget[];
  readonly instructions: string | null;
  /** yyyy-mm-dd */
  readonly date: string;
  readonly by: string;
  /** Set when the direction is no longer in force: "Đã thu hồi", "Đã trả lại". */
  readonly ended: string | null;
}

export interface SlipOpinion {
  readonly date: string;
  readonly by: string;
  readonly text: string;
}

export interface Slip {
  readonly parentOrganizationName: string | null;
  readonly organizationName: string;
  readonly document: {
    readonly arrivalNumber: number | null;
    readonly arrivalYear: number | null;
    readonly arrivalDate: string;
    readonly registerName: string | null;
    readonly issuerName: string;
    readonly numberNotation: string;
    readonly documentDate: string;
    readonly typeAndSubject: string;
    /** Độ khẩn / độ mật when not ordinary. */
    readonly urgency: string | null;
    readonly confidentiality: string | null;
    readonly dueDate: string | null;
  };
  /** Block 1: the leader's direction in force, and the leader's further opinions. */
  readonly direction: SlipDirection | null;
  readonly leaderOpinions: readonly SlipOpinion[];
  /** Block 2: each unit head's hand-over to their people, and their further opinions. */
  readonly unitHandovers: readonly (SlipDirection & { readonly unitName: string })[];
  readonly unitOpinions: readonly SlipOpinion[];
  /** Block 3: the proposals and reports of the people handling it. */
  readonly handlerOpinions: readonly SlipOpinion[];
}

// ---- From the trail to the slip --------------------------------------------------------------------------

interface AssignmentRow {
  readonly id: string;
  readonly role: 'lead' | 'support' | 'info';
  readonly unit_name: string | null;
  readonly user_name: string | null;
  readonly deadline: string | null;
  readonly status: string;
}

interface EventRow {
  readonly occurred_at: Date;
  readonly actor_user_id: string | null;
  readonly actor_name: string | null;
  readonly action: string;
  readonly note: string | null;
  readonly details: Record<string, unknown>;
}

const ROLE_ORDER = { lead: 0, support: 1, info: 2 } as const;

function targetsOf(
  event: EventRow,
  byId: ReadonlyMap<string, AssignmentRow>,
): { targets: SlipTarget[]; lead?: AssignmentRow } {
  const listed = Array.isArray(event.details.assignments) ? (event.details.assignments as { id?: unknown }[]) : [];
  const rows = listed.flatMap((a) => {
    const row = typeof a.id === 'string' ? byId.get(a.id) : undefined;
    return row ? [row] : [];
  });
  const targets = rows
    .map((r) => ({
      role: r.role,
      name: r.user_name ?? r.unit_name ?? '',
      deadline: r.role === 'info' ? null : r.deadline,
    }))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  return { targets, lead: rows.find((r) => r.role === 'lead') };
}

const ENDED: Record<string, string> = { recalled: 'Đã thu hồi', returned: 'Đã trả lại' };

/** An opinion-like step of the trail as a line of the slip. */
function opinionText(e: EventRow): string | null {
  const note = e.note?.trim() ? e.note.trim() : null;
  const d = e.details;
  switch (e.action) {
    case 'commented':
      return note;
    case 'completed': {
      const answered =
        typeof d.answeredBy === 'string' && d.answeredBy ? ` (trả lời bằng văn bản ${d.answeredBy})` : '';
      return `Đã hoàn thành xử lý${answered}${note ? `: ${note}` : '.'}`;
    }
    case 'support_completed':
      return `Đã hoàn thành phần phối hợp${note ? `: ${note}` : '.'}`;
    case 'extension_requested':
      return `Đề nghị gia hạn đến ${formatDate(typeof d.to === 'string' ? d.to : null)}${note ? `: ${note}` : '.'}`;
    case 'extension_approved':
      return `Đồng ý gia hạn đến ${formatDate(typeof d.deadline === 'string' ? d.deadline : null)}${note ? `: ${note}` : '.'}`;
    case 'extension_refused':
      return `Không đồng ý gia hạn${note ? `: ${note}` : '.'}`;
    case 'returned':
      return `Trả lại${note ? `: ${note}` : '.'}`;
    case 'closed':
      return `Kết thúc, không xử lý thêm${note ? `: ${note}` : '.'}`;
    default:
      return null;
  }
}

export function buildSlip(input: {
  readonly parentOrganizationName: string | null;
  readonly organizationName: string;
  readonly document: Slip['document'];
  readonly assignments: readonly AssignmentRow[];
  readonly events: readonly EventRow[];
}): Slip {
  const byId = new Map(input.assignments.map((a) => [a.id, a]));
  const day = (e: EventRow) => vietnamDate(e.occurred_at);
  const who = (e: EventRow) => e.actor_name ?? '';

  const directions = input.events.filter((e) => e.action === 'directed' || e.action === 'redirected');
  const latest = directions.at(-1);
  let direction: SlipDirection | null = null;
  if (latest) {
    const { targets, lead } = targetsOf(latest, byId);
    direction = {
      targets,
      instructions: latest.note,
      date: day(latest),
      by: who(latest),
      ended: lead ? (ENDED[lead.status] ?? null) : null,
    };
  }

  const handovers = new Map<string, SlipDirection & { unitName: string }>();
  for (const e of input.events.filter((x) => x.action === 'assigned' || x.action === 'reassigned')) {
    const { targets } = targetsOf(e, byId);
    const first = (e.details.assignments as { id?: string }[] | undefined)?.[0];
    const unitName = (first?.id && byId.get(first.id)?.unit_name) || '';
    handovers.set(String(e.details.unitId ?? unitName), {
      unitName,
      targets,
      instructions: e.note,
      date: day(e),
      by: who(e),
      ended: null,
    });
  }

  const leaders = new Set(directions.map((e) => e.actor_user_id));
  const heads = new Set(
    input.events.filter((e) => e.action === 'assigned' || e.action === 'reassigned').map((e) => e.actor_user_id),
  );
  const leaderOpinions: SlipOpinion[] = [];
  const unitOpinions: SlipOpinion[] = [];
  const handlerOpinions: SlipOpinion[] = [];
  for (const e of input.events) {
    const text = opinionText(e);
    if (text === null) continue;
    const opinion = { date: day(e), by: who(e), text };
    if (leaders.has(e.actor_user_id)) leaderOpinions.push(opinion);
    else if (heads.has(e.actor_user_id)) unitOpinions.push(opinion);
    else handlerOpinions.push(opinion);
  }

  return {
    parentOrganizationName: input.parentOrganizationName,
    organizationName: input.organizationName,
    document: input.document,
    direction,
    leaderOpinions,
    unitHandovers: [...handovers.values()],
    unitOpinions,
    handlerOpinions,
  };
}

// ---- The PDF ---------------------------------------------------------------------------------------------

export const SLIP_TITLE = 'PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN';
const ROLE_LABELS = { lead: 'Chủ trì:', support: 'Phối hợp:', info: 'Để biết:' } as const;
const SIZE = 13;

export async function processingSlipPdf(slip: Slip): Promise<Uint8Array> {
  const flow = await PdfFlow.create({ title: SLIP_TITLE, pageSize: A4_PORTRAIT });
  const { regular, bold, italic } = flow.fonts;
  const half = flow.width / 2;

  // Tên cơ quan (Phụ lục I, ô 2): the parent in capitals, the organisation in bold capitals, a short rule.
  const orgBox = flow.width * 0.5;
  if (slip.parentOrganizationName) {
    flow.paragraph(slip.parentOrganizationName.toLocaleUpperCase('vi'), { size: 12, width: orgBox, align: 'center' });
  }
  flow.paragraph(slip.organizationName.toLocaleUpperCase('vi'), {
    font: bold,
    size: 12,
    width: orgBox,
    align: 'center',
    spaceAfter: 3,
  });
  flow.rule(orgBox * 0.35, orgBox * 0.3);
  flow.moveDown(20);
  flow.paragraph(SLIP_TITLE, { font: bold, size: 14, align: 'center', spaceAfter: 12 });

  const d = slip.document;
  const field = (label: string, value: string) => flow.labeled(label, value || '…', { size: SIZE, spaceAfter: 2 });
  field(
    'Số đến:',
    d.arrivalNumber === null ? '' : `${d.arrivalNumber}${d.arrivalYear ? ` (năm ${d.arrivalYear})` : ''}`,
  );
  field('Ngày đến:', formatDate(d.arrivalDate));
  if (d.registerName) field('Sổ đăng ký:', d.registerName);
  field('Cơ quan ban hành:', d.issuerName);
  field('Số, ký hiệu:', d.numberNotation);
  field('Ngày văn bản:', formatDate(d.documentDate));
  field('Trích yếu:', d.typeAndSubject);
  if (d.urgency) field('Độ khẩn:', d.urgency);
  if (d.confidentiality) field('Độ mật:', d.confidentiality);
  if (d.dueDate) field('Hạn giải quyết:', formatDate(d.dueDate));
  flow.moveDown(6);
  flow.rule(0, flow.width, 0.5);
  flow.moveDown(10);

  const heading = (text: string) => {
    flow.ensure(SIZE * 1.2 * 4);
    flow.paragraph(text, { font: bold, size: SIZE, spaceAfter: 4 });
  };
  const blanks = (count: number) => {
    const dots = '.'.repeat(Math.floor(flow.width / regular.widthOfTextAtSize('.', SIZE)) - 1);
    for (let i = 0; i < count; i += 1) flow.paragraph(dots, { size: SIZE, lineHeight: 1.5 });
  };
  const signature = (date: string, by: string) => {
    flow.ensure(SIZE * 1.2 * 2 + 6);
    flow.moveDown(2);
    flow.paragraph(`Ngày ${formatDate(date)}`, { font: italic, size: SIZE, x: half, width: half, align: 'center' });
    flow.paragraph(by, { font: bold, size: SIZE, x: half, width: half, align: 'center', spaceAfter: 6 });
  };
  const targetLines = (targets: readonly SlipTarget[]) => {
    for (const t of targets) {
      const deadline = t.deadline ? ` — thời hạn: ${formatDate(t.deadline)}` : '';
      flow.labeled(`- ${ROLE_LABELS[t.role]}`, `${t.name}${deadline}`, { size: SIZE, x: mm(5), spaceAfter: 1 });
    }
  };
  const opinions = (items: readonly SlipOpinion[]) => {
    for (const o of items) {
      flow.labeled(`${formatDate(o.date)} — ${o.by}:`, o.text, { size: SIZE, spaceAfter: 4 });
    }
  };

  heading('1. Ý kiến của lãnh đạo cơ quan');
  if (slip.direction) {
    targetLines(slip.direction.targets);
    if (slip.direction.instructions)
      flow.labeled('Ý kiến chỉ đạo:', slip.direction.instructions, { size: SIZE, spaceAfter: 1 });
    if (slip.direction.ended) flow.paragraph(`(${slip.direction.ended})`, { font: italic, size: SIZE });
    signature(slip.direction.date, slip.direction.by);
  }
  opinions(slip.leaderOpinions);
  if (!slip.direction && slip.leaderOpinions.length === 0) blanks(3);
  flow.moveDown(6);

  heading('2. Ý kiến của lãnh đạo đơn vị');
  for (const h of slip.unitHandovers) {
    if (h.unitName) flow.paragraph(`${h.unitName} giao:`, { font: italic, size: SIZE, spaceAfter: 1 });
    targetLines(h.targets);
    if (h.instructions) flow.labeled('Ý kiến:', h.instructions, { size: SIZE, spaceAfter: 1 });
    signature(h.date, h.by);
  }
  opinions(slip.unitOpinions);
  if (slip.unitHandovers.length === 0 && slip.unitOpinions.length === 0) blanks(3);
  flow.moveDown(6);

  heading('3. Ý kiến đề xuất của người giải quyết');
  opinions(slip.handlerOpinions);
  if (slip.handlerOpinions.length === 0) blanks(3);

  numberPages(flow.pdf, regular, { size: 11 });
  return flow.save();
}
