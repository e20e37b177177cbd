import { randomBytes } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.ts';

export type TestEngine = 'pglite' | 'postgres';

export function testEngine(): TestEngine {
  return process.env.YITING_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/** True when this run has no PostgreSQL (only possible outside CI; global-setup fails CI instead). */
export function engineUnavailable(): boolean {
  return testEngine() === 'postgres' && !inject('pgTemplate');
}

/**
 * A fresh, migrated database for one test file: PGlite from the run's snapshot, or a PostgreSQL clone
 * of the run's template. Tests inside a file isolate themselves by making their own body (tenant).
 */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  if (testEngine() === 'postgres') {
    const admin = inject('pgAdminUrl');
    const name = `${inject('pgRunPrefix')}_${randomBytes(4).toString('hex')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database ${name} template ${inject('pgTemplate')}`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString(), poolSize: 20 });
    const close = database.close.bind(database);
    return Object.assign(database, {
      url: url.toString(),
      async close() {
        await close();
        const c = new pg.Client({ connectionString: admin });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    });
  }
  const blob = await openAsBlob(inject('pgliteSnapshot'));
  return openDatabase({ loadDataDir: blob });
}
