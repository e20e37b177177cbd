import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { jobs } from '../../src/db/schema.ts';
import { jobHandlers } from '../../src/jobs/index.ts';
import { enqueueJob, type JobRow, JobRunner } from '../../src/jobs/runner.ts';
import { useTestApp } from '../helpers/app.ts';
import { engineUnavailable, testEngine } from '../helpers/db.ts';

describe.skipIf(engineUnavailable())('job runner', () => {
  const t = useTestApp();

  it('never gives one job to two runners, and runs each exactly once', async () => {
    const kind = `test.count.${Math.random().toString(36).slice(2)}`;
    const ran: string[] = [];
    const handler = async (job: { id: string }) => {
      ran.push(job.id);
    };
    for (let i = 0; i < 30; i++) await enqueueJob(t.db, { kind, payload: { i } });
    const a = new JobRunner(t.db, { [kind]: handler }, { batch: 4 });
    const b = new JobRunner(t.db, { [kind]: handler }, { batch: 4 });
    // Claim concurrently, round after round, until nothing is left.
    for (;;) {
      const [x, y] = await Promise.all([a.tick(), b.tick()]);
      if (x + y === 0) break;
    }
    expect(ran).toHaveLength(30);
    expect(new Set(ran).size).toBe(30);
    const rows = await t.db.select().from(jobs).where(eq(jobs.kind, kind));
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
  });

  it('claims disjoint sets when two runners claim at the same moment', async () => {
    const kind = `test.claim.${Math.random().toString(36).slice(2)}`;
    for (let i = 0; i < 20; i++) await enqueueJob(t.db, { kind });
    const noop = async () => {};
    const a = new JobRunner(t.db, { [kind]: noop }, { batch: 10 });
    const b = new JobRunner(t.db, { [kind]: noop }, { batch: 10 });
    const [ca, cb] = await Promise.all([a.claim(), b.claim()]);
    const ids = [...ca, ...cb].map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(20);
  });

  it('retries a failing job later, and enqueues a deduplicated job once', async () => {
    const kind = `test.fail.${Math.random().toString(36).slice(2)}`;
    expect(await enqueueJob(t.db, { kind, dedupeKey: `${kind}:1` })).toBe(true);
    expect(await enqueueJob(t.db, { kind, dedupeKey: `${kind}:1` })).toBe(false);
    const runner = new JobRunner(t.db, {
      [kind]: async () => {
        throw new Error('smtp down');
      },
    });
    expect(await runner.tick()).toBe(1);
    const [row] = await t.db.select().from(jobs).where(eq(jobs.kind, kind));
    expect(row!.status).toBe('pending');
    expect(row!.lastError).toContain('smtp down');
    expect(row!.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(await runner.tick()).toBe(0); // not due yet
    await t.db.delete(jobs).where(inArray(jobs.kind, [kind]));
  });

  it('housekeeping gathers the planner statistics on PGlite, which has no autovacuum to do it', async () => {
    const engine = testEngine();
    const statsOfJobs = async () =>
      Number(
        (
          (await t.db.execute(
            sql`select count(*)::int as n from pg_stats where tablename = 'jobs'`,
          )) as unknown as {
            rows: { n: number }[];
          }
        ).rows[0]!.n,
      );
    for (let i = 0; i < 5; i++) await enqueueJob(t.db, { kind: `test.stats.${i}` });
    // Nothing analyses a PGlite database by itself.
    if (engine === 'pglite') expect(await statsOfJobs()).toBe(0);
    const { housekeeping } = jobHandlers({ sessionIdleMinutes: 30, mailer: null, engine });
    await housekeeping!({ payload: {} } as unknown as JobRow, t.db);
    if (engine === 'pglite') expect(await statsOfJobs()).toBeGreaterThan(0);
  });
});
