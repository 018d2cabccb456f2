/**
 * The axis's directory of agencies in the organisation registry (issue 6): every agency the axis lists becomes
 * an organisation (kind 'external', reached through the axis) so users pick recipients by name. Run by a job
 * twice a day and by a system administrator on demand.
 */
import type { Logger } from 'pino';
import { writeAudit, type AuditContext } from '../../../platform/audit/audit.ts';
import type { AppDeps } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { upsertAxisAgencies, type AgencySyncCounts } from '../../org/index.ts';
import { AxisError, type AxisConnector } from '../axis/axis.types.ts';

export interface AgencySyncReport extends AgencySyncCounts {
  /** Agencies the axis listed. */
  listed: number;
}

const SYSTEM: AuditContext = { actorUserId: null, actorName: 'EduGov', organizationId: null, requestId: null };

/** Lists the axis's agencies and brings them into the registry in one transaction, audited with the counts. */
export async function syncAgencies(
  deps: Pick<AppDeps, 'db'> & { readonly logger: Logger },
  connector: AxisConnector,
  audit: AuditContext = SYSTEM,
): Promise<AgencySyncReport> {
  let agencies;
  try {
    agencies = await connector.listAgencies();
  } catch (error) {
    if (!(error instanceof AxisError)) throw error;
    deps.logger.warn({ err: error }, 'could not list the agencies of the axis');
    throw new AppError('exchange.axis_unavailable', { reason: error.reason });
  }
  const report = await deps.db.transaction().execute(async (trx) => {
    const counts = await upsertAxisAgencies(trx, agencies);
    const result: AgencySyncReport = { listed: agencies.length, ...counts };
    await writeAudit(trx, audit, {
      action: 'exchange.agencies_synced',
      targetType: 'organization',
      targetId: null,
      organizationId: null,
      summary: { axis: connector.kind, ...result },
    });
    return result;
  });
  deps.logger.info(report, 'axis directory synchronised');
  return report;
}
