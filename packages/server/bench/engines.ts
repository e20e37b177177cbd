import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/client.ts';
import type { BenchFigure } from './main.ts';

export function p95(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
}

/**
 * Runs `measure` on a fresh, migrated PGlite, then on a fresh PostgreSQL database made for it and dropped
 * after (skipped with a line when no server answers). `pgliteOnDisk`: a data folder instead of memory, for
 * data sets larger than WASM memory holds well.
 */
export async function onBothEngines(
  measure: (database: Database, engine: string) => Promise<BenchFigure[]>,
  opts: { pgliteOnDisk?: boolean } = {},
): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const dir = opts.pgliteOnDisk ? mkdtempSync(join(tmpdir(), 'yiting-bench-')) : undefined;
  const lite = await openDatabase(dir ? { dataDir: dir } : {});
  try {
    await lite.migrate();
    figures.push(...(await measure(lite, 'PGlite')));
  } finally {
    await lite.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
  const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `yiting_bench_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  try {
    await client.connect();
  } catch {
    console.log('  (PostgreSQL not reachable: skipped)');
    return figures;
  }
  await client.query(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const served = await openDatabase({ url: url.toString() });
  try {
    await served.migrate();
    figures.push(...(await measure(served, 'PostgreSQL')));
  } finally {
    await served.close();
    await client.query(`drop database ${name} with (force)`);
    await client.end();
  }
  return figures;
}

/** p95 of `runs` timed calls after `warmup` untimed ones. */
export async function timeP95(call: () => Promise<unknown>, runs: number, warmup = 5): Promise<number> {
  for (let i = 0; i < warmup; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await call();
    samples.push(performance.now() - t);
  }
  return p95(samples);
}
