import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { MIGRATIONS_FOLDER, openDatabase } from '../../src/db/client.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string;
    pgAdminUrl: string;
    pgRunPrefix: string;
  }
}

const CACHE = resolve(MIGRATIONS_FOLDER, '../../../node_modules/.cache/yiting-test');

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The PostgreSQL server for tests: TEST_DATABASE_URL, else the local default if it answers. */
export async function postgresAdminUrl(): Promise<string | null> {
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_PG_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    return null;
  }
}

function migrationsHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort()) {
    if (f.endsWith('.sql') || f.endsWith('.json'))
      h.update(f).update(readFileSync(join(MIGRATIONS_FOLDER, f)));
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * Migrates once per run and hands the workers a starting point: a PGlite data-dir tarball, or a
 * PostgreSQL template database that each test file clones (CREATE DATABASE … TEMPLATE, ~0.1 s).
 */
export default async function setup(project: TestProject) {
  if (process.env.YITING_TEST_DB === 'postgres' || project.name === 'postgres') {
    const admin = await postgresAdminUrl();
    if (!admin) {
      if (process.env.CI === 'true')
        throw new Error('CI=true but no PostgreSQL answers (TEST_DATABASE_URL or 127.0.0.1:5432)');
      console.warn('PostgreSQL not reachable: the postgres test project is skipped');
      project.provide('pgTemplate', '');
      project.provide('pgAdminUrl', '');
      project.provide('pgRunPrefix', '');
      project.provide('pgliteSnapshot', '');
      return;
    }
    const prefix = `yt_${process.pid}_${Date.now()}`;
    const template = `${prefix}_tpl`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database ${template}`);
    const url = new URL(admin);
    url.pathname = `/${template}`;
    const database = await openDatabase({ url: url.toString(), poolSize: 1 });
    await database.migrate();
    await database.close();
    project.provide('pgTemplate', template);
    project.provide('pgAdminUrl', admin);
    project.provide('pgRunPrefix', prefix);
    project.provide('pgliteSnapshot', '');
    return async () => {
      // Drop every database this run made, the template last.
      const { rows } = await client.query<{ datname: string }>(
        `select datname from pg_database where datname like $1`,
        [`${prefix}_%`],
      );
      for (const r of rows) await client.query(`drop database if exists ${r.datname} with (force)`);
      await client.end();
    };
  }
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `pglite-${migrationsHash()}.tar.gz`);
  if (!existsSync(file)) {
    const database = await openDatabase({});
    await database.migrate();
    const blob = await database.pglite!.dumpDataDir('gzip');
    writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
    await database.close();
  }
  project.provide('pgliteSnapshot', file);
  project.provide('pgTemplate', '');
  project.provide('pgAdminUrl', '');
  project.provide('pgRunPrefix', '');
}
