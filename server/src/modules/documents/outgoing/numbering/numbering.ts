/**
 * Numbers of outgoing documents (số, ký hiệu — Decree 30/2020, Điều 15 and Phụ lục I): `05/QĐ-BGDĐT` for a
 * document with a type name, `123/BGDĐT-GDPT` for a công văn. Each outgoing register runs one series for all
 * types or one per type, from 01 on 1 January (Vietnam time); confidential books have their own series. A
 * number is allocated gap-free inside the caller's transaction (a rollback gives it back) and, once given,
 * is never reused: cancelling only marks it.
 */
import type { Selectable } from 'kysely';
import type { Trx } from '../../../../platform/db/schema.ts';
import { AppError } from '../../../../platform/errors.ts';
import { nfc } from '../../../../platform/text.ts';
import { vietnamDate } from '../../../../platform/time.ts';
import { findUnitById, getOrganizationById } from '../../../org/index.ts';
import {
  CONFIDENTIALITIES,
  DOCUMENT_TYPES,
  type Confidentiality,
  type DocumentTypeSpec,
} from '../../documents.types.ts';
import { allocateNumber, findOrCreateDefaultRegister, findRegisterById } from '../../registers/registers.repository.ts';
import type { IssuedNumbersTable } from './numbering.tables.ts';

export type IssuedNumber = Selectable<IssuedNumbersTable>;

export interface IssueNumberInput {
  readonly organizationId: string;
  /** The outgoing register to number in; the organisation's default one for the confidentiality when absent. */
  readonly registerId?: string | undefined;
  readonly docType: string;
  readonly confidentiality: Confidentiality;
  /** The unit that drafted it: required for công văn and thư công (its abbreviation ends the notation). */
  readonly draftingUnitId: string | null;
  /** When the number is given: its year (in Vietnam) picks the series. */
  readonly at: Date;
  readonly issuedBy: string;
  readonly documentId?: string | undefined;
  /** For a document numbered outside the system (paper): what the register book lists about it. */
  readonly subject?: string | null | undefined;
  readonly signerName?: string | null | undefined;
  readonly notes?: string | null | undefined;
}

/** `05/QĐ-BGDĐT`: numbers below 10 get a leading zero. */
export function formatFullNumber(n: number, notation: string): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Not a document number: ${n}`);
  return `${n < 10 ? `0${n}` : String(n)}/${notation}`;
}

/** The type of a code among the 29 of Decree 30/2020, or a 400. */
export function documentType(code: string): DocumentTypeSpec {
  const type = DOCUMENT_TYPES.find((t) => t.code === code);
  if (!type) throw new AppError('request.invalid', { field: 'docType', reason: `unknown document type ${code}` });
  return type;
}

/**
 * The ký hiệu: `{type}-{organisation}` (QĐ-BGDĐT, QyĐ-BGDĐT, TTr-BGDĐT — abbreviations kept as written), or
 * for a công văn / thư công (no type abbreviation) `{organisation}-{drafting unit}` (BGDĐT-GDPT).
 */
export function buildNotation(
  type: Pick<DocumentTypeSpec, 'abbreviation'>,
  organizationAbbreviation: string,
  unitAbbreviation: string | null,
): string {
  const org = nfc(organizationAbbreviation.trim());
  if (type.abbreviation !== null) return `${nfc(type.abbreviation)}-${org}`;
  if (!unitAbbreviation?.trim()) throw new AppError('documents.unit_required');
  return `${org}-${nfc(unitAbbreviation.trim())}`;
}

/** The outgoing register to number in: the chosen one (checked) or the organisation's default one. */
async function outgoingRegister(
  trx: Trx,
  organizationId: string,
  registerId: string | undefined,
  confidential: boolean,
) {
  if (!registerId) return (await findOrCreateDefaultRegister(trx, organizationId, 'outgoing', confidential)).register;
  const register = await findRegisterById(trx, registerId);
  if (
    !register ||
    register.organization_id !== organizationId ||
    register.direction !== 'outgoing' ||
    !register.active
  ) {
    throw new AppError('documents.register_not_found', { registerId, direction: 'outgoing' });
  }
  if (register.confidential !== confidential) {
    throw new AppError('documents.register_mismatch', { registerConfidential: register.confidential });
  }
  return register;
}

/** The drafting unit's abbreviation, checked to be a unit of the organisation in force on `day`. */
async function draftingUnitAbbreviation(
  trx: Trx,
  organizationId: string,
  unitId: string | null,
  day: string,
): Promise<string | null> {
  if (unitId === null) return null;
  const unit = await findUnitById(trx, unitId);
  if (
    !unit ||
    unit.organization_id !== organizationId ||
    unit.valid_from > day ||
    (unit.valid_to && unit.valid_to < day)
  ) {
    throw new AppError('documents.invalid_unit', { draftingUnitId: unitId });
  }
  return unit.abbreviation;
}

/** The ký hiệu a document would be numbered with on `day` (the PDF the leader signs shows it before the number). */
export async function previewNotation(
  trx: Trx,
  input: { organizationId: string; docType: string; draftingUnitId: string | null; day: string },
): Promise<string> {
  const organization = await getOrganizationById(trx, input.organizationId);
  const unit = await draftingUnitAbbreviation(trx, input.organizationId, input.draftingUnitId, input.day);
  return buildNotation(documentType(input.docType), organization.abbreviation, unit);
}

/**
 * Gives the next number of the register's series for the year of `at` (Vietnam time) and records it. Run it
 * in the transaction that uses the number: the series row stays locked until that transaction ends, and a
 * rollback (including any error thrown here) gives the number back, so the series has no gap.
 */
export async function issueNumber(trx: Trx, input: IssueNumberInput): Promise<IssuedNumber> {
  const type = documentType(input.docType);
  if (!(CONFIDENTIALITIES as readonly string[]).includes(input.confidentiality)) {
    throw new AppError('request.invalid', { field: 'confidentiality' });
  }
  const day = vietnamDate(input.at);
  const year = Number(day.slice(0, 4));
  const organization = await getOrganizationById(trx, input.organizationId);
  const unitAbbreviation = await draftingUnitAbbreviation(trx, input.organizationId, input.draftingUnitId, day);
  const notation = buildNotation(type, organization.abbreviation, unitAbbreviation);
  const confidential = input.confidentiality !== 'normal';
  const register = await outgoingRegister(trx, input.organizationId, input.registerId, confidential);
  const series = register.numbering === 'per_type' ? type.code : '';

  const number = await allocateNumber(trx, register.id, year, series);
  const fullNumber = formatFullNumber(number, notation);
  // Số and ký hiệu are unique in the organisation's year: two books numbering the same type would clash.
  const clash = await trx
    .selectFrom('issued_numbers as n')
    .innerJoin('registers as r', 'r.id', 'n.register_id')
    .select(['r.id', 'r.name'])
    .where('n.organization_id', '=', input.organizationId)
    .where('n.confidential', '=', confidential)
    .where('n.year', '=', year)
    .where('n.full_number', '=', fullNumber)
    .executeTakeFirst();
  if (clash) {
    throw new AppError('documents.number_taken', { fullNumber, registerId: clash.id, registerName: clash.name });
  }
  return trx
    .insertInto('issued_numbers')
    .values({
      organization_id: input.organizationId,
      register_id: register.id,
      confidential,
      year,
      series,
      number,
      notation,
      full_number: fullNumber,
      doc_type: type.code,
      confidentiality: input.confidentiality,
      drafting_unit_id: input.draftingUnitId,
      subject: input.subject ?? null,
      signer_name: input.signerName ?? null,
      notes: input.notes ?? null,
      issued_at: input.at,
      issued_by: input.issuedBy,
      document_id: input.documentId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The issued number, locked for the rest of the transaction; undefined when there is none. */
export async function findIssuedNumberForUpdate(trx: Trx, id: string): Promise<IssuedNumber | undefined> {
  return trx.selectFrom('issued_numbers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Marks a number cancelled (never deleted, never given again: the series counter moves on). 404 when there
 * is no such number, 409 `documents.invalid_state` when it is already cancelled. Authorisation is the caller's.
 */
export async function cancelNumber(
  trx: Trx,
  id: string,
  input: { by: string; reason: string; at?: Date },
): Promise<IssuedNumber> {
  const row = await findIssuedNumberForUpdate(trx, id);
  if (!row) throw new AppError('record.not_found', { type: 'issued_number', id });
  if (row.status !== 'issued') throw new AppError('documents.invalid_state', { status: row.status });
  const reason = nfc(input.reason.trim());
  if (!reason) throw new AppError('request.invalid', { field: 'reason' });
  return trx
    .updateTable('issued_numbers')
    .set({ status: 'cancelled', cancelled_at: input.at ?? new Date(), cancelled_by: input.by, cancel_reason: reason })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
