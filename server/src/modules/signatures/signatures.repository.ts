/** Queries of the signatures module (Kysely). */
import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx } from '../../platform/db/schema.ts';
import type {
  SignatureImagesTable,
  SignatureTrustRootsTable,
  SignatureValidationsTable,
  SigningCredentialsTable,
} from './signatures.tables.ts';

export type CredentialRow = Selectable<SigningCredentialsTable>;
export type TrustRootRow = Selectable<SignatureTrustRootsTable>;
export type ValidationRow = Selectable<SignatureValidationsTable>;
export type ImageRow = Selectable<SignatureImagesTable>;

export type CredentialOwner = { readonly userId: string } | { readonly organizationId: string };

const ownerColumn = (owner: CredentialOwner) =>
  'userId' in owner
    ? ({ column: 'owner_user_id', id: owner.userId } as const)
    : ({ column: 'owner_organization_id', id: owner.organizationId } as const);

export async function findActiveCredential(db: DbOrTrx, owner: CredentialOwner): Promise<CredentialRow | undefined> {
  const { column, id } = ownerColumn(owner);
  return db
    .selectFrom('signing_credentials')
    .selectAll()
    .where(column, '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
}

/** Deactivates the owner's current credential and inserts the new one (one active per owner). */
export async function replaceCredential(
  trx: DbOrTrx,
  owner: CredentialOwner,
  row: Insertable<SigningCredentialsTable>,
): Promise<CredentialRow> {
  const { column, id } = ownerColumn(owner);
  await trx
    .updateTable('signing_credentials')
    .set({ active: false })
    .where(column, '=', id)
    .where('active', '=', true)
    .execute();
  return trx.insertInto('signing_credentials').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listTrustRoots(db: DbOrTrx): Promise<TrustRootRow[]> {
  return db
    .selectFrom('signature_trust_roots')
    .selectAll()
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .execute();
}

export async function findTrustRootByFingerprint(db: DbOrTrx, fingerprint: string): Promise<TrustRootRow | undefined> {
  return db.selectFrom('signature_trust_roots').selectAll().where('fingerprint', '=', fingerprint).executeTakeFirst();
}

export async function findDemoRoot(db: DbOrTrx): Promise<TrustRootRow | undefined> {
  return db
    .selectFrom('signature_trust_roots')
    .selectAll()
    .where('source', '=', 'demo')
    .where('sealed_key', 'is not', null)
    .orderBy('created_at')
    .executeTakeFirst();
}

export async function insertTrustRoot(trx: DbOrTrx, row: Insertable<SignatureTrustRootsTable>): Promise<TrustRootRow> {
  return trx.insertInto('signature_trust_roots').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function removeTrustRoot(trx: DbOrTrx, id: string): Promise<TrustRootRow | undefined> {
  return trx
    .updateTable('signature_trust_roots')
    .set({ removed_at: new Date() })
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function insertValidation(
  trx: DbOrTrx,
  row: Insertable<SignatureValidationsTable>,
): Promise<ValidationRow> {
  return trx.insertInto('signature_validations').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function latestValidation(db: DbOrTrx, fileId: string): Promise<ValidationRow | undefined> {
  return db
    .selectFrom('signature_validations')
    .selectAll()
    .where('file_id', '=', fileId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The latest report of each of the files (those never validated are left out). */
export async function latestValidations(db: DbOrTrx, fileIds: readonly string[]): Promise<ValidationRow[]> {
  if (fileIds.length === 0) return [];
  return db
    .selectFrom('signature_validations')
    .distinctOn('file_id')
    .selectAll()
    .where('file_id', 'in', [...fileIds])
    .orderBy('file_id')
    .orderBy('created_at', 'desc')
    .execute();
}

/** The latest verdict of each of the files, without the reports (for lists). */
export async function latestVerdicts(
  db: DbOrTrx,
  fileIds: readonly string[],
): Promise<Pick<ValidationRow, 'file_id' | 'verdict'>[]> {
  if (fileIds.length === 0) return [];
  return db
    .selectFrom('signature_validations')
    .distinctOn('file_id')
    .select(['file_id', 'verdict'])
    .where('file_id', 'in', [...fileIds])
    .orderBy('file_id')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function findImage(
  db: DbOrTrx,
  owner: { userId: string } | { organizationId: string },
): Promise<ImageRow | undefined> {
  return 'userId' in owner
    ? db
        .selectFrom('signature_images')
        .selectAll()
        .where('kind', '=', 'signature')
        .where('owner_user_id', '=', owner.userId)
        .executeTakeFirst()
    : db
        .selectFrom('signature_images')
        .selectAll()
        .where('kind', '=', 'seal')
        .where('owner_organization_id', '=', owner.organizationId)
        .executeTakeFirst();
}

export async function upsertImage(trx: DbOrTrx, row: Insertable<SignatureImagesTable>): Promise<ImageRow> {
  const owner =
    row.kind === 'signature' ? { userId: row.owner_user_id! } : { organizationId: row.owner_organization_id! };
  const existing = await findImage(trx, owner);
  if (existing) {
    return trx
      .updateTable('signature_images')
      .set({
        png: row.png,
        width: row.width,
        height: row.height,
        is_demo: row.is_demo ?? false,
        uploaded_by: row.uploaded_by,
        updated_at: new Date(),
      })
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  return trx.insertInto('signature_images').values(row).returningAll().executeTakeFirstOrThrow();
}
