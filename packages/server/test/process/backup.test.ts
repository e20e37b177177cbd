import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { asc } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodiesWithAudit, verifyAuditChain } from '../../src/audit.ts';
import { type Database, openDatabase } from '../../src/db/client.ts';
import {
  accountRoles,
  accounts,
  auditHeads,
  auditLog,
  bodies,
  docNumberSequences,
  memberships,
  people,
  units,
} from '../../src/db/schema.ts';
import type { Actor } from '../../src/plugins/auth.ts';
import { allocateDocNumber } from '../../src/usecases/doc-numbers.ts';
import { createPerson } from '../../src/usecases/people.ts';
import { createTenant } from '../helpers/factories.ts';
import { postgresAdminUrl } from '../helpers/global-setup.ts';
import { cleanupAfterAll, type DbEnv, emptyDataDir, freshDataDir, tempDir, yiting } from './helpers.ts';

/** Writes a little of everything through the use cases, so the backup has memberships, audit, sequences. */
async function seed(database: Database) {
  const db = database.db;
  const tenant = await createTenant(db);
  const { password: _, ...account } = tenant.admin;
  const actor: Actor & { bodyId: string } = {
    account,
    via: 'session',
    sessionId: null,
    csrfToken: null,
    bodyId: tenant.body.id,
    roles: ['admin'],
    unitId: null,
  };
  for (const name of ['凌传茂', '李四', '王五']) {
    await createPerson({
      db,
      actor,
      input: {
        name,
        organization: '江门市人大常委会',
        notes: `备注 "引号" \\ 反斜杠 \n 换行 ${name}`,
        memberships: [
          { role: 'deputy', deputyLevel: 'city', delegation: '蓬江区代表团', unitId: tenant.unit.id },
          { role: 'staff', title: '主任' },
        ],
      },
    });
  }
  await allocateDocNumber({ db, actor, prefix: '江人大交', year: 2025 });
  await allocateDocNumber({ db, actor, prefix: '江人大交', year: 2025 });
  return tenant;
}

/** The rows that matter, in a stable order, as the application reads them. */
async function contents(database: Database) {
  const db = database.db;
  return {
    bodies: await db.select().from(bodies).orderBy(asc(bodies.id)),
    units: await db.select().from(units).orderBy(asc(units.id)),
    people: await db.select().from(people).orderBy(asc(people.id)),
    memberships: await db.select().from(memberships).orderBy(asc(memberships.id)),
    accounts: await db.select().from(accounts).orderBy(asc(accounts.id)),
    accountRoles: await db
      .select()
      .from(accountRoles)
      .orderBy(asc(accountRoles.accountId), asc(accountRoles.bodyId), asc(accountRoles.role)),
    audit: await db.select().from(auditLog).orderBy(asc(auditLog.id)),
    auditHeads: await db.select().from(auditHeads).orderBy(asc(auditHeads.bodyId)),
    docNumbers: await db.select().from(docNumberSequences).orderBy(asc(docNumberSequences.bodyId)),
  };
}

async function withDb<T>(env: DbEnv, fn: (d: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(
    'DATABASE_URL' in env ? { url: env.DATABASE_URL, poolSize: 2 } : { dataDir: env.YITING_DATA_DIR },
  );
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Seeds `source` and writes its backup to `file`; returns what the backup must reproduce. */
async function backupOf(source: DbEnv, file: string) {
  const before = await withDb(source, async (d) => {
    await d.migrate();
    await seed(d);
    return contents(d);
  });
  expect(before.people.length).toBeGreaterThanOrEqual(3);
  expect(before.memberships.length).toBeGreaterThanOrEqual(6);
  const backup = await yiting(['backup', file], source);
  expect(backup.code, backup.stderr).toBe(0);
  expect(backup.stdout).toContain(`backup written to ${file}`);
  const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
  expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'yiting-backup', version: 1 });
  return before;
}

/**
 * Restores `file` into the new, empty `target`: the same rows and a whole audit chain; a second restore
 * into the now non-empty database is refused and changes nothing; the database keeps working after.
 */
async function restoreAndCheck(file: string, target: DbEnv, before: Awaited<ReturnType<typeof contents>>) {
  const restore = await yiting(['restore', file], target);
  expect(restore.code, restore.stderr).toBe(0);
  expect(restore.stdout).toContain(`restored from ${file}`);
  const verify = await yiting(['audit', 'verify'], target);
  expect(verify.code, verify.stdout).toBe(0);
  expect(verify.stdout).toMatch(/^ok/m);
  expect(verify.stdout).not.toContain('BROKEN');

  const twice = await yiting(['restore', file], target);
  expect(twice.code).not.toBe(0);
  expect(twice.stderr).toMatch(/restore failed, nothing was changed: table \w+ is not empty/);

  await withDb(target, async (d) => {
    // Equal after the refused second restore: it neither doubled nor dropped anything.
    expect(await contents(d)).toEqual(before);
    for (const bodyId of await bodiesWithAudit(d.db))
      expect((await verifyAuditChain(d.db, bodyId)).ok).toBe(true);
    // New writes continue the ids (audit_log's bigserial), sequences and chains.
    const tenant = await seed(d);
    expect((await verifyAuditChain(d.db, tenant.body.id)).ok).toBe(true);
    for (const h of before.auditHeads) expect((await verifyAuditChain(d.db, h.bodyId)).ok).toBe(true);
  });
}

describe('yiting backup / restore', () => {
  cleanupAfterAll();
  let adminUrl: string | null = null;
  const made: string[] = [];
  const prefix = `yt_proc_${process.pid}_${randomBytes(3).toString('hex')}`;
  const pgAdmin = () => new pg.Client({ connectionString: adminUrl! });

  /** A new, empty PostgreSQL database (no tables: `yiting` migrates it) and its URL. */
  async function createDatabase(suffix: string) {
    const name = `${prefix}_${suffix}`;
    const c = pgAdmin();
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
    made.push(name);
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    return url.toString();
  }

  beforeAll(async () => {
    adminUrl = await postgresAdminUrl();
    if (!adminUrl && process.env.CI === 'true') throw new Error('CI=true but no PostgreSQL answers');
  });
  afterAll(async () => {
    if (!adminUrl) return;
    const c = pgAdmin();
    await c.connect();
    for (const name of made) await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });

  it('embedded mode: PGlite data dir → backup → a fresh data dir (and into PostgreSQL, the way between modes)', async () => {
    const file = join(tempDir(), 'backup.jsonl.gz');
    const before = await backupOf({ YITING_DATA_DIR: freshDataDir() }, file);
    const target = { YITING_DATA_DIR: emptyDataDir() };
    await restoreAndCheck(file, target, before);
    expect(existsSync(join(target.YITING_DATA_DIR, 'yiting.lock'))).toBe(false);
    if (adminUrl) await restoreAndCheck(file, { DATABASE_URL: await createDatabase('cross') }, before);
  });

  it('served mode: PostgreSQL via DATABASE_URL → backup → a fresh PostgreSQL database', async (ctx) => {
    if (!adminUrl) return ctx.skip();
    const file = join(tempDir(), 'backup.jsonl.gz');
    const before = await backupOf({ DATABASE_URL: await createDatabase('src') }, file);
    await restoreAndCheck(file, { DATABASE_URL: await createDatabase('dst') }, before);
  });
});
