import type { MigrationSet } from '../../../platform/db/migrate.ts';
import * as incoming from './20261128T030000_documents_incoming.ts';
import * as outgoingNumbers from './20261128T050000_documents_outgoing_numbers.ts';
import * as outgoingDrafts from './20261128T060000_documents_outgoing_drafts.ts';
import * as outgoingDispatches from './20261128T070000_documents_outgoing_dispatches.ts';
import * as outgoingRelations from './20261128T080000_documents_outgoing_relations.ts';
import * as outgoingDraftChoices from './20261128T090000_documents_outgoing_draft_choices.ts';
import * as copies from './20261128T100000_documents_copies.ts';
import * as outgoingSigning from './20261128T160000_documents_outgoing_signing.ts';
import * as axis from './20261128T180000_documents_axis.ts';
import * as withdrawnUnregistered from './20261128T180200_documents_withdrawn_unregistered.ts';
import * as visibilityIndexes from './20261128T190000_documents_visibility_indexes.ts';
import * as searchByOrg from './20261128T190200_documents_search_by_org.ts';

export const documentsMigrations: MigrationSet = {
  '20261128T030000_documents_incoming': incoming,
  '20261128T050000_documents_outgoing_numbers': outgoingNumbers,
  '20261128T060000_documents_outgoing_drafts': outgoingDrafts,
  '20261128T070000_documents_outgoing_dispatches': outgoingDispatches,
  '20261128T080000_documents_outgoing_relations': outgoingRelations,
  '20261128T090000_documents_outgoing_draft_choices': outgoingDraftChoices,
  '20261128T100000_documents_copies': copies,
  '20261128T160000_documents_outgoing_signing': outgoingSigning,
  '20261128T180000_documents_axis': axis,
  '20261128T180200_documents_withdrawn_unregistered': withdrawnUnregistered,
  '20261128T190000_documents_visibility_indexes': visibilityIndexes,
  '20261128T190200_documents_search_by_org': searchByOrg,
};
