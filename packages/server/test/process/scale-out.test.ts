import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit.ts';
import { type Database, type Db, openDatabase } from '../../src/db/client.ts';
import { accounts, jobs, notifications, trackedItems } from '../../src/db/schema.ts';
import { reminderHandlers } from '../../src/jobs/reminders.ts';
import type { JobRow } from '../../src/jobs/runner.ts';
import type { Actor } from '../../src/plugins/auth.ts';
import { findAccount } from '../../src/repositories/accounts.ts';
import { createMatter, fireMatterAction } from '../../src/usecases/matters.ts';
import { createPerson } from '../../src/usecases/people.ts';
import { createTenant } from '../helpers/factories.ts';
import { postgresAdminUrl } from '../helpers/global-setup.ts';
import { startSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { cleanupAfterAll, type Server, startServer, yiting } from './helpers.ts';

/**
 * ARCHITECTURE §7 and §9: several stateless app nodes on one PostgreSQL behave as one system. Two real
 * `yiting start` processes share a fresh database and a real SMTP server; the test logs in on one and
 * works on the other, splits concurrent writes across both, lets both run the reminder jobs, and kills
 * one of them in the middle of a round.
 */
const adminUrl = await postgresAdminUrl();
if (!adminUrl && process.env.CI === 'true') {
  throw new Error('CI=true but no PostgreSQL answers (TEST_DATABASE_URL or 127.0.0.1:5432)');
}

const JOB_INTERVAL_MS = 200;
/** A dead node's claimed jobs are taken over after this long (production: 10 minutes). */
const STALE_MS = 3000;
/** Reply delay of the SMTP server in the crash round, so that the kill lands while jobs are running. */
const SLOW_SMTP_MS = 150;

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** A browser session (cookie + CSRF token) that can be sent to any node, as a load balancer would. */
interface Session {
  cookie: string;
  csrf: string;
}

async function logIn(node: Server, user: { username: string; password: string }): Promise<Session> {
  const res = await fetch(`${node.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

function call(
  node: Server,
  s: Session,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(`${node.base}${path}`, {
    method,
    headers: {
      cookie: s.cookie,
      ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrf }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Every (subject, recipient) pair the SMTP server received, with how often. */
function mailCounts(smtp: TestSmtp, subjects: Set<string>) {
  const counts = new Map<string, number>();
  for (const m of smtp.mails) {
    if (!m.subject || !subjects.has(m.subject)) continue;
    const to = (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) =>
      a.value.map((v) => v.address),
    );
    for (const r of to) counts.set(`${m.subject} → ${r}`, (counts.get(`${m.subject} → ${r}`) ?? 0) + 1);
  }
  return counts;
}

type Expected = { matterId: string; subject: string; to: string[] };

describe.skipIf(!adminUrl)('two app nodes on one PostgreSQL', () => {
  cleanupAfterAll();
  const name = `yt_scale_${process.pid}_${randomBytes(3).toString('hex')}`;
  let url: string;
  let database: Database;
  let smtp: TestSmtp;
  let a: Server;
  let b: Server;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  let expected1: Expected[];
  const workerOf = (n: Server) => `:${n.child.pid}:`;

  /** A body whose liaison and supervising leader have e-mail addresses, with yellow, red and green matters. */
  async function seed(tag: string, counts: { yellow: number; red: number; green: number }) {
    const t = await createTenant(database.db);
    const actor = async (id: string, role: 'staff'): Promise<Actor & { bodyId: string }> => ({
      account: (await findAccount(database.db, id))!,
      via: 'session',
      sessionId: null,
      csrfToken: null,
      bodyId: t.body.id,
      roles: [role],
      unitId: null,
    });
    const staff = await actor(t.staff.id, 'staff');
    const liaisonMail = `liaison-${tag}@example.cn`;
    const leaderMail = `leader-${tag}@example.cn`;
    const liaisonPerson = await createPerson({
      db: database.db,
      actor: staff,
      input: { name: `联络员${tag}`, email: liaisonMail },
    });
    const leader = await createPerson({
      db: database.db,
      actor: staff,
      input: { name: `领导${tag}`, email: leaderMail },
    });
    await database.db
      .update(accounts)
      .set({ personId: liaisonPerson.id })
      .where(eq(accounts.id, t.liaison.id));
    await database.db.update(accounts).set({ personId: leader.id }).where(eq(accounts.id, t.leader.id));

    const expected: Expected[] = [];
    const make = async (level: 'yellow' | 'red' | 'green', i: number) => {
      const title = `${tag}${level === 'yellow' ? '临期' : level === 'red' ? '逾期' : '正常'}事项${i}`;
      const m = await createMatter({
        db: database.db,
        actor: staff,
        input: { title, content: '内容', source: 'document', supervisorPersonId: leader.id },
      });
      const deadline = level === 'yellow' ? inDays(1 + (i % 2)) : inDays(40);
      const assigned = await fireMatterAction({
        db: database.db,
        actor: staff,
        id: m.id,
        version: m.version,
        action: 'assign',
        payload: { leadUnitId: t.unit.id, deadline },
      });
      // Overdue: the deadline is set in the past directly, as no action may set one.
      if (level === 'red')
        await database.db
          .update(trackedItems)
          .set({ deadline: '2025-06-30' })
          .where(eq(trackedItems.id, m.id));
      if (level === 'yellow')
        expected.push({
          matterId: m.id,
          subject: `【到期提醒】${assigned.number} ${title}`,
          to: [liaisonMail],
        });
      if (level === 'red')
        expected.push({
          matterId: m.id,
          subject: `【逾期督办】${assigned.number} ${title}`,
          to: [liaisonMail, leaderMail],
        });
    };
    for (const [level, n] of Object.entries(counts) as ['yellow' | 'red' | 'green', number][])
      for (let i = 1; i <= n; i++) await make(level, i);
    return { tenant: t, expected };
  }

  const jobRows = (bodyId: string) =>
    database.db
      .select({
        id: jobs.id,
        kind: jobs.kind,
        status: jobs.status,
        attempts: jobs.attempts,
        lockedBy: jobs.lockedBy,
        payload: jobs.payload,
      })
      .from(jobs)
      .where(eq(jobs.bodyId, bodyId));

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl! });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(adminUrl!);
    u.pathname = `/${name}`;
    url = u.toString();
    // Two nodes of a rolling deploy migrate at the same time; both must succeed.
    const [m1, m2] = await Promise.all([
      yiting(['migrate'], { DATABASE_URL: url }),
      yiting(['migrate'], { DATABASE_URL: url }),
    ]);
    expect(m1.code, m1.stderr).toBe(0);
    expect(m2.code, m2.stderr).toBe(0);

    database = await openDatabase({ url, poolSize: 5 });
    ({ tenant, expected: expected1 } = await seed('甲', { yellow: 6, red: 6, green: 3 }));
    smtp = await startSmtp();
    const env = {
      YITING_SMTP_URL: smtp.url,
      YITING_JOB_INTERVAL_MS: String(JOB_INTERVAL_MS),
      YITING_JOB_STALE_MS: String(STALE_MS),
    };
    [a, b] = await Promise.all([
      startServer({ DATABASE_URL: url }, env),
      startServer({ DATABASE_URL: url }, env),
    ]);
  });

  afterAll(async () => {
    for (const n of [a, b])
      if (n && n.child.exitCode === null && n.child.signalCode === null) n.child.kill('SIGKILL');
    await Promise.all([a?.exited, b?.exited]);
    await database?.close();
    await smtp?.close();
    if (adminUrl) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

  it('sessions: logged in on A, the cookie and CSRF token work on B; logout on B ends it on A', async () => {
    const s = await logIn(a, tenant.staff);
    const me = await call(b, s, 'GET', '/api/v1/me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { account: { username: string } }).account.username).toBe(
      tenant.staff.username,
    );
    const created = await call(b, s, 'POST', '/api/v1/people', { name: '会话测试' });
    expect(created.status, await created.clone().text()).toBe(201);
    const id = ((await created.json()) as { id: string }).id;
    expect((await call(a, s, 'GET', `/api/v1/people/${id}`)).status).toBe(200);
    // The CSRF check is the same on B: a write without the token is refused.
    const noCsrf = await fetch(`${b.base}/api/v1/people`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '无令牌' }),
    });
    expect(noCsrf.status).toBe(403);
    expect(((await noCsrf.json()) as { code: string }).code).toBe('csrf_failed');

    expect((await call(b, s, 'POST', '/api/v1/auth/logout')).status).toBe(200);
    const after = await call(a, s, 'GET', '/api/v1/me');
    expect(after.status).toBe(401);
  });

  it('writes: doc numbers allocated concurrently on both nodes are exactly 1..40; a stale If-Match on B is 409', async () => {
    const s = await logIn(b, tenant.staff);
    const results = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const res = await call(i % 2 ? b : a, s, 'POST', '/api/v1/doc-numbers', {
          prefix: '扩展',
          year: 2025,
        });
        expect(res.status).toBe(201);
        return ((await res.json()) as { seq: number }).seq;
      }),
    );
    expect(results.sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));

    const created = await call(a, s, 'POST', '/api/v1/people', { name: '版本测试' });
    const person = (await created.json()) as { id: string; version: number };
    const first = await call(
      a,
      s,
      'PATCH',
      `/api/v1/people/${person.id}`,
      { position: '主任' },
      {
        'if-match': `"${person.version}"`,
      },
    );
    expect(first.status).toBe(200);
    const stale = await call(
      b,
      s,
      'PATCH',
      `/api/v1/people/${person.id}`,
      { position: '副主任' },
      {
        'if-match': `"${person.version}"`,
      },
    );
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { code: string }).code).toBe('version_conflict');
    const read = await call(b, s, 'GET', `/api/v1/people/${person.id}`);
    expect(((await read.json()) as { position: string }).position).toBe('主任');

    // Both processes appended to one hash chain; it is whole.
    const chain = await verifyAuditChain(database.db, tenant.body.id);
    expect(chain.ok).toBe(true);
  });

  it('jobs: every reminder e-mail arrives exactly once although both nodes run the scans', async () => {
    const subjects = new Set(expected1.map((e) => e.subject));
    const want = expected1.flatMap((e) => e.to.map((r) => `${e.subject} → ${r}`)).sort();
    await until(
      'the reminders of the first body',
      async () => mailCounts(smtp, subjects).size >= want.length,
    );
    // Nothing left to run, then a few more rounds of both nodes: a duplicate would show up now.
    await until('the job queue to drain', async () => {
      const [r] = await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(jobs)
        .where(sql`${jobs.status} in ('pending', 'running') and ${jobs.runAt} <= now()`);
      return r!.n === 0;
    });
    await sleep(JOB_INTERVAL_MS * 4);
    const counts = mailCounts(smtp, subjects);
    expect([...counts.keys()].sort()).toEqual(want);
    expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    // Green matters are not reminded; nothing else of this body was sent.
    const other = smtp.mails.filter((m) => m.subject?.includes('甲') && !subjects.has(m.subject));
    expect(other.map((m) => m.subject)).toEqual([]);

    // In-app: one notification per matter, level and recipient.
    const notes = await database.db
      .select({ accountId: notifications.accountId, itemId: notifications.itemId, kind: notifications.kind })
      .from(notifications)
      .where(sql`${notifications.bodyId} = ${tenant.body.id} and ${notifications.kind} <> 'matter.assign'`);
    const perKey = new Map<string, number>();
    for (const n of notes)
      perKey.set(
        `${n.accountId}/${n.itemId}/${n.kind}`,
        (perKey.get(`${n.accountId}/${n.itemId}/${n.kind}`) ?? 0) + 1,
      );
    expect([...perKey.values()].every((n) => n === 1)).toBe(true);
    const red = expected1.filter((e) => e.subject.startsWith('【逾期督办】')).length;
    expect(notes.length).toBe(expected1.length + red); // the liaison for each, the leader for the red ones

    // The jobs table: one scan, one remind job per matter and level, each done once by one of the nodes.
    const rows = await jobRows(tenant.body.id);
    expect(rows.filter((j) => j.kind === 'matters.scan').map((j) => j.status)).toEqual(['done']);
    const remind = rows.filter((j) => j.kind === 'matters.remind');
    expect(remind.map((j) => (j.payload as { itemId: string }).itemId).sort()).toEqual(
      expected1.map((e) => e.matterId).sort(),
    );
    for (const j of remind) {
      expect(j.status).toBe('done');
      expect(j.attempts).toBe(1);
      expect([a, b].filter((n) => j.lockedBy?.includes(workerOf(n)))).toHaveLength(1);
    }
    const [hk] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobs)
      .where(sql`${jobs.kind} = 'housekeeping' and ${jobs.status} = 'done' and ${jobs.attempts} = 1`);
    expect(hk!.n).toBeGreaterThanOrEqual(1);
  });

  it('both nodes claim at the same instant, then one is killed -9 mid-round: the other serves on and finishes', async () => {
    const { tenant: t2, expected } = await seed('乙', { yellow: 10, red: 10, green: 2 });
    smtp.delayMs = SLOW_SMTP_MS;
    // A barrier: the test holds the jobs table while it runs the second body's scan itself, until both
    // nodes are queued behind it in their claim. On release both claim at once, the hardest case for
    // SKIP LOCKED (without it both would take the same reminders). The first body's scan showed the nodes
    // scanning on their own.
    await database.db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await tx.execute(sql`lock table jobs in access exclusive mode`);
      const scan = { payload: { bodyId: t2.body.id } } as JobRow;
      await reminderHandlers({ mailer: null })['matters.scan']!(scan, tx);
      await until('both nodes to wait for the jobs table', async () => {
        const waiting = await database.pool!.query<{ pid: number }>(
          `select pid from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'`,
          [name],
        );
        return waiting.rows.length >= 2;
      });
    });
    const remindOf = async () => (await jobRows(t2.body.id)).filter((j) => j.kind === 'matters.remind');
    expect(await remindOf()).toHaveLength(expected.length);
    const heldBy = (n: Server, jobs: Awaited<ReturnType<typeof remindOf>>) =>
      jobs.filter((j) => j.status === 'running' && j.lockedBy?.includes(workerOf(n)));
    // Twenty reminders, ten a claim: each node takes ten at the barrier, none taken twice (a second claim
    // of a job would count a second attempt and overwrite locked_by).
    const claimed = await until('both nodes to claim', async () => {
      const r = await remindOf();
      return r.every((j) => j.status !== 'pending') && r;
    });
    expect(claimed.filter((j) => j.attempts !== 1)).toEqual([]);
    for (const n of [a, b]) expect(claimed.filter((j) => j.lockedBy?.includes(workerOf(n)))).toHaveLength(10);
    // Kill A once it has sent some of its share and still holds others.
    await until('node A to be in the middle of its reminders', async () => {
      const r = await remindOf();
      const aDone = r.filter((j) => j.status === 'done' && j.lockedBy?.includes(workerOf(a)));
      return aDone.length >= 1 && heldBy(a, r).length >= 2;
    });
    a.child.kill('SIGKILL');
    expect((await a.exited).signal).toBe('SIGKILL');
    // What A held when it died: claimed, never finished.
    const orphaned = heldBy(a, await remindOf());
    expect(orphaned.length).toBeGreaterThan(0);

    // B serves on: a new session, a read and a write (the number sequence continues after 40).
    const s = await logIn(b, t2.staff);
    expect((await call(b, s, 'GET', '/api/v1/people')).status).toBe(200);
    const s1 = await logIn(b, tenant.staff);
    const n = await call(b, s1, 'POST', '/api/v1/doc-numbers', { prefix: '扩展', year: 2025 });
    expect(((await n.json()) as { seq: number }).seq).toBe(41);

    // …and finishes every job, taking over A's once their claim is stale.
    const done = await until(
      'B to finish the round',
      async () => {
        const r = await remindOf();
        return r.length === expected.length && r.every((j) => j.status === 'done') && r;
      },
      STALE_MS + 15_000,
    );
    const orphanIds = new Set(orphaned.map((j) => j.id));
    for (const j of done.filter((j) => orphanIds.has(j.id))) {
      expect(j.lockedBy).toContain(workerOf(b));
      expect(j.attempts).toBe(2);
    }

    // Every reminder arrived. A job is at least once across a crash: only the one A was sending when it
    // died may have gone out twice (the SMTP server kept it, A never recorded it done).
    await sleep(JOB_INTERVAL_MS * 4);
    const counts = mailCounts(smtp, new Set(expected.map((e) => e.subject)));
    const want = expected.flatMap((e) => e.to.map((r) => `${e.subject} → ${r}`)).sort();
    expect([...counts.keys()].sort()).toEqual(want);
    const twice = expected.filter((e) => e.to.some((r) => (counts.get(`${e.subject} → ${r}`) ?? 0) > 1));
    expect(twice.length).toBeLessThanOrEqual(1);
    for (const e of twice) {
      expect(orphaned.some((j) => (j.payload as { itemId: string }).itemId === e.matterId)).toBe(true);
      for (const r of e.to) expect(counts.get(`${e.subject} → ${r}`)).toBe(2);
    }

    b.child.kill('SIGTERM');
    expect((await b.exited).code).toBe(0);
  });
});
