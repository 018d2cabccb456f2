/** Background jobs of the exchange: deliver the outbox, bring in the inbox (both idle without an axis). */
import { defineJob, type AnyJob } from '../../platform/jobs/jobs.ts';
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

export const exchangeJobs: readonly AnyJob[] = [deliverOutboxJob, pollInboxJob];
