import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { AppConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { openTestDatabase } from './db.ts';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  db: Database['db'];
}

/** Opens a fresh database and app for the test file; closes both afterwards. */
export function useTestApp(config: Partial<AppConfig> = {}): TestContext {
  const ctx = {} as TestContext;
  beforeAll(async () => {
    ctx.database = await openTestDatabase();
    ctx.db = ctx.database.db;
    ctx.app = await buildApp({ database: ctx.database, config });
    await ctx.app.ready();
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
  });
  return ctx;
}

/** A signed-in client: keeps the session cookie and sends the CSRF token on writes, like the web app. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(
    private readonly app: FastifyInstance,
    private readonly lang = 'zh-CN',
  ) {}

  async login(username: string, password: string, totp?: string): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: totp ? { username, password, totp } : { username, password },
    });
    if (res.statusCode === 200) {
      const set = res.cookies.find((c) => c.name === 'yiting_session');
      this.cookie = set ? `yiting_session=${set.value}` : '';
      this.csrf = res.json().csrfToken;
    }
    return res;
  }

  request(opts: InjectOptions & { method: NonNullable<InjectOptions['method']>; url: string }) {
    const headers: Record<string, string> = {
      'accept-language': this.lang,
      ...(this.cookie ? { cookie: this.cookie } : {}),
      ...(this.csrf && opts.method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
      ...(opts.headers as Record<string, string>),
    };
    return this.app.inject({ ...opts, headers });
  }

  get(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'GET', url, headers });
  }
  post(url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers });
  }
  patch(url: string, payload: unknown, headers: Record<string, string> = {}) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'], headers });
  }
  delete(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'DELETE', url, headers });
  }
}

export async function signIn(
  app: FastifyInstance,
  user: { username: string; password: string },
  lang?: string,
) {
  const c = new Client(app, lang);
  const res = await c.login(user.username, user.password);
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return c;
}
