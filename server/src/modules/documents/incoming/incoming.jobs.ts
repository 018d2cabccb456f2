/** Background jobs of incoming documents. */
import { defineJob, type AnyJob } from '../../../platform/jobs/jobs.ts';
import { sendDeadlineReminders } from './incoming.reminders.ts';

/** Deadline reminders (due soon, overdue), every 30 minutes; each assignment is reminded once of each. */
export const deadlineRemindersJob = defineJob<Record<string, never>>({
  name: 'documents.send_deadline_reminders',
  everyMinutes: 30,
  retryLimit: 2,
  handler: async (_payload, { db, config, jobs }) => {
    await sendDeadlineReminders({ db, config, jobs });
  },
});

export const incomingJobs: readonly AnyJob[] = [deadlineRemindersJob];
