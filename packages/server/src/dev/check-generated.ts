import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApp } from '../app.ts';
import { MIGRATIONS_FOLDER, openDatabase } from '../db/client.ts';

const ROOT = resolve(MIGRATIONS_FOLDER, '../../..');
export const OPENAPI_FILE = join(ROOT, 'docs/openapi.json');

/** The OpenAPI document as the running app serves it, pretty-printed. */
export async function currentOpenApi(): Promise<string> {
  const database = await openDatabase({});
  try {
    const app = await buildApp({ database });
    await app.ready();
    const doc = app.swagger();
    await app.close();
    return `${JSON.stringify(doc, null, 2)}\n`;
  } finally {
    await database.close();
  }
}

/**
 * Fails when the schema has changes without a migration, or docs/openapi.json differs from what the
 * routes generate. `--write` regenerates docs/openapi.json.
 */
export async function checkGenerated(write: boolean) {
  let ok = true;
  const tmp = mkdtempSync(join(tmpdir(), 'yiting-gen-'));
  try {
    cpSync(MIGRATIONS_FOLDER, tmp, { recursive: true });
    const before = readdirSync(tmp).length;
    const config = `${tmp}.config.mjs`;
    const settings = {
      dialect: 'postgresql',
      schema: join(ROOT, 'packages/server/src/db/schema.ts'),
      out: tmp,
    };
    writeFileSync(config, `export default ${JSON.stringify(settings)};`);
    execFileSync('npx', ['drizzle-kit', 'generate', '--config', config], { cwd: ROOT, stdio: 'pipe' });
    if (readdirSync(tmp).length !== before) {
      console.error('✗ the database schema changed without a migration: run `npm run db:generate`');
      ok = false;
    } else console.log('✓ migrations match the schema');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(`${tmp}.config.mjs`, { force: true });
  }
  const doc = await currentOpenApi();
  if (write) {
    writeFileSync(OPENAPI_FILE, doc);
    console.log(`✓ wrote ${OPENAPI_FILE}`);
  } else {
    let committed = '';
    try {
      committed = readFileSync(OPENAPI_FILE, 'utf8');
    } catch {}
    if (committed !== doc) {
      console.error('✗ docs/openapi.json is out of date: run `npm run check:generated -- --write`');
      ok = false;
    } else console.log('✓ docs/openapi.json is up to date');
  }
  if (!ok) process.exit(1);
}
