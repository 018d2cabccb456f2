/** Sample inputs of the official PDF, one per template (tests and the sample files). */
import type { OfficialDocumentInput } from './render.types.ts';

const MINISTRY = 'Bộ Giáo dục và Đào tạo';

const MINISTER_DEPUTY = {
  authority: 'KT.',
  principal: 'Bộ trưởng',
  position: 'Thứ trưởng',
  name: 'Phạm Đức Thịnh',
} as const;

/** Quyết định (Mẫu 1.2): number 5 → "Số: 05/QĐ-BGDĐT", 5 March 2026. */
export const DECISION: OfficialDocumentInput = {
  organizationName: MINISTRY,
  number: 5,
  notation: 'QĐ-BGDĐT',
  place: 'Hà Nội',
  date: '2026-03-05',
  typeCode: 'decision',
  subject: 'Về việc thành lập Ban Tổ chức Hội khỏe Phù Đổng toàn quốc lần thứ XI',
  preamble: {
    issuerTitle: 'Bộ trưởng Bộ Giáo dục và Đào tạo',
    grounds: [
      'Căn cứ Nghị định số 37/2025/NĐ-CP ngày 26 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Giáo dục và Đào tạo;',
      'Theo đề nghị của Vụ trưởng Vụ Giáo dục Thể chất.',
    ],
  },
  body: [
    'Điều 1. Thành lập Ban Tổ chức Hội khỏe Phù Đổng toàn quốc lần thứ XI (sau đây gọi là Ban Tổ chức) gồm các ông, bà có tên trong danh sách kèm theo Quyết định này.',
    'Điều 2. Ban Tổ chức có nhiệm vụ xây dựng kế hoạch, điều lệ và tổ chức các môn thi đấu; Ban Tổ chức tự giải thể sau khi hoàn thành nhiệm vụ.',
    'Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Vụ trưởng Vụ Giáo dục Thể chất, Thủ trưởng các đơn vị có liên quan và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
  ].join('\n\n'),
  signature: MINISTER_DEPUTY,
  distribution: ['Như Điều 3', 'Bộ trưởng (để b/c)', 'Cổng TTĐT Bộ GDĐT'],
  archiveUnit: 'GDTC',
};

/** Công văn (Mẫu 1.5): "Số: 123/BGDĐT-GDPT", "V/v …", two addressees, urgent. */
export const OFFICIAL_LETTER: OfficialDocumentInput = {
  organizationName: MINISTRY,
  number: 123,
  notation: 'BGDĐT-GDPT',
  place: 'Hà Nội',
  date: '2026-03-05',
  typeCode: 'official_letter',
  subject: 'hướng dẫn thực hiện nhiệm vụ giáo dục phổ thông năm học 2026-2027',
  addressees: ['Sở Giáo dục và Đào tạo thành phố Hà Nội', 'Sở Giáo dục và Đào tạo tỉnh Nghệ An'],
  body: [
    'Thực hiện Nghị quyết của Chính phủ về nhiệm vụ, giải pháp chủ yếu năm 2026, Bộ Giáo dục và Đào tạo (GDĐT) hướng dẫn các sở GDĐT thực hiện nhiệm vụ giáo dục phổ thông năm học 2026-2027 như sau:',
    '1. Tiếp tục thực hiện Chương trình giáo dục phổ thông 2018 bảo đảm chất lượng, hiệu quả; chủ động xây dựng kế hoạch giáo dục phù hợp với điều kiện thực tế của địa phương.',
    '2. Báo cáo kết quả thực hiện về Bộ GDĐT (qua Vụ Giáo dục Phổ thông) trước ngày 15 tháng 6 năm 2027.',
    'Trong quá trình thực hiện, nếu có vướng mắc, đề nghị các sở GDĐT phản ánh về Bộ GDĐT để được hướng dẫn./.',
  ].join('\n\n'),
  signature: MINISTER_DEPUTY,
  distribution: ['Như trên', 'Bộ trưởng (để b/c)'],
  archiveUnit: 'GDPT',
  urgency: 'urgent',
};

/** Tờ trình (Mẫu 1.4 with "Kính gửi:"): from a provincial department, under its parent. */
export const SUBMISSION: OfficialDocumentInput = {
  parentOrganizationName: 'UBND thành phố Hà Nội',
  organizationName: 'Sở Giáo dục và Đào tạo',
  number: 12,
  notation: 'TTr-SGDĐT',
  place: 'Hà Nội',
  date: '2026-02-09',
  typeCode: 'submission',
  subject: 'Về việc phê duyệt kế hoạch tuyển sinh vào lớp 10 năm học 2026-2027',
  addressees: ['Ủy ban nhân dân thành phố Hà Nội'],
  body: [
    'Căn cứ quy chế tuyển sinh trung học cơ sở và tuyển sinh trung học phổ thông hiện hành, Sở Giáo dục và Đào tạo kính trình Ủy ban nhân dân Thành phố phê duyệt kế hoạch tuyển sinh vào lớp 10 năm học 2026-2027 như sau:',
    '1. Phương thức tuyển sinh: thi tuyển.\n2. Thời gian tổ chức kỳ thi: tháng 6 năm 2026.',
    'Sở Giáo dục và Đào tạo kính trình Ủy ban nhân dân Thành phố xem xét, phê duyệt./.',
  ].join('\n\n'),
  signature: { authority: null, position: 'Giám đốc', name: 'Trần Thị Bích Ngọc' },
  distribution: ['Như trên', 'Ban Giám đốc Sở'],
  archiveUnit: 'QLT',
};

/** Thông báo (Mẫu 1.4), confidential. */
export const NOTICE: OfficialDocumentInput = {
  organizationName: MINISTRY,
  number: 7,
  notation: 'TB-BGDĐT',
  place: 'Hà Nội',
  date: '2026-01-08',
  typeCode: 'notice',
  subject: 'Kết luận của Thứ trưởng tại cuộc họp về công tác chuyển đổi số',
  body: 'Ngày 06 tháng 01 năm 2026, Thứ trưởng chủ trì cuộc họp về công tác chuyển đổi số trong ngành Giáo dục. Văn phòng Bộ thông báo kết luận của Thứ trưởng như sau:\n\nCác đơn vị hoàn thành việc số hóa văn bản, hồ sơ trước ngày 31 tháng 3 năm 2026./.',
  signature: { authority: 'TL.', principal: 'Bộ trưởng', position: 'Chánh Văn phòng', name: 'Nguyễn Thị Quỳnh Hương' },
  distribution: ['Thứ trưởng (để b/c)', 'Các đơn vị thuộc Bộ'],
  archiveUnit: 'VP',
  confidentiality: 'confidential',
};

/** Kế hoạch (Mẫu 1.4) with headings in capitals. */
export const PLAN: OfficialDocumentInput = {
  organizationName: MINISTRY,
  number: 45,
  notation: 'KH-BGDĐT',
  place: 'Hà Nội',
  date: '2026-04-20',
  typeCode: 'plan',
  subject: 'Tổ chức Hội khỏe Phù Đổng toàn quốc lần thứ XI năm 2026',
  body: [
    'I. MỤC ĐÍCH, YÊU CẦU',
    'Đẩy mạnh phong trào rèn luyện thân thể theo gương Bác Hồ vĩ đại trong học sinh; tuyển chọn vận động viên năng khiếu.',
    'II. NỘI DUNG',
    'Tổ chức thi đấu 20 môn thể thao dành cho học sinh tiểu học, trung học cơ sở và trung học phổ thông.',
  ].join('\n\n'),
  signature: MINISTER_DEPUTY,
  distribution: ['Bộ trưởng (để b/c)', 'Các sở GDĐT'],
  archiveUnit: 'GDTC',
};

/** Báo cáo (Mẫu 1.4), very urgent. */
export const REPORT: OfficialDocumentInput = {
  organizationName: MINISTRY,
  number: 89,
  notation: 'BC-BGDĐT',
  place: 'Hà Nội',
  date: '2026-12-25',
  typeCode: 'report',
  subject: 'Tổng kết năm học 2025-2026 và phương hướng nhiệm vụ năm học 2026-2027',
  addressees: ['Thủ tướng Chính phủ'],
  body: 'Bộ Giáo dục và Đào tạo báo cáo kết quả thực hiện nhiệm vụ năm học 2025-2026 như sau: toàn ngành đã hoàn thành các chỉ tiêu chủ yếu của năm học./.',
  signature: { authority: null, position: 'Bộ trưởng', name: 'Đặng Quốc Khánh' },
  distribution: ['Như trên', 'Văn phòng Chính phủ'],
  archiveUnit: 'KHTC',
  urgency: 'very_urgent',
};

/** Giấy mời (Mẫu 1.7), signed by an acting head (Q.). */
export const INVITATION: OfficialDocumentInput = {
  organizationName: MINISTRY,
  number: 3,
  notation: 'GM-BGDĐT',
  place: 'Hà Nội',
  date: '2026-11-02',
  typeCode: 'invitation',
  subject: 'Dự Hội nghị tổng kết công tác thi đua, khen thưởng',
  body: [
    'Bộ Giáo dục và Đào tạo trân trọng kính mời đại diện lãnh đạo các sở giáo dục và đào tạo tới dự Hội nghị tổng kết công tác thi đua, khen thưởng.',
    'Thời gian: 08 giờ 00, ngày 15 tháng 11 năm 2026.\nĐịa điểm: Hội trường Bộ Giáo dục và Đào tạo, số 35 Đại Cồ Việt, Hà Nội.',
  ].join('\n\n'),
  signature: { authority: 'Q.', position: 'Chánh Văn phòng', name: 'Lê Minh Đức' },
  distribution: ['Như trên'],
  archiveUnit: 'VP',
};

export const TEMPLATE_SAMPLES = {
  decision: DECISION,
  official_letter: OFFICIAL_LETTER,
  submission: SUBMISSION,
  notice: NOTICE,
  plan: PLAN,
  report: REPORT,
  invitation: INVITATION,
} as const satisfies Record<string, OfficialDocumentInput>;
