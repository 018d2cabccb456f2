/** Answers shaped like the incoming-documents API, for the screen tests of this feature. */
import type { Me } from '../../api/types';
import { specialistMe } from '../../test/fixtures';
import type { IncomingDetail, Register } from './incoming.types';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const DOC_ID = id(500);
export const CLERK_ID = id(501);
export const DIRECTOR_ID = id(502);

function as(username: string, fullName: string, roles: Me['roles'], userId: string): Me {
  return {
    ...specialistMe,
    user: { id: userId, username, fullName },
    roles,
    memberships: specialistMe.memberships.map((m) => ({ ...m, roles, organizationName: 'Sở GD&ĐT Hà Nội' })),
  };
}

export const clerkMe = as('hn.vanthu', 'Ngô Thị Mai', ['clerk'], CLERK_ID);
export const directorMe = as('hn.lanhdao', 'Hoàng Văn Thắng', ['leader'], DIRECTOR_ID);

export const documentTypes = {
  items: [
    { code: 'decision', vi: 'Quyết định', en: 'Decision', abbreviation: 'QĐ' },
    { code: 'official_letter', vi: 'Công văn', en: 'Official letter', abbreviation: null },
  ],
};

export const registers: { items: Register[] } = {
  items: [
    {
      id: id(601),
      direction: 'incoming',
      name: 'Sổ văn bản đến',
      confidential: false,
      numbering: 'single',
      active: true,
      lastNumber: 6,
      lastYear: 2026,
      version: 1,
    },
    {
      id: id(602),
      direction: 'incoming',
      name: 'Sổ văn bản mật đến',
      confidential: true,
      numbering: 'single',
      active: true,
      lastNumber: null,
      lastYear: null,
      version: 1,
    },
  ],
};

export function incomingDetail(overrides: Partial<IncomingDetail> = {}): IncomingDetail {
  return {
    id: DOC_ID,
    status: 'registered',
    source: 'paper',
    registerId: id(601),
    registerName: 'Sổ văn bản đến',
    arrivalNumber: 7,
    arrivalYear: 2026,
    receivedAt: '2026-11-20T02:30:00.000Z',
    issuerName: 'Bộ Giáo dục và Đào tạo',
    numberNotation: '2468/BGDĐT-QLCL',
    documentDate: '2026-11-18',
    docType: 'official_letter',
    subject: 'Hướng dẫn tổ chức kỳ thi chọn học sinh giỏi',
    urgency: 'normal',
    confidentiality: 'normal',
    dueDate: null,
    replyDueDate: null,
    overdue: false,
    unread: false,
    completedAt: null,
    version: 1,
    signatureVerdict: null,
    signerName: 'Nguyễn Văn Phúc',
    signerPosition: 'Thứ trưởng',
    pageCount: 2,
    notes: null,
    senderOrganizationId: null,
    registeredAt: '2026-11-20T02:30:00.000Z',
    presentedTo: null,
    directedAt: null,
    leadUnitId: null,
    leadUserId: null,
    answeredBy: null,
    closedAt: null,
    assignments: [],
    trail: [
      {
        id: 1,
        occurredAt: '2026-11-20T02:30:00.000Z',
        actorUserId: CLERK_ID,
        actorName: 'Ngô Thị Mai',
        action: 'registered',
        fromStatus: null,
        toStatus: 'registered',
        note: null,
        details: { arrivalNumber: 7, registerName: 'Sổ văn bản đến' },
      },
    ],
    files: [],
    extensions: [],
    actions: [],
    ...overrides,
  };
}
