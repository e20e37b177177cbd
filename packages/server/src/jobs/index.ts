import { lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { sessions } from '../db/schema.ts';
import { enqueueJob, type JobHandler } from './runner.ts';

const HOUR = 3600_000;

/** The server's own periodic work. Later features add their handlers here. */
export function jobHandlers(opts: { sessionIdleMinutes: number }): Record<string, JobHandler> {
  return {
    // Expired and idle sessions are refused at once by the auth plugin; this only keeps the table small.
    'sessions.cleanup': async (_job, db) => {
      await db
        .delete(sessions)
        .where(
          or(
            lt(sessions.expiresAt, sql`now()`),
            lt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${opts.sessionIdleMinutes})`),
          ),
        );
      await scheduleHousekeeping(db, new Date(Date.now() + HOUR));
    },
  };
}

/** Enqueues the next housekeeping run once per hour slot (the dedupe key makes nodes agree). */
export async function scheduleHousekeeping(db: Db, at = new Date()) {
  const slot = new Date(Math.floor(at.getTime() / HOUR) * HOUR);
  await enqueueJob(db, {
    kind: 'sessions.cleanup',
    runAt: slot,
    dedupeKey: `sessions.cleanup:${slot.toISOString()}`,
  });
}
