/*
 * Seed data: organisations (MOET, its units, universities, the 63 → 34 provincial committees and
 * Sở GD&ĐT, a few schools).
 *
 * Sources (all in /work/shared/docs/STANDARDS.md):
 * - §2.1 Mã định danh (QCVN 102:2016/BTTTT): code structure V1V2V3.Z1Z2.Y1Y2.MX1X2, level 2 in the third
 *   group; MOET = 000.00.00.G03; MOET unit codes from QĐ 1165/QĐ-BGDĐT (G03.15 Văn phòng active; G03.02,
 *   G03.03, G03.09 closed); province codes H10 Bình Phước, H14 Cao Bằng, H18 Điện Biên, H20 Đồng Tháp,
 *   H30 Hậu Giang, H41 Nghệ An, H56 Thanh Hóa (3rd-party; the only province codes treated as verified here).
 * - §6.1 Nghị quyết 202/2025/QH15: 63 → 34 provincial units from 2025-07-01; 11 unchanged, 52 merged into 23,
 *   new name = first-listed former unit.
 *
 * Unverified (identifierVerified: false, see `note`):
 * - Every other H code. They follow the alphabetical order of the 63 names folded to ASCII (diacritics
 *   dropped, Đ → D, spaces and hyphens ignored: 'daklak' < 'danang', 'haiphong' < 'hanam'), numbered H01–H63,
 *   with Thừa Thiên Huế filed under T and TP Hồ Chí Minh under H. That order reproduces six of the seven
 *   codes in §2.1; Hậu Giang ('haugiang') would fall on H28, so it is pinned to H30 and Hòa Bình / Hồ Chí
 *   Minh move up to H28 / H29. No plain Vietnamese-collation order (with or without a Hà Tây slot) fits all
 *   seven. The resulting H21 Gia Lai, H26 Hà Nội, H27 Hà Tĩnh, H29 Hồ Chí Minh and H57 Huế also agree with
 *   public 3rd-party sightings (noted per row) — still not verified.
 * - Every Sở GD&ĐT code: level-2 code '20' is a single placeholder for all departments.
 * - Codes of the 23 merged units (assumed to keep the first-listed former province's H code, §2.1).
 * - MOET unit codes except Văn phòng and the three closed Vụ; university and school codes (placeholders).
 * - MOET units created by the March 2025 restructuring (Vụ GDPT, Vụ GDNN&GDTX, Vụ HSSV, Cục KHCN&TT) start
 *   on 2025-03-01, the day after the closed Vụ end; other unit start dates default to 2022-01-01 (QĐ 4970).
 */

export type SeedOrgKind =
  'ministry' | 'provincial_committee' | 'provincial_department' | 'university' | 'college' | 'school';

export interface SeedOrganization {
  key: string;
  identifier: string;
  identifierVerified: boolean;
  name: string;
  shortName: string;
  abbreviation: string;
  kind: SeedOrgKind;
  parentKey: string | null;
  validFrom: string;
  validTo: string | null;
  predecessorKeys: string[];
  province?: { name: string; unitType: 'province' | 'city' };
  note?: string;
}

export interface SeedUnit {
  orgKey: string;
  key: string;
  name: string;
  abbreviation: string;
  kind: 'office' | 'department' | 'agency' | 'inspectorate' | 'division';
  identifier: string | null;
  identifierVerified: boolean;
  validFrom: string;
  validTo: string | null;
}

// ─── Constants ───────────────────────────────────────────────────────────────────────────────────────

const MINISTRY_KEY = 'moet';
const PROVINCE_HISTORY_START = '2008-08-01';
const LAST_DAY_BEFORE_MERGER = '2025-06-30';
const FIRST_DAY_AFTER_MERGER = '2025-07-01';
/** Placeholder level-2 code used for every Sở GD&ĐT (unknown per province). */
const SO_LEVEL2_PLACEHOLDER = '20';

const NOTE_H_ORDERING = 'identifier unverified: H code assigned by the folded alphabetical ordering (file header)';
const NOTE_SO_PLACEHOLDER = 'identifier unverified: level-2 code 20 is a placeholder, to be corrected by admins';
const NOTE_SURVIVING_CODE = "identifier assumed to be the surviving province's code (unverified)";

// ─── Ministry ────────────────────────────────────────────────────────────────────────────────────────

const ministry: SeedOrganization = {
  key: MINISTRY_KEY,
  identifier: '000.00.00.G03',
  identifierVerified: true,
  name: 'Bộ Giáo dục và Đào tạo',
  shortName: 'Bộ GD&ĐT',
  abbreviation: 'BGDĐT',
  kind: 'ministry',
  parentKey: null,
  validFrom: '1990-03-31',
  validTo: null,
  predecessorKeys: [],
};

// ─── Universities under the Ministry ─────────────────────────────────────────────────────────────────

interface UniversityRow {
  key: string;
  name: string;
  shortName: string;
  abbreviation: string;
  level2: string;
}

/** Level-2 codes 90–95 are placeholders chosen to avoid the G03.xx codes listed in §2.1. */
const UNIVERSITIES: readonly UniversityRow[] = [
  {
    key: 'dhbk-ha-noi',
    name: 'Đại học Bách khoa Hà Nội',
    shortName: 'ĐHBK Hà Nội',
    abbreviation: 'ĐHBKHN',
    level2: '90',
  },
  {
    key: 'dhsp-ha-noi',
    name: 'Trường Đại học Sư phạm Hà Nội',
    shortName: 'ĐHSP Hà Nội',
    abbreviation: 'ĐHSPHN',
    level2: '91',
  },
  {
    key: 'dh-kinh-te-quoc-dan',
    name: 'Đại học Kinh tế Quốc dân',
    shortName: 'ĐH Kinh tế Quốc dân',
    abbreviation: 'ĐHKTQD',
    level2: '92',
  },
  { key: 'dh-hue', name: 'Đại học Huế', shortName: 'ĐH Huế', abbreviation: 'ĐHH', level2: '93' },
  { key: 'dh-da-nang', name: 'Đại học Đà Nẵng', shortName: 'ĐH Đà Nẵng', abbreviation: 'ĐHĐN', level2: '94' },
  {
    key: 'dh-can-tho',
    name: 'Trường Đại học Cần Thơ',
    shortName: 'ĐH Cần Thơ',
    abbreviation: 'ĐHCT',
    level2: '95',
  },
];

const universities: SeedOrganization[] = UNIVERSITIES.map((u) => ({
  key: u.key,
  identifier: `000.00.${u.level2}.G03`,
  identifierVerified: false,
  name: u.name,
  shortName: u.shortName,
  abbreviation: u.abbreviation,
  kind: 'university',
  parentKey: MINISTRY_KEY,
  validFrom: '2000-01-01',
  validTo: null,
  predecessorKeys: [],
  note: 'identifier unverified: placeholder level-2 code under G03',
}));

// ─── Provinces before 2025-07-01 (63) ────────────────────────────────────────────────────────────────

type UnitType = 'province' | 'city';

interface ProvinceRow {
  /** Key slug: 'ubnd-<slug>', 'so-<slug>'. */
  slug: string;
  /** Bare name, e.g. 'Hà Nội'. */
  name: string;
  /** Status while the record is valid (Huế: centrally-run city from 2025-01-01, see its note). */
  unitType: UnitType;
  /** Level-1 code (MX1X2). */
  h: string;
  /** Name used after 'Sở Giáo dục và Đào tạo ' / 'Sở GD&ĐT ' when it differs from `name`. */
  soName?: string;
  soShortName?: string;
  /** Extra remark appended to the committee note. */
  remark?: string;
}

/** Level-1 codes listed in STANDARDS.md §2.1 — the only ones marked verified. */
const VERIFIED_H_CODES: ReadonlySet<string> = new Set(['H10', 'H14', 'H18', 'H20', 'H30', 'H41', 'H56']);

const PROVINCES: readonly ProvinceRow[] = [
  { slug: 'an-giang', name: 'An Giang', unitType: 'province', h: 'H01' },
  { slug: 'bac-giang', name: 'Bắc Giang', unitType: 'province', h: 'H02' },
  { slug: 'bac-kan', name: 'Bắc Kạn', unitType: 'province', h: 'H03' },
  { slug: 'bac-lieu', name: 'Bạc Liêu', unitType: 'province', h: 'H04' },
  { slug: 'bac-ninh', name: 'Bắc Ninh', unitType: 'province', h: 'H05' },
  { slug: 'ba-ria-vung-tau', name: 'Bà Rịa - Vũng Tàu', unitType: 'province', h: 'H06' },
  { slug: 'ben-tre', name: 'Bến Tre', unitType: 'province', h: 'H07' },
  { slug: 'binh-dinh', name: 'Bình Định', unitType: 'province', h: 'H08' },
  { slug: 'binh-duong', name: 'Bình Dương', unitType: 'province', h: 'H09' },
  { slug: 'binh-phuoc', name: 'Bình Phước', unitType: 'province', h: 'H10' },
  { slug: 'binh-thuan', name: 'Bình Thuận', unitType: 'province', h: 'H11' },
  { slug: 'ca-mau', name: 'Cà Mau', unitType: 'province', h: 'H12' },
  { slug: 'can-tho', name: 'Cần Thơ', unitType: 'city', h: 'H13' },
  { slug: 'cao-bang', name: 'Cao Bằng', unitType: 'province', h: 'H14' },
  { slug: 'dak-lak', name: 'Đắk Lắk', unitType: 'province', h: 'H15' },
  { slug: 'dak-nong', name: 'Đắk Nông', unitType: 'province', h: 'H16' },
  { slug: 'da-nang', name: 'Đà Nẵng', unitType: 'city', h: 'H17' },
  { slug: 'dien-bien', name: 'Điện Biên', unitType: 'province', h: 'H18' },
  { slug: 'dong-nai', name: 'Đồng Nai', unitType: 'province', h: 'H19' },
  { slug: 'dong-thap', name: 'Đồng Tháp', unitType: 'province', h: 'H20' },
  {
    slug: 'gia-lai',
    name: 'Gia Lai',
    unitType: 'province',
    h: 'H21',
    remark: 'H21 also seen on the Gia Lai iGate procedure codes (3rd-party)',
  },
  { slug: 'ha-giang', name: 'Hà Giang', unitType: 'province', h: 'H22' },
  { slug: 'hai-duong', name: 'Hải Dương', unitType: 'province', h: 'H23' },
  { slug: 'hai-phong', name: 'Hải Phòng', unitType: 'city', h: 'H24' },
  { slug: 'ha-nam', name: 'Hà Nam', unitType: 'province', h: 'H25' },
  {
    slug: 'ha-noi',
    name: 'Hà Nội',
    unitType: 'city',
    h: 'H26',
    remark: 'H26 reported for UBND TP Hà Nội by hanoimoi.vn citing QĐ 2918/QĐ-UBND (2022) (3rd-party)',
  },
  {
    slug: 'ha-tinh',
    name: 'Hà Tĩnh',
    unitType: 'province',
    h: 'H27',
    remark: 'H27 also seen in a Hà Tĩnh reporting client (3rd-party)',
  },
  { slug: 'hoa-binh', name: 'Hòa Bình', unitType: 'province', h: 'H28' },
  {
    slug: 'ho-chi-minh',
    name: 'Hồ Chí Minh',
    unitType: 'city',
    h: 'H29',
    soName: 'Thành phố Hồ Chí Minh',
    soShortName: 'TP. Hồ Chí Minh',
    remark: 'H29 also seen on dichvucong.hochiminhcity.gov.vn procedure codes (3rd-party)',
  },
  { slug: 'hau-giang', name: 'Hậu Giang', unitType: 'province', h: 'H30' },
  { slug: 'hung-yen', name: 'Hưng Yên', unitType: 'province', h: 'H31' },
  { slug: 'khanh-hoa', name: 'Khánh Hòa', unitType: 'province', h: 'H32' },
  { slug: 'kien-giang', name: 'Kiên Giang', unitType: 'province', h: 'H33' },
  { slug: 'kon-tum', name: 'Kon Tum', unitType: 'province', h: 'H34' },
  { slug: 'lai-chau', name: 'Lai Châu', unitType: 'province', h: 'H35' },
  { slug: 'lam-dong', name: 'Lâm Đồng', unitType: 'province', h: 'H36' },
  { slug: 'lang-son', name: 'Lạng Sơn', unitType: 'province', h: 'H37' },
  { slug: 'lao-cai', name: 'Lào Cai', unitType: 'province', h: 'H38' },
  { slug: 'long-an', name: 'Long An', unitType: 'province', h: 'H39' },
  { slug: 'nam-dinh', name: 'Nam Định', unitType: 'province', h: 'H40' },
  { slug: 'nghe-an', name: 'Nghệ An', unitType: 'province', h: 'H41' },
  { slug: 'ninh-binh', name: 'Ninh Bình', unitType: 'province', h: 'H42' },
  { slug: 'ninh-thuan', name: 'Ninh Thuận', unitType: 'province', h: 'H43' },
  { slug: 'phu-tho', name: 'Phú Thọ', unitType: 'province', h: 'H44' },
  { slug: 'phu-yen', name: 'Phú Yên', unitType: 'province', h: 'H45' },
  { slug: 'quang-binh', name: 'Quảng Bình', unitType: 'province', h: 'H46' },
  { slug: 'quang-nam', name: 'Quảng Nam', unitType: 'province', h: 'H47' },
  { slug: 'quang-ngai', name: 'Quảng Ngãi', unitType: 'province', h: 'H48' },
  { slug: 'quang-ninh', name: 'Quảng Ninh', unitType: 'province', h: 'H49' },
  { slug: 'quang-tri', name: 'Quảng Trị', unitType: 'province', h: 'H50' },
  { slug: 'soc-trang', name: 'Sóc Trăng', unitType: 'province', h: 'H51' },
  { slug: 'son-la', name: 'Sơn La', unitType: 'province', h: 'H52' },
  { slug: 'tay-ninh', name: 'Tây Ninh', unitType: 'province', h: 'H53' },
  { slug: 'thai-binh', name: 'Thái Bình', unitType: 'province', h: 'H54' },
  { slug: 'thai-nguyen', name: 'Thái Nguyên', unitType: 'province', h: 'H55' },
  { slug: 'thanh-hoa', name: 'Thanh Hóa', unitType: 'province', h: 'H56' },
  {
    slug: 'hue',
    name: 'Huế',
    unitType: 'city',
    h: 'H57',
    soName: 'thành phố Huế',
    remark:
      'Tỉnh Thừa Thiên Huế until 2024-12-31, centrally-run Thành phố Huế from 2025-01-01; one continuous ' +
      'record under the current name; 00.00.H57 also seen on hue.gov.vn (3rd-party)',
  },
  { slug: 'tien-giang', name: 'Tiền Giang', unitType: 'province', h: 'H58' },
  { slug: 'tra-vinh', name: 'Trà Vinh', unitType: 'province', h: 'H59' },
  { slug: 'tuyen-quang', name: 'Tuyên Quang', unitType: 'province', h: 'H60' },
  { slug: 'vinh-long', name: 'Vĩnh Long', unitType: 'province', h: 'H61' },
  { slug: 'vinh-phuc', name: 'Vĩnh Phúc', unitType: 'province', h: 'H62' },
  { slug: 'yen-bai', name: 'Yên Bái', unitType: 'province', h: 'H63' },
];

/** §6.1: the 11 units unchanged by Nghị quyết 202/2025/QH15 (one continuous record each). */
const UNCHANGED_SLUGS: ReadonlySet<string> = new Set([
  'ha-noi',
  'hue',
  'lai-chau',
  'dien-bien',
  'son-la',
  'lang-son',
  'quang-ninh',
  'thanh-hoa',
  'nghe-an',
  'ha-tinh',
  'cao-bang',
]);

// ─── Provinces from 2025-07-01: the 23 merged units ──────────────────────────────────────────────────

interface MergerRow {
  /** Slug of the new unit (suffixed '-2025' in keys). */
  slug: string;
  name: string;
  unitType: UnitType;
  /** Former units in §6.1 order; the first one gives the name and (assumed) the H code. */
  members: readonly string[];
  soName?: string;
  soShortName?: string;
}

const MERGERS: readonly MergerRow[] = [
  { slug: 'tuyen-quang', name: 'Tuyên Quang', unitType: 'province', members: ['tuyen-quang', 'ha-giang'] },
  { slug: 'lao-cai', name: 'Lào Cai', unitType: 'province', members: ['lao-cai', 'yen-bai'] },
  { slug: 'thai-nguyen', name: 'Thái Nguyên', unitType: 'province', members: ['thai-nguyen', 'bac-kan'] },
  { slug: 'phu-tho', name: 'Phú Thọ', unitType: 'province', members: ['phu-tho', 'vinh-phuc', 'hoa-binh'] },
  { slug: 'bac-ninh', name: 'Bắc Ninh', unitType: 'province', members: ['bac-ninh', 'bac-giang'] },
  { slug: 'hung-yen', name: 'Hưng Yên', unitType: 'province', members: ['hung-yen', 'thai-binh'] },
  { slug: 'hai-phong', name: 'Hải Phòng', unitType: 'city', members: ['hai-phong', 'hai-duong'] },
  {
    slug: 'ninh-binh',
    name: 'Ninh Bình',
    unitType: 'province',
    members: ['ninh-binh', 'ha-nam', 'nam-dinh'],
  },
  { slug: 'quang-tri', name: 'Quảng Trị', unitType: 'province', members: ['quang-tri', 'quang-binh'] },
  { slug: 'da-nang', name: 'Đà Nẵng', unitType: 'city', members: ['da-nang', 'quang-nam'] },
  { slug: 'quang-ngai', name: 'Quảng Ngãi', unitType: 'province', members: ['quang-ngai', 'kon-tum'] },
  { slug: 'gia-lai', name: 'Gia Lai', unitType: 'province', members: ['gia-lai', 'binh-dinh'] },
  { slug: 'khanh-hoa', name: 'Khánh Hòa', unitType: 'province', members: ['khanh-hoa', 'ninh-thuan'] },
  {
    slug: 'lam-dong',
    name: 'Lâm Đồng',
    unitType: 'province',
    members: ['lam-dong', 'dak-nong', 'binh-thuan'],
  },
  { slug: 'dak-lak', name: 'Đắk Lắk', unitType: 'province', members: ['dak-lak', 'phu-yen'] },
  {
    slug: 'ho-chi-minh',
    name: 'Hồ Chí Minh',
    unitType: 'city',
    members: ['ho-chi-minh', 'binh-duong', 'ba-ria-vung-tau'],
    soName: 'Thành phố Hồ Chí Minh',
    soShortName: 'TP. Hồ Chí Minh',
  },
  { slug: 'dong-nai', name: 'Đồng Nai', unitType: 'province', members: ['dong-nai', 'binh-phuoc'] },
  { slug: 'tay-ninh', name: 'Tây Ninh', unitType: 'province', members: ['tay-ninh', 'long-an'] },
  { slug: 'can-tho', name: 'Cần Thơ', unitType: 'city', members: ['can-tho', 'soc-trang', 'hau-giang'] },
  {
    slug: 'vinh-long',
    name: 'Vĩnh Long',
    unitType: 'province',
    members: ['vinh-long', 'ben-tre', 'tra-vinh'],
  },
  { slug: 'dong-thap', name: 'Đồng Tháp', unitType: 'province', members: ['dong-thap', 'tien-giang'] },
  { slug: 'ca-mau', name: 'Cà Mau', unitType: 'province', members: ['ca-mau', 'bac-lieu'] },
  { slug: 'an-giang', name: 'An Giang', unitType: 'province', members: ['an-giang', 'kien-giang'] },
];

// ─── Builders ────────────────────────────────────────────────────────────────────────────────────────

const committeeKey = (slug: string): string => `ubnd-${slug}`;
const departmentKey = (slug: string): string => `so-${slug}`;
const merged = (key: string): string => `${key}-2025`;

function provinceRow(slug: string): ProvinceRow {
  const row = PROVINCES.find((p) => p.slug === slug);
  if (!row) throw new Error(`organizations.data: unknown province slug '${slug}'`);
  return row;
}

function joinNotes(...notes: (string | undefined)[]): string {
  return notes.filter((n): n is string => Boolean(n)).join('; ');
}

interface ProvinceNames {
  name: string;
  unitType: UnitType;
  soName?: string | undefined;
  soShortName?: string | undefined;
}

function committeeNames(p: ProvinceNames): Pick<SeedOrganization, 'name' | 'shortName' | 'province'> {
  const city = p.unitType === 'city';
  return {
    name: `Ủy ban nhân dân ${city ? 'thành phố' : 'tỉnh'} ${p.name}`,
    shortName: `UBND ${city ? 'TP.' : 'tỉnh'} ${p.name}`,
    province: { name: `${city ? 'Thành phố' : 'Tỉnh'} ${p.name}`, unitType: p.unitType },
  };
}

function departmentNames(p: ProvinceNames): Pick<SeedOrganization, 'name' | 'shortName' | 'province'> {
  return {
    name: `Sở Giáo dục và Đào tạo ${p.soName ?? p.name}`,
    shortName: `Sở GD&ĐT ${p.soShortName ?? p.name}`,
    province: committeeNames(p).province,
  };
}

/** Committee + department valid before the merger (closed on 2025-06-30 unless unchanged). */
function provincePair(p: ProvinceRow): SeedOrganization[] {
  const unchanged = UNCHANGED_SLUGS.has(p.slug);
  const verified = VERIFIED_H_CODES.has(p.h);
  const validTo = unchanged ? null : LAST_DAY_BEFORE_MERGER;
  const committee: SeedOrganization = {
    key: committeeKey(p.slug),
    identifier: `000.00.00.${p.h}`,
    identifierVerified: verified,
    ...committeeNames(p),
    abbreviation: 'UBND',
    kind: 'provincial_committee',
    parentKey: null,
    validFrom: PROVINCE_HISTORY_START,
    validTo,
    predecessorKeys: [],
  };
  const committeeNote = joinNotes(verified ? undefined : NOTE_H_ORDERING, p.remark);
  if (committeeNote) committee.note = committeeNote;
  const department: SeedOrganization = {
    key: departmentKey(p.slug),
    identifier: `000.00.${SO_LEVEL2_PLACEHOLDER}.${p.h}`,
    identifierVerified: false,
    ...departmentNames(p),
    abbreviation: 'SGDĐT',
    kind: 'provincial_department',
    parentKey: committee.key,
    validFrom: PROVINCE_HISTORY_START,
    validTo,
    predecessorKeys: [],
    note: NOTE_SO_PLACEHOLDER,
  };
  return [committee, department];
}

/** New committee + department of a merged unit, valid from 2025-07-01. */
function mergedPair(m: MergerRow): SeedOrganization[] {
  const first = m.members[0];
  if (first === undefined) throw new Error(`organizations.data: merger '${m.slug}' has no members`);
  const h = provinceRow(first).h;
  const committee: SeedOrganization = {
    key: merged(committeeKey(m.slug)),
    identifier: `000.00.00.${h}`,
    identifierVerified: false,
    ...committeeNames(m),
    abbreviation: 'UBND',
    kind: 'provincial_committee',
    parentKey: null,
    validFrom: FIRST_DAY_AFTER_MERGER,
    validTo: null,
    predecessorKeys: m.members.map(committeeKey),
    note: NOTE_SURVIVING_CODE,
  };
  const department: SeedOrganization = {
    key: merged(departmentKey(m.slug)),
    identifier: `000.00.${SO_LEVEL2_PLACEHOLDER}.${h}`,
    identifierVerified: false,
    ...departmentNames(m),
    abbreviation: 'SGDĐT',
    kind: 'provincial_department',
    parentKey: committee.key,
    validFrom: FIRST_DAY_AFTER_MERGER,
    validTo: null,
    predecessorKeys: m.members.map(departmentKey),
    note: joinNotes(NOTE_SO_PLACEHOLDER, NOTE_SURVIVING_CODE),
  };
  return [committee, department];
}

// ─── Schools ─────────────────────────────────────────────────────────────────────────────────────────

const NOTE_SCHOOL = 'identifier unverified: placeholder level-3 code under the Sở placeholder';

const schools: SeedOrganization[] = [
  {
    key: 'thpt-chu-van-an-ha-noi',
    identifier: '000.01.20.H26',
    identifierVerified: false,
    name: 'Trường THPT Chu Văn An',
    shortName: 'THPT Chu Văn An',
    abbreviation: 'THPTCVA',
    kind: 'school',
    parentKey: departmentKey('ha-noi'),
    validFrom: PROVINCE_HISTORY_START,
    validTo: null,
    predecessorKeys: [],
    note: NOTE_SCHOOL,
  },
  {
    key: 'thpt-phan-dinh-phung-ha-noi',
    identifier: '000.02.20.H26',
    identifierVerified: false,
    name: 'Trường THPT Phan Đình Phùng',
    shortName: 'THPT Phan Đình Phùng',
    abbreviation: 'THPTPĐP',
    kind: 'school',
    parentKey: departmentKey('ha-noi'),
    validFrom: PROVINCE_HISTORY_START,
    validTo: null,
    predecessorKeys: [],
    note: NOTE_SCHOOL,
  },
  {
    key: 'thpt-chuyen-le-hong-phong-ho-chi-minh',
    identifier: '000.01.20.H29',
    identifierVerified: false,
    name: 'Trường THPT chuyên Lê Hồng Phong',
    shortName: 'THPT chuyên Lê Hồng Phong',
    abbreviation: 'THPTCLHP',
    kind: 'school',
    parentKey: merged(departmentKey('ho-chi-minh')),
    validFrom: FIRST_DAY_AFTER_MERGER,
    validTo: null,
    predecessorKeys: [],
    note: joinNotes(NOTE_SCHOOL, 'record starts with the merged Sở; earlier history not seeded'),
  },
  {
    key: 'thpt-chuyen-tuyen-quang',
    identifier: '000.01.20.H60',
    identifierVerified: false,
    name: 'Trường THPT chuyên Tuyên Quang',
    shortName: 'THPT chuyên Tuyên Quang',
    abbreviation: 'THPTCTQ',
    kind: 'school',
    parentKey: merged(departmentKey('tuyen-quang')),
    validFrom: FIRST_DAY_AFTER_MERGER,
    validTo: null,
    predecessorKeys: [],
    note: joinNotes(NOTE_SCHOOL, 'record starts with the merged Sở; earlier history not seeded'),
  },
];

// ─── Exports ─────────────────────────────────────────────────────────────────────────────────────────

export const seedOrganizations: readonly SeedOrganization[] = [
  ministry,
  ...universities,
  ...PROVINCES.flatMap(provincePair),
  ...MERGERS.flatMap(mergedPair),
  ...schools,
];

const MOET_UNITS_FROM = '2022-01-01';
const MOET_2025_RESTRUCTURING = '2025-03-01';
const MOET_CLOSED_ON = '2025-02-28';

type UnitRow = [key: string, name: string, abbreviation: string, kind: SeedUnit['kind'], validFrom: string];

/** Current MOET units; only Văn phòng has a verified code (G03.15, §2.1). */
const CURRENT_MOET_UNITS: readonly UnitRow[] = [
  ['moet-vp', 'Văn phòng', 'VP', 'office', MOET_UNITS_FROM],
  ['moet-gdmn', 'Vụ Giáo dục Mầm non', 'GDMN', 'department', MOET_UNITS_FROM],
  ['moet-gdpt', 'Vụ Giáo dục Phổ thông', 'GDPT', 'department', MOET_2025_RESTRUCTURING],
  ['moet-gddh', 'Vụ Giáo dục Đại học', 'GDĐH', 'department', MOET_UNITS_FROM],
  ['moet-gdnntx', 'Vụ Giáo dục nghề nghiệp và Giáo dục thường xuyên', 'GDNNTX', 'department', MOET_2025_RESTRUCTURING],
  ['moet-tccb', 'Vụ Tổ chức cán bộ', 'TCCB', 'department', MOET_UNITS_FROM],
  ['moet-khtc', 'Vụ Kế hoạch - Tài chính', 'KHTC', 'department', MOET_UNITS_FROM],
  ['moet-pc', 'Vụ Pháp chế', 'PC', 'department', MOET_UNITS_FROM],
  ['moet-htqt', 'Vụ Hợp tác quốc tế', 'HTQT', 'department', MOET_UNITS_FROM],
  ['moet-hssv', 'Vụ Học sinh, sinh viên', 'HSSV', 'department', MOET_2025_RESTRUCTURING],
  ['moet-ttr', 'Thanh tra', 'TTr', 'inspectorate', MOET_UNITS_FROM],
  ['moet-qlcl', 'Cục Quản lý chất lượng', 'QLCL', 'agency', MOET_UNITS_FROM],
  ['moet-ngcbqlgd', 'Cục Nhà giáo và Cán bộ quản lý giáo dục', 'NGCBQLGD', 'agency', MOET_UNITS_FROM],
  ['moet-khcntt', 'Cục Khoa học, Công nghệ và Thông tin', 'KHCNTT', 'agency', MOET_2025_RESTRUCTURING],
];

const VERIFIED_UNIT_CODES: Readonly<Record<string, string>> = { 'moet-vp': '000.00.15.G03' };

/** Closed MOET units with their QĐ 1165 codes (G03.02, G03.03, G03.09 in QCVN notation), §2.1. */
const CLOSED_MOET_UNITS: readonly [key: string, name: string, abbreviation: string, identifier: string][] = [
  ['moet-gdth', 'Vụ Giáo dục Tiểu học', 'GDTH', '000.00.02.G03'],
  ['moet-gdtrh', 'Vụ Giáo dục Trung học', 'GDTrH', '000.00.03.G03'],
  ['moet-gdtc', 'Vụ Giáo dục Thể chất', 'GDTC', '000.00.09.G03'],
];

export const seedUnits: readonly SeedUnit[] = [
  ...CURRENT_MOET_UNITS.map(([key, name, abbreviation, kind, validFrom]): SeedUnit => {
    const identifier = VERIFIED_UNIT_CODES[key] ?? null;
    return {
      orgKey: MINISTRY_KEY,
      key,
      name,
      abbreviation,
      kind,
      identifier,
      identifierVerified: identifier !== null,
      validFrom,
      validTo: null,
    };
  }),
  ...CLOSED_MOET_UNITS.map(([key, name, abbreviation, identifier]): SeedUnit => ({
    orgKey: MINISTRY_KEY,
    key,
    name,
    abbreviation,
    kind: 'department',
    identifier,
    identifierVerified: true,
    validFrom: MOET_UNITS_FROM,
    validTo: MOET_CLOSED_ON,
  })),
];
