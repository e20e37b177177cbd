import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, chromiumRequired } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    password: string;
  }
}

const root = resolve(import.meta.dirname, '../../..');
const web = join(root, 'packages/web');
const PASSWORD = 'E2e-pass-2025';

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

function run(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((ok, fail) => {
    let output = '';
    const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0 ? ok() : fail(new Error(`${args.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}

/** Builds the app unless dist/ is newer than every source: the tests run what the server serves. */
async function buildIfStale() {
  const built = join(web, 'dist/index.html');
  const sources = ['src', 'public', 'index.html', 'vite.config.ts']
    .map((p) => join(web, p))
    .filter(existsSync);
  if (existsSync(built) && statSync(built).mtimeMs > Math.max(...sources.map(newestMtime))) return;
  // NODE_ENV is `test` inside vitest; a build under it would ship React's development bundle.
  await run([join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: web,
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

function hashTree(hash: ReturnType<typeof createHash>, path: string) {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const f of readdirSync(path).sort()) hashTree(hash, join(path, f));
  } else hash.update(path).update(readFileSync(path));
}

/**
 * A database with the demo loaded. Creating one costs ~15 s (PGlite's initdb in WASM), so a copy is kept
 * per version of the server and domain code that made it, and reused until that code changes.
 */
async function demoDatabase(dataDir: string, env: NodeJS.ProcessEnv) {
  const hash = createHash('sha256').update(PASSWORD);
  for (const p of ['packages/server/src', 'packages/server/drizzle', 'packages/domain/src'])
    hashTree(hash, join(root, p));
  const cache = join(tmpdir(), 'yiting-e2e-cache', hash.digest('hex').slice(0, 16));
  if (existsSync(cache) && !process.env.YITING_E2E_NO_CACHE) {
    cpSync(cache, dataDir, { recursive: true });
    return;
  }
  await run([join(root, 'packages/server/bin/yiting.mjs'), 'demo'], {
    cwd: root,
    env: { ...env, YITING_DATA_DIR: dataDir },
  });
  // Written beside, then renamed: a run interrupted mid-copy leaves no half cache behind.
  mkdirSync(join(tmpdir(), 'yiting-e2e-cache'), { recursive: true });
  const partial = `${cache}.${process.pid}`;
  cpSync(dataDir, partial, { recursive: true });
  rmSync(cache, { recursive: true, force: true });
  renameSync(partial, cache);
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? ok(addr.port) : fail(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, log: () => string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`yiting start exited with ${server.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`yiting start did not answer within ${timeoutMs} ms:\n${log()}`);
}

/**
 * One real server for the browser suite: the built web app, a fresh embedded database in a temp folder,
 * and the demo data (bodies, units, people, one account per role, all with PASSWORD).
 */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    if (chromiumRequired()) throw new Error(`${CHROMIUM} is missing; browser tests cannot run under CI`);
    // The test files skip themselves; nothing to start.
    project.provide('baseUrl', '');
    project.provide('password', PASSWORD);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'yiting-e2e-'));
  // Embedded PGlite always, whatever DATABASE_URL the shell has: the suite must not touch a real database.
  const env = { ...process.env, YITING_ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'warn', DATABASE_URL: '' };
  try {
    // The two slow steps are independent; the server starts once both are done (it serves dist/ as found).
    await Promise.all([buildIfStale(), demoDatabase(dataDir, env)]);
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const port = await freePort();
  let output = '';
  const server = spawn(process.execPath, [join(root, 'packages/server/bin/yiting.mjs'), 'start'], {
    cwd: root,
    env: { ...env, YITING_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on('data', collect);
  server.stderr?.on('data', collect);
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, server, () => output);
  } catch (e) {
    await stop();
    throw e;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('password', PASSWORD);
  return stop;
}
