/**
 * Numbers of copies (STANDARDS §1.11, §1.3): `05/SY-BGDĐT`, `05/SL-BGDĐT`, `05/TrS-BGDĐT` — the form's
 * abbreviation and the organisation's, numbers below 10 with a leading zero. Each form runs its own series
 * per year (Vietnam time) in the organisation's default outgoing register (confidential originals: the
 * confidential register), allocated by the registers' gap-free allocator inside the caller's transaction —
 * a rollback gives the number back, concurrent copies get consecutive numbers.
 */
import type { Trx } from '../../../../platform/db/schema.ts';
import { nfc } from '../../../../platform/text.ts';
import { vietnamDate } from '../../../../platform/time.ts';
import { getOrganizationById } from '../../../org/index.ts';
import { allocateNumber, findOrCreateDefaultRegister } from '../../registers/registers.repository.ts';
import { formatFullNumber } from '../numbering/index.ts';
import type { CopyForm } from './copies.types.ts';

/** The counter series of a copy form in a register: apart from the document series ('' or a type code). */
export const copySeries = (form: CopyForm) => `copy:${form}`;

export interface CopyNumber {
  readonly registerId: string;
  readonly year: number;
  readonly number: number;
  readonly notation: string;
  readonly fullNumber: string;
}

/** `SY-BGDĐT`: the form's abbreviation as written (TrS keeps its lowercase r) and the organisation's. */
export function copyNotation(form: CopyForm, organizationAbbreviation: string): string {
  return `${form}-${nfc(organizationAbbreviation.trim())}`;
}

export async function allocateCopyNumber(
  trx: Trx,
  input: { organizationId: string; form: CopyForm; confidential: boolean; at: Date },
): Promise<CopyNumber> {
  const year = Number(vietnamDate(input.at).slice(0, 4));
  const organization = await getOrganizationById(trx, input.organizationId);
  const { register } = await findOrCreateDefaultRegister(trx, input.organizationId, 'outgoing', input.confidential);
  const number = await allocateNumber(trx, register.id, year, copySeries(input.form));
  const notation = copyNotation(input.form, organization.abbreviation);
  return { registerId: register.id, year, number, notation, fullNumber: formatFullNumber(number, notation) };
}
