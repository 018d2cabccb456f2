/** Background jobs of the exchange: deliver the outbox, bring in the inbox, sync the directory (idle without an axis). */
import { defineJob, type AnyJob } from '../../platform/jobs/jobs.ts';
import { syncAgencies } from './agencies/agencies.service.ts';
import { axisConnectorFor } from './exchange.connector.ts';
import { pollInbox } from './inbox/inbox.service.ts';
import { deliverDueMessages } from './outbox/outbox.service.ts';

export const deliverOutboxJob = defineJob<Record<string, never>>({
  name: 'exchange.deliver_outbox',
  everyMinutes: 0.25,
  retryLimit: 0,
  handler: async (_payload, { db, config, logger }) => {
    const connector = axisConnectorFor(config, logger);
    if (!connector) return;
    await deliverDueMessages({ db, config, logger, connector });
  },
});

export const pollInboxJob = defineJob<Record<string, never>>({
  name: 'exchange.poll_inbox',
  everyMinutes: 0.5,
  retryLimit: 0,
  handler: async (_payload, { db, config, jobs, logger }) => {
    const connector = axisConnectorFor(config, logger);
    if (!connector) return;
    await pollInbox({ db, config, jobs, logger, connector });
  },
});

/** The axis directory into the registry; every 12 hours, the longest period the job queue offers. */
export const syncAgenciesJob = defineJob<Record<string, never>>({
  name: 'exchange.sync_agencies',
  everyMinutes: 12 * 60,
  retryLimit: 0,
  handler: async (_payload, { db, config, logger }) => {
    const connector = axisConnectorFor(config, logger);
    if (!connector) return;
    await syncAgencies({ db, logger }, connector);
  },
});

export const exchangeJobs: readonly AnyJob[] = [deliverOutboxJob, pollInboxJob, syncAgenciesJob];
