import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type ExtractTablesWithRelations, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { backfillSearchVectors } from '../tracking/search.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** One database type for both engines; a transaction handle is also a Db. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/** pg_advisory_lock key held while migrating (any constant; "yiting" in ASCII). */
const MIGRATION_LOCK = 0x79697469_6e67;

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** The PGlite instance in embedded mode, for dumps and backups. */
  pglite?: PGlite;
  pool?: pg.Pool;
  dataDir?: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… selects the served mode; otherwise PGlite. */
  url?: string | undefined;
  /** Embedded data folder; omitted with no url means an in-memory database (tests). */
  dataDir?: string | undefined;
  /** A tarball from dumpDataDir to start an in-memory PGlite from (tests). */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

export class DataDirLockedError extends Error {
  constructor(
    public readonly dataDir: string,
    public readonly pid: number,
  ) {
    super(
      `数据目录 ${dataDir} 正被另一个 Yiting 进程（PID ${pid}）使用；请先停止它。\n` +
        `The data folder ${dataDir} is in use by another Yiting process (PID ${pid}); stop it first.`,
    );
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite takes no lock of its own and two processes on one folder silently lose writes (pglite#1106),
 * so the embedded mode holds `yiting.lock` with its PID. A lock left by a dead process (kill -9) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'yiting.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
        throw new DataDirLockedError(dataDir, pid);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

/**
 * Gathers the planner's statistics (ANALYZE) where nothing else does. PostgreSQL's autovacuum keeps them;
 * PGlite runs no background workers, so without this its tables never have any and the planner guesses
 * (the statistics of the demo year took 0.7 s instead of 25 ms). ANALYZE samples a bounded number of rows
 * per table, so it stays short on a large database. Called at start and hourly by housekeeping.
 */
export async function refreshPlannerStatistics(db: Db, engine: Database['engine']): Promise<boolean> {
  if (engine !== 'pglite') return false;
  await db.execute(sql`analyze`);
  return true;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    pool.on('error', (err) => {
      // 57P01: the server ended an idle connection (shutdown, or a test dropping its database).
      if ((err as { code?: string }).code !== '57P01') console.error('postgres pool error', err);
    });
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      db,
      engine: 'postgres',
      pool,
      async migrate() {
        // Several nodes may start at once on one database: drizzle's migrator reads the last applied
        // migration and then applies the rest without a lock, so two of them collide (duplicate table).
        // A session-level advisory lock on one connection makes them take turns; the later ones find
        // nothing left to do.
        const client = await pool.connect();
        try {
          await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
          try {
            const locked = drizzlePg({ client, schema });
            await migratePg(locked as never, { migrationsFolder: MIGRATIONS_FOLDER });
            await backfillSearchVectors(locked as unknown as Db);
          } finally {
            await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
          }
        } finally {
          client.release();
        }
      },
      async close() {
        await pool.end();
      },
    };
  }
  let release: (() => void) | undefined;
  let pglite: PGlite;
  if (opts.dataDir) {
    const dataDir = resolve(opts.dataDir);
    release = lockDataDir(dataDir);
    try {
      pglite = await PGlite.create(join(dataDir, 'pg'));
    } catch (e) {
      release();
      throw e;
    }
  } else {
    pglite = await PGlite.create(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  }
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    engine: 'pglite',
    pglite,
    ...(opts.dataDir ? { dataDir: resolve(opts.dataDir) } : {}),
    async migrate() {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
      await backfillSearchVectors(db);
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await pglite.close();
      } finally {
        release?.();
      }
    },
  };
}
