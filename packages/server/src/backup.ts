import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db/client.ts';
import * as schema from './db/schema.ts';

/**
 * Tables in an order where every foreign key points backwards, so a restore can insert in this order.
 * Sorted by their foreign keys: a module namespace lists its exports alphabetically, not in source order
 * (account_roles would come before accounts and the restore would fail).
 */
export const TABLES: PgTable[] = referencesFirst(
  (Object.values(schema) as unknown[]).filter(
    (v): v is PgTable => typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v,
  ),
);

function referencesFirst(tables: PgTable[]): PgTable[] {
  const ordered: PgTable[] = [];
  const state = new Map<PgTable, 'visiting' | 'done'>();
  const visit = (t: PgTable) => {
    if (state.get(t) === 'done') return;
    if (state.get(t) === 'visiting')
      throw new Error(`foreign keys form a cycle at ${getTableConfig(t).name}`);
    state.set(t, 'visiting');
    for (const fk of getTableConfig(t).foreignKeys) {
      const target = fk.reference().foreignTable;
      if (target !== t) visit(target); // a self-reference needs no ordering between tables
    }
    state.set(t, 'done');
    ordered.push(t);
  };
  for (const t of tables) visit(t);
  return ordered;
}

const PAGE = 2000;

function rowsOf(res: unknown): Record<string, unknown>[] {
  return (res as { rows: Record<string, unknown>[] }).rows;
}

/**
 * Logical backup: gzip'd JSON lines, a header then `{"t": table, "r": row}` per row. The same file
 * restores into PGlite or PostgreSQL, so it is also the way from the embedded mode to a served one.
 */
export async function backupTo(db: Db, file: string, onProgress?: (table: string, rows: number) => void) {
  const out = createGzip();
  const done = pipeline(out, createWriteStream(file));
  const write = (obj: unknown) =>
    new Promise<void>((resolve) => {
      if (out.write(`${JSON.stringify(obj)}\n`)) resolve();
      else out.once('drain', () => resolve());
    });
  const [mig] = rowsOf(
    await db.execute(
      sql`select coalesce(max(created_at), 0)::text as last from drizzle.__drizzle_migrations`,
    ),
  );
  await write({
    format: 'yiting-backup',
    version: 1,
    migration: mig?.last ?? null,
    at: new Date().toISOString(),
  });
  for (const table of TABLES) {
    const name = getTableConfig(table).name;
    let offset = 0;
    for (;;) {
      const rows = rowsOf(
        await db.execute(
          sql`select row_to_json(t)::text as j from (select * from ${sql.identifier(name)} order by ctid limit ${PAGE} offset ${offset}) t`,
        ),
      );
      for (const r of rows) await write({ t: name, r: JSON.parse(String(r.j)) });
      offset += rows.length;
      onProgress?.(name, offset);
      if (rows.length < PAGE) break;
    }
  }
  out.end();
  await done;
}

export class RestoreError extends Error {}

/** Restores a backup into a migrated, empty database, in one transaction: all of it or nothing. */
export async function restoreFrom(db: Db, file: string, onProgress?: (rows: number) => void) {
  const names = new Set(TABLES.map((t) => getTableConfig(t).name));
  await db.transaction(async (tx) => {
    for (const name of names) {
      const [c] = rowsOf(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(name)}`));
      if (Number(c?.n) > 0)
        throw new RestoreError(`table ${name} is not empty: restore needs a new database`);
    }
    const lines = createInterface({
      input: createReadStream(file).pipe(createGunzip()),
      crlfDelay: Infinity,
    });
    let header: { format?: string } | undefined;
    let batch: Record<string, unknown>[] = [];
    let batchTable = '';
    let total = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await tx.execute(
        sql`insert into ${sql.identifier(batchTable)} select * from json_populate_recordset(null::${sql.identifier(batchTable)}, ${JSON.stringify(batch)}::json)`,
      );
      total += batch.length;
      onProgress?.(total);
      batch = [];
    };
    for await (const line of lines) {
      if (!line) continue;
      const obj = JSON.parse(line);
      if (!header) {
        header = obj;
        if (header?.format !== 'yiting-backup') throw new RestoreError('not a Yiting backup file');
        continue;
      }
      if (!names.has(obj.t)) throw new RestoreError(`unknown table ${obj.t}`);
      if (obj.t !== batchTable || batch.length >= 1000) {
        await flush();
        batchTable = obj.t;
      }
      batch.push(obj.r);
    }
    await flush();
    if (!header) throw new RestoreError('empty backup file');
    // Serial columns continue after the restored ids.
    await tx.execute(
      sql`select setval(pg_get_serial_sequence('audit_log', 'id'), coalesce((select max(id) from audit_log), 0) + 1, false)`,
    );
  });
}
