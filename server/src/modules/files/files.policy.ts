/**
 * Who may do what with files.
 * - Every signed-in official may upload a file; it belongs to the organisation they act for.
 * - A file may be read directly (its own routes) by its uploader, and by a clerk or leader of the
 *   organisation it belongs to. Everyone else reads files only through the record they are attached to
 *   (an incoming document, a dossier…), whose module checks its own permissions first.
 * - A file may be attached to a record only by whoever uploaded it, acting for the organisation it belongs
 *   to (knowing another file's id must not let anyone copy it onto a record they can read).
 */
import { hasRole, type Actor } from '../../platform/authz.ts';
import type { FileRow } from './files.repository.ts';

type FileOwnership = Pick<FileRow, 'organization_id' | 'uploaded_by'>;

export const filesPolicy = {
  canUpload: (_actor: Actor) => true,
  canReadDirectly: (actor: Actor, file: FileOwnership) =>
    file.uploaded_by === actor.userId ||
    (file.organization_id === actor.organizationId && hasRole(actor, 'clerk', 'leader')),
  canAttach: (actor: Actor, file: FileOwnership) =>
    file.uploaded_by === actor.userId && file.organization_id === actor.organizationId,
};
