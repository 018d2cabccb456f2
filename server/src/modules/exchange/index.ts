/**
 * The exchange module's public door (issue 6). For now: the edXML codec and the mapping to EduGov documents;
 * transport (axis connector, outbox/inbox, hub) comes next and will add the AppModule here.
 */
export * from './edxml/index.ts';
export {
  receivedPackage,
  packageOfOutgoing,
  priorityOfUrgency,
  urgencyOfPriority,
  edxmlDocumentType,
  documentTypeOfEdxml,
  type OrganizationDirectory,
  type ReceivedPackage,
  type OutgoingForExchange,
} from './exchange.mapping.ts';
