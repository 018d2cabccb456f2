/** Answers shaped like the outgoing-documents API, for the screen tests of this feature. */
import type { OutgoingDetail, RevisionComparison } from './outgoing.types';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const OUT_ID = id(700);
export const AUTHOR_ID = id(701);

/** A document; `actions` as the server sends them. */
export function outgoingDetail(
  more: Partial<Omit<OutgoingDetail, 'actions'>> & { actions?: readonly string[] } = {},
): OutgoingDetail {
  return {
    id: OUT_ID,
    status: 'draft',
    docType: 'official_letter',
    subject: 'Về việc tổ chức kỳ thi tốt nghiệp THPT năm 2027',
    draftingUnitId: null,
    draftingUnitName: 'Cục Quản lý chất lượng',
    createdBy: AUTHOR_ID,
    createdByName: 'Đỗ Thu Trang',
    urgency: 'normal',
    confidentiality: 'normal',
    replyDueDate: null,
    currentRevision: 2,
    submittedAt: null,
    lastActivityAt: '2026-11-20T03:00:00.000Z',
    createdAt: '2026-11-19T03:00:00.000Z',
    version: 3,
    fullNumber: null,
    issuedAt: null,
    officialFileUrl: null,
    body: 'Kính gửi các Sở GD&ĐT.\nĐề nghị các Sở chuẩn bị.',
    signerUserId: null,
    signerName: null,
    signerPositionTitle: null,
    authorityPrefix: null,
    recipients: { internal: [], external: ['Báo Giáo dục và Thời đại'] },
    answersIncomingId: null,
    completesAnswered: true,
    principalTitle: null,
    replaces: null,
    corrects: null,
    replacedBy: [],
    correctedBy: [],
    issuedNumberId: null,
    decidedAt: null,
    decidedBy: null,
    decidedByName: null,
    decisionNote: null,
    signing: {
      required: false,
      signedAt: null,
      signedBy: null,
      signedByName: null,
      signedFileId: null,
      signedFileUrl: null,
      officialVerdict: null,
      officialValidatedAt: null,
    },
    files: [],
    revisions: [
      { revision: 1, createdAt: '2026-11-19T03:00:00.000Z', createdBy: AUTHOR_ID, createdByName: 'Đỗ Thu Trang' },
      { revision: 2, createdAt: '2026-11-20T03:00:00.000Z', createdBy: AUTHOR_ID, createdByName: 'Đỗ Thu Trang' },
    ],
    route: null,
    steps: [],
    trail: [],
    ...more,
    actions: (more.actions ?? []) as OutgoingDetail['actions'],
  };
}

export const comparison: RevisionComparison = {
  from: { revision: 1, createdAt: '2026-11-19T03:00:00.000Z', createdByName: 'Đỗ Thu Trang' },
  to: { revision: 2, createdAt: '2026-11-20T03:00:00.000Z', createdByName: 'Đỗ Thu Trang' },
  fields: [
    { field: 'subject', before: 'Về việc thi tốt nghiệp', after: 'Về việc tổ chức kỳ thi tốt nghiệp THPT năm 2027' },
    { field: 'urgency', before: 'normal', after: 'urgent' },
  ],
  bodyChanged: true,
  body: [
    { op: 'same', text: 'Kính gửi các Sở GD&ĐT.', fromLine: 1, toLine: 1 },
    { op: 'removed', text: 'Đề nghị các Sở báo cáo.', fromLine: 2, toLine: null },
    { op: 'added', text: 'Đề nghị các Sở chuẩn bị.', fromLine: null, toLine: 2 },
  ],
};
