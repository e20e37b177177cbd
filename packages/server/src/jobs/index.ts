import { lt, or, sql } from 'drizzle-orm';
import { type Database, type Db, refreshPlannerStatistics } from '../db/client.ts';
import { sessions } from '../db/schema.ts';
import type { Mailer } from '../mail.ts';
import { enqueueScans, reminderHandlers } from './reminders.ts';
import { enqueueJob, type JobHandler } from './runner.ts';

const HOUR = 3600_000;

/** The server's own periodic work. */
export function jobHandlers(opts: {
  sessionIdleMinutes: number;
  mailer: Mailer | null;
  /** PGlite gets its planner statistics from housekeeping (no autovacuum there). */
  engine?: Database['engine'];
}): Record<string, JobHandler> {
  return {
    // Hourly: drop dead sessions (the auth plugin refuses them anyway; this keeps the table small),
    // start the reminder scans, refresh PGlite's planner statistics, and book the next run.
    housekeeping: async (_job, db) => {
      await db
        .delete(sessions)
        .where(
          or(
            lt(sessions.expiresAt, sql`now()`),
            lt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${opts.sessionIdleMinutes})`),
          ),
        );
      await enqueueScans(db);
      if (opts.engine) await refreshPlannerStatistics(db, opts.engine);
      await scheduleHousekeeping(db, new Date(Date.now() + HOUR));
    },
    ...reminderHandlers({ mailer: opts.mailer }),
  };
}

/** Enqueues housekeeping once per hour slot (the dedupe key makes nodes agree). */
export async function scheduleHousekeeping(db: Db, at = new Date()) {
  const slot = new Date(Math.floor(at.getTime() / HOUR) * HOUR);
  await enqueueJob(db, {
    kind: 'housekeeping',
    runAt: slot,
    dedupeKey: `housekeeping:${slot.toISOString()}`,
  });
}
