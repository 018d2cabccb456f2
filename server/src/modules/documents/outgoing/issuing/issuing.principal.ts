/**
 * The head an official signs for with KT. (ký thay), TL. (thừa lệnh) or TUQ. (thừa ủy quyền) — Decree 30/2020,
 * Điều 13 and Phụ lục I (STANDARDS §1.5): "KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG". The title is, in order: the
 * draft's own choice; the organisation's head position (its position of the lowest rank, when one position
 * alone has it and it ranks above the signer's own position); the usual title of the organisation's kind.
 */
import type { DbOrTrx } from '../../../../platform/db/schema.ts';
import { vietnamDate } from '../../../../platform/time.ts';
import type { OrgKind } from '../../../org/index.ts';

/** The usual title of the head of each kind of organisation. */
export function headTitleOfKind(kind: OrgKind, organizationName: string): string {
  switch (kind) {
    case 'ministry':
      return 'Bộ trưởng';
    case 'provincial_committee':
    case 'commune_committee':
      return 'Chủ tịch';
    case 'provincial_department':
      return 'Giám đốc';
    case 'university':
      // Luật Giáo dục đại học: a trường đại học is headed by a hiệu trưởng, an đại học (ĐH Huế, ĐH Đà Nẵng) by a giám đốc.
      return /^trường\s/iu.test(organizationName.normalize('NFC').trim()) ? 'Hiệu trưởng' : 'Giám đốc';
    case 'college':
    case 'school':
      return 'Hiệu trưởng';
    default:
      return 'Thủ trưởng';
  }
}

export async function principalTitle(
  db: DbOrTrx,
  organization: { id: string; kind: OrgKind; name: string },
  signerUserId: string | null,
  override: string | null,
): Promise<string> {
  if (override?.trim()) return override.normalize('NFC').trim();
  const top = await db
    .selectFrom('positions')
    .select(['name', 'rank'])
    .where('organization_id', '=', organization.id)
    .orderBy('rank')
    .orderBy('name')
    .limit(2)
    .execute();
  const head = top[0] && (top.length === 1 || top[1]!.rank > top[0].rank) ? top[0] : undefined;
  if (head) {
    const today = vietnamDate();
    const signer = signerUserId
      ? await db
          .selectFrom('memberships as m')
          .innerJoin('positions as p', 'p.id', 'm.position_id')
          .select((eb) => eb.fn.min('p.rank').as('rank'))
          .where('m.user_id', '=', signerUserId)
          .where('m.organization_id', '=', organization.id)
          .where('m.valid_from', '<=', today)
          .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>=', today)]))
          .executeTakeFirst()
      : undefined;
    const signerRank = signer?.rank ?? null;
    // Signing "for" oneself makes no sense: the head position must rank above the signer's own.
    if (signerRank === null || head.rank < Number(signerRank)) return head.name;
  }
  return headTitleOfKind(organization.kind, organization.name);
}
