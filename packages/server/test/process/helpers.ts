import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, inject } from 'vitest';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/yiting.mjs');

/** Every child this file started; killed in afterAll whatever happened. */
const children = new Set<ChildProcess>();
const dirs: string[] = [];

export function cleanupAfterAll() {
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
}

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'yiting-proc-'));
  dirs.push(d);
  return d;
}

/** A fresh copy of the run's template data dir (one body, one admin). */
export function freshDataDir(): string {
  const d = join(tempDir(), 'data');
  cpSync(inject('templateDataDir'), d, { recursive: true });
  return d;
}

/** A fresh copy of a migrated, empty data dir: what a restore goes into. */
export function emptyDataDir(): string {
  const d = join(tempDir(), 'data');
  cpSync(inject('emptyDataDir'), d, { recursive: true });
  return d;
}

export const admin = () => inject('processAdmin');

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

export type DbEnv = { YITING_DATA_DIR: string } | { DATABASE_URL: string };

function childEnv(db: DbEnv, extra: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...db, ...extra };
  // The vitest worker's own settings must not leak into the child (e.g. a DATABASE_URL of the shell).
  if (!('DATABASE_URL' in db)) delete env.DATABASE_URL;
  delete env.YITING_TEST_DB;
  return env;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `yiting …` to completion. */
export function yiting(args: string[], db: DbEnv, extra: Record<string, string> = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: childEnv(db, extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((res) => child.on('close', (code) => res({ code, stdout, stderr })));
}

export interface Server {
  child: ChildProcess;
  port: number;
  base: string;
  output: () => string;
  /** Resolves with the exit code (or the signal) once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `yiting start` and waits until it answers /api/health, or rejects with its output if it exits. */
export async function startServer(db: DbEnv, extra: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: childEnv(db, { ...extra, PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    child.on('exit', (code, signal) => res({ code, signal })),
  );
  const server: Server = { child, port, base: `http://127.0.0.1:${port}`, output: () => out, exited };
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await exited;
      throw new Error(`yiting start exited with ${child.exitCode ?? child.signalCode}:\n${out}`);
    }
    try {
      const res = await fetch(`${server.base}/api/health`);
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`yiting start did not answer in time:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A signed-in HTTP client of a real server: the session cookie and the CSRF token. */
export async function login(server: Server, user: { username: string; password: string }) {
  const res = await fetch(`${server.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  return {
    get: (path: string) => fetch(`${server.base}${path}`, { headers: { cookie } }),
    post: (path: string, body: unknown) =>
      fetch(`${server.base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
  };
}

/** All pages of a list endpoint. */
export async function listAll<T>(client: Awaited<ReturnType<typeof login>>, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await client.get(`${path}${sep}limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as { items: T[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
