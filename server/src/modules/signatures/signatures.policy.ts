/**
 * Who may do what with signatures.
 * - Every official manages their own credential and signature image.
 * - The organisation's credential and seal image: its administrator or its clerk (the clerk keeps the
 *   organisation's signing device, Nghị định 30 Điều 32–33).
 * - The trust list: system administrators.
 * - Validating a stored file: whoever may read it directly (its uploader, a clerk or leader of its
 *   organisation), as the files module says.
 */
import { hasRole, isSystemAdmin, type Actor } from '../../platform/authz.ts';
import type { FileRow } from '../files/index.ts';

export const signaturesPolicy = {
  canManageTrustList: (actor: Actor) => isSystemAdmin(actor),
  canManageOrganizationCredential: (actor: Actor) => hasRole(actor, 'org_admin', 'clerk'),
  canValidateFile: (actor: Actor, file: Pick<FileRow, 'organization_id' | 'uploaded_by'>) =>
    file.uploaded_by === actor.userId ||
    (file.organization_id === actor.organizationId && hasRole(actor, 'clerk', 'leader')),
};
