import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.ts';
import { createBody, createUser } from '../helpers/factories.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data dir holding one body and an admin; tests copy it, never use it directly. */
    templateDataDir: string;
    /** A migrated PGlite data dir with no rows at all (a restore target). */
    emptyDataDir: string;
    processAdmin: { username: string; password: string; bodyId: string };
  }
}

/**
 * Makes the embedded data dir every process test starts from, once per run: creating it in each test
 * (initdb + migrations) would cost seconds per test. `yiting demo` would do too, but is slower still.
 */
export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'yiting-proc-'));
  const emptyDataDir = join(root, 'empty');
  const empty = await openDatabase({ dataDir: emptyDataDir });
  await empty.migrate();
  await empty.close();
  const dataDir = join(root, 'template');
  cpSync(emptyDataDir, dataDir, { recursive: true });
  const database = await openDatabase({ dataDir });
  const body = await createBody(database.db, { name: '进程测试人大常委会' });
  const admin = await createUser(database.db, body.id, ['admin'], { username: 'proc_admin' });
  await database.close();
  project.provide('templateDataDir', dataDir);
  project.provide('emptyDataDir', emptyDataDir);
  project.provide('processAdmin', { username: admin.username, password: admin.password, bodyId: body.id });
  return () => rmSync(root, { recursive: true, force: true });
}
