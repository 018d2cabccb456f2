/**
 * Vietnamese vocabulary for generated documents: subjects in the style of real công văn ("V/v …"), bodies,
 * people's names, issuers and their number notations. Written in NFC with full diacritics.
 */
import type { Random } from './rand.ts';

const ACTIONS = [
  'hướng dẫn thực hiện',
  'triển khai',
  'báo cáo kết quả thực hiện',
  'tăng cường công tác',
  'tổ chức',
  'đề nghị cung cấp thông tin về',
  'góp ý dự thảo văn bản về',
  'kiểm tra việc thực hiện',
  'rà soát, đánh giá',
  'phê duyệt kế hoạch',
  'đôn đốc thực hiện',
  'tổng kết',
  'chấn chỉnh',
  'bổ sung kinh phí thực hiện',
  'thành lập đoàn công tác về',
  'điều chỉnh kế hoạch',
  'công bố kết quả',
  'tập huấn',
  'hướng dẫn nhiệm vụ',
  'xin ý kiến về',
];

const TOPICS = [
  'tuyển sinh vào lớp 10 trung học phổ thông',
  'kỳ thi tốt nghiệp trung học phổ thông',
  'bồi dưỡng thường xuyên giáo viên',
  'chuyển đổi số trong giáo dục và đào tạo',
  'phòng, chống đuối nước cho học sinh',
  'an toàn thực phẩm tại bếp ăn bán trú',
  'chương trình giáo dục phổ thông 2018',
  'lựa chọn sách giáo khoa lớp 12',
  'kiểm định chất lượng giáo dục',
  'xây dựng trường đạt chuẩn quốc gia',
  'công tác thi đua, khen thưởng',
  'phổ cập giáo dục mầm non cho trẻ em 5 tuổi',
  'công tác y tế trường học',
  'giáo dục hướng nghiệp và phân luồng học sinh',
  'ứng dụng công nghệ thông tin trong quản lý',
  'quản lý tài chính, tài sản công',
  'tuyển dụng viên chức giảng dạy',
  'cơ sở dữ liệu ngành giáo dục',
  'triển khai học bạ số',
  'giáo dục thể chất và thể thao trường học',
  'phòng cháy, chữa cháy và cứu nạn, cứu hộ',
  'kỷ luật, kỷ cương hành chính',
  'sắp xếp, tinh gọn bộ máy',
  'xóa mù chữ cho người lớn',
  'dạy học ngoại ngữ theo đề án',
  'giáo dục kỹ năng sống cho học sinh',
  'thực hành tiết kiệm, chống lãng phí',
  'phòng, chống tác hại của thuốc lá điện tử',
  'đánh giá chuẩn hiệu trưởng',
  'cấp phát văn bằng, chứng chỉ',
  'liên kết đào tạo với nước ngoài',
  'học bổng khuyến khích học tập',
  'miễn, giảm học phí và hỗ trợ chi phí học tập',
  'xây dựng văn hóa học đường',
  'an ninh mạng và bảo vệ dữ liệu cá nhân',
  'thống kê giáo dục đầu năm học',
  'đầu tư cơ sở vật chất trường học',
  'bảo đảm an toàn giao thông cho học sinh',
  'phòng, chống bạo lực học đường',
  'nghiên cứu khoa học của sinh viên',
];

const SCOPES = [
  'trên địa bàn tỉnh',
  'tại các cơ sở giáo dục',
  'đối với cấp trung học cơ sở',
  'của các trường đại học, cao đẳng',
  'trong các trường mầm non',
  'tại các trung tâm giáo dục thường xuyên',
  'ở vùng đồng bào dân tộc thiểu số',
  'đối với học sinh tiểu học',
  '',
  '',
  '',
];

const PERIODS = [
  'năm học 2023-2024',
  'năm học 2024-2025',
  'năm học 2025-2026',
  'năm 2024',
  'năm 2025',
  'năm 2026',
  'học kỳ I',
  'học kỳ II',
  'giai đoạn 2026-2030',
  '',
  '',
];

const SENTENCES = [
  'Thực hiện chỉ đạo của Chính phủ và kế hoạch công tác của ngành,',
  'Căn cứ chức năng, nhiệm vụ được giao,',
  'Để kịp thời tổng hợp, báo cáo cấp có thẩm quyền,',
  'đề nghị các đơn vị nghiêm túc triển khai, bảo đảm đúng tiến độ và chất lượng.',
  'Báo cáo gửi về trước ngày 15 hằng tháng qua hệ thống quản lý văn bản điều hành.',
  'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh kịp thời để được hướng dẫn.',
  'Thủ trưởng các đơn vị chịu trách nhiệm trước lãnh đạo về kết quả thực hiện.',
  'Kinh phí thực hiện từ nguồn ngân sách nhà nước giao trong dự toán hằng năm.',
  'Các cơ sở giáo dục phối hợp chặt chẽ với chính quyền địa phương và gia đình học sinh.',
  'Văn phòng có trách nhiệm theo dõi, đôn đốc và tổng hợp kết quả.',
];

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Trịnh',
  'Đinh',
  'Lương',
  'Tạ',
];
const MIDDLE = [
  'Văn',
  'Thị',
  'Hữu',
  'Đức',
  'Minh',
  'Ngọc',
  'Thanh',
  'Quốc',
  'Thu',
  'Xuân',
  'Hoàng',
  'Kim',
  'Bảo',
  'Gia',
  'Phương',
];
const GIVEN = [
  'An',
  'Anh',
  'Bình',
  'Châu',
  'Cường',
  'Dũng',
  'Duyên',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hòa',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Minh',
  'Nam',
  'Nga',
  'Ngân',
  'Nhung',
  'Phong',
  'Phúc',
  'Quân',
  'Quỳnh',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Thủy',
  'Trang',
  'Trung',
  'Tuấn',
  'Uyên',
  'Việt',
  'Yến',
];

export const PLACES = [
  'Hà Nội',
  'Hải Phòng',
  'Huế',
  'Đà Nẵng',
  'Cần Thơ',
  'Thành phố Hồ Chí Minh',
  'Nghệ An',
  'Thanh Hóa',
  'Quảng Ninh',
  'Lâm Đồng',
  'Đắk Lắk',
  'Khánh Hòa',
  'Gia Lai',
  'An Giang',
  'Đồng Tháp',
  'Cà Mau',
  'Lào Cai',
  'Tuyên Quang',
  'Thái Nguyên',
  'Phú Thọ',
  'Bắc Ninh',
  'Hưng Yên',
  'Ninh Bình',
  'Quảng Trị',
  'Quảng Ngãi',
  'Tây Ninh',
  'Đồng Nai',
  'Vĩnh Long',
  'Sơn La',
  'Lai Châu',
  'Điện Biên',
  'Cao Bằng',
  'Lạng Sơn',
  'Hà Tĩnh',
];

const OUTSIDE_ISSUERS: readonly (readonly [string, string])[] = [
  ['Văn phòng Chính phủ', 'VPCP-KGVX'],
  ['Bộ Tài chính', 'BTC-HCSN'],
  ['Bộ Nội vụ', 'BNV-TCBC'],
  ['Bộ Y tế', 'BYT-MT'],
  ['Bộ Khoa học và Công nghệ', 'BKHCN-ƯDCN'],
  ['Bộ Công an', 'BCA-A05'],
  ['Ủy ban nhân dân tỉnh Nghệ An', 'UBND-VX'],
  ['Ủy ban nhân dân Thành phố Hà Nội', 'UBND-KGVX'],
  ['Ủy ban nhân dân tỉnh Lâm Đồng', 'UBND-VX'],
  ['Sở Tài chính Thành phố Hồ Chí Minh', 'STC-HCSN'],
  ['Sở Nội vụ tỉnh Thanh Hóa', 'SNV-CCVC'],
  ['Bảo hiểm xã hội Việt Nam', 'BHXH-TST'],
];

export function personName(r: Random): string {
  return `${r.pick(FAMILY)} ${r.pick(MIDDLE)} ${r.pick(GIVEN)}`;
}

export function subject(r: Random, withVv = true): string {
  const parts = [r.pick(ACTIONS), r.pick(TOPICS), r.pick(SCOPES), r.pick(PERIODS)].filter(Boolean);
  if (r.chance(0.25)) parts.push(`tỉnh ${r.pick(PLACES)}`);
  const text = parts.join(' ');
  return withVv ? `V/v ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
}

export function body(r: Random, subjectText: string): string {
  const lines = [r.pick(SENTENCES.slice(0, 3)), `về việc ${subjectText.replace(/^V\/v\s*/, '')},`];
  const n = r.int(2, 4);
  for (let i = 0; i < n; i++) lines.push(r.pick(SENTENCES.slice(3)));
  return lines.join(' ');
}

/** An issuer outside EduGov and its notation suffix (`UBND-VX`). */
export function outsideIssuer(r: Random): readonly [string, string] {
  return r.pick(OUTSIDE_ISSUERS);
}

/** Search phrases typed without diacritics (every one matches generated subjects). */
export const SEARCH_PHRASES = [
  'tuyen sinh lop 10',
  'chuyen doi so',
  'boi duong giao vien',
  'phong chong duoi nuoc',
  'kiem dinh chat luong',
  'hoc ba so',
  'sach giao khoa lop 12',
  'an toan thuc pham',
  'thi tot nghiep',
  'van hoa hoc duong',
];
