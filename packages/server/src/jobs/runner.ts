import { hostname } from 'node:os';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { jobs } from '../db/schema.ts';
import { newId } from '../ids.ts';

export type JobRow = typeof jobs.$inferSelect;
export type JobHandler = (job: JobRow, db: Db) => Promise<void>;

export interface EnqueueOptions {
  kind: string;
  bodyId?: string | null;
  payload?: Record<string, unknown>;
  runAt?: Date;
  /** Jobs with the same key are enqueued once (e.g. one reminder per matter per day). */
  dedupeKey?: string;
}

export async function enqueueJob(db: Db, opts: EnqueueOptions): Promise<boolean> {
  const rows = await db
    .insert(jobs)
    .values({
      id: newId(),
      kind: opts.kind,
      bodyId: opts.bodyId ?? null,
      payload: opts.payload ?? {},
      runAt: opts.runAt ?? new Date(),
      dedupeKey: opts.dedupeKey ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return rows.length > 0;
}

const MAX_ATTEMPTS = 5;

/**
 * Claims due jobs with FOR UPDATE SKIP LOCKED, so several app nodes on one PostgreSQL never run the
 * same job twice, and the embedded mode needs nothing else (ARCHITECTURE §7). A job whose worker died
 * is claimed again once its lock is older than `staleAfterMs`.
 */
export class JobRunner {
  readonly workerId = `${hostname()}:${process.pid}:${newId().slice(-6)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly handlers: Record<string, JobHandler>,
    private readonly opts: { intervalMs?: number; batch?: number; staleAfterMs?: number } = {},
  ) {}

  /** Claims up to `batch` due jobs and marks them running, in one short transaction. */
  async claim(now = new Date()): Promise<JobRow[]> {
    const batch = this.opts.batch ?? 10;
    const stale = new Date(now.getTime() - (this.opts.staleAfterMs ?? 10 * 60_000));
    return this.db.transaction(async (tx) => {
      const due = await tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(
          and(
            inArray(jobs.kind, Object.keys(this.handlers)),
            lte(jobs.runAt, now),
            sql`(${jobs.status} = 'pending' or (${jobs.status} = 'running' and ${jobs.lockedAt} < ${stale}))`,
          ),
        )
        .orderBy(jobs.runAt)
        .limit(batch)
        .for('update', { skipLocked: true });
      if (due.length === 0) return [];
      return tx
        .update(jobs)
        .set({
          status: 'running',
          lockedBy: this.workerId,
          // When the claim is made, not when the round began: the select may have waited on a lock
          // (another node claiming), and an older stamp would look stale to the other nodes at once.
          lockedAt: new Date(),
          attempts: sql`${jobs.attempts} + 1`,
        })
        .where(
          inArray(
            jobs.id,
            due.map((d) => d.id),
          ),
        )
        .returning();
    });
  }

  /** Runs one round: claim, run each, record the outcome. Returns how many jobs ran. */
  async tick(now = new Date()): Promise<number> {
    const claimed = await this.claim(now);
    for (const job of claimed) {
      const handler = this.handlers[job.kind]!;
      // The stale clock runs per job, not per batch: renew the claim just before running, and skip a job
      // that another worker took over while it waited behind the others of this batch.
      const [still] = await this.db
        .update(jobs)
        .set({ lockedAt: new Date() })
        .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, this.workerId), eq(jobs.status, 'running')))
        .returning({ id: jobs.id });
      if (!still) continue;
      try {
        await handler(job, this.db);
        await this.db
          .update(jobs)
          .set({ status: 'done', finishedAt: new Date(), lastError: null })
          .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, this.workerId)));
      } catch (e) {
        const failed = job.attempts >= MAX_ATTEMPTS;
        // Exponential back-off: 1, 2, 4, 8 minutes.
        const retryAt = new Date(Date.now() + 60_000 * 2 ** (job.attempts - 1));
        await this.db
          .update(jobs)
          .set({
            status: failed ? 'failed' : 'pending',
            runAt: failed ? job.runAt : retryAt,
            lastError: String((e as Error)?.stack ?? e).slice(0, 4000),
            lockedBy: null,
            lockedAt: null,
          })
          .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, this.workerId)));
      }
    }
    return claimed.length;
  }

  start() {
    const interval = this.opts.intervalMs ?? 15_000;
    const loop = async () => {
      if (this.stopped) return;
      this.running = this.tick()
        .then(() => undefined)
        .catch((e) => console.error('job runner error', e));
      await this.running;
      if (!this.stopped) this.timer = setTimeout(loop, interval);
    };
    this.timer = setTimeout(loop, 1000);
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
