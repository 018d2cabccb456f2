/** All SQL of the files module. */
import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx } from '../../platform/db/schema.ts';
import type { FilesTable } from './files.tables.ts';

export type FileRow = Selectable<FilesTable>;

export async function insertFile(db: DbOrTrx, values: Insertable<FilesTable>): Promise<FileRow> {
  return db.insertInto('files').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findFileById(db: DbOrTrx, id: string): Promise<FileRow | undefined> {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFilesByIds(db: DbOrTrx, ids: readonly string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('files')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
}
