import { type Permission, ROLES, type Role, roleAllows } from '@yiting/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { Database } from '../../src/db/client.ts';
import { type Client, signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable, openTestDatabase } from '../helpers/db.ts';
import { createTenant, createUser } from '../helpers/factories.ts';

const SOME_ID = '01900000-0000-7000-8000-000000000000';

/** Every route of the app as [method, url], read from Fastify's own route tree. */
function routesOf(app: FastifyInstance): { method: string; url: string }[] {
  const out: { method: string; url: string }[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│├└─\s]*?)(\S+)(?: \(([^)]+)\))?$/.exec(line.replace(/\s+$/, ''));
    if (!m?.[2]) continue;
    const depth = Math.round((m[1] ?? '').length / 4);
    stack.length = depth;
    const url = (stack[depth - 1] ?? '') + m[2];
    stack[depth] = url;
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim())) if (method) out.push({ method, url });
  }
  return out;
}

describe.skipIf(engineUnavailable())('deny by default', () => {
  let database: Database;
  let app: FastifyInstance;
  const seen = new Map<string, Permission | undefined>();

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildApp({ database });
    // Records the permission each route declares, as the auth hook saw it (runs even after a refusal).
    app.addHook('onResponse', async (req) => {
      if (req.routeOptions.url)
        seen.set(`${req.method} ${req.routeOptions.url}`, req.routeOptions.config?.permission);
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('every /api route declares a permission, and every non-public one refuses an anonymous caller with 401', async () => {
    const routes = routesOf(app).filter((r) => r.url.startsWith('/api'));
    // The parser must really find the routes, or this test would pass on nothing.
    expect(routes.length).toBeGreaterThan(15);
    expect(routes).toContainEqual({ method: 'DELETE', url: '/api/v1/people/:id' });
    expect(routes).toContainEqual({ method: 'POST', url: '/api/v1/doc-numbers' });

    const problems: string[] = [];
    for (const r of routes) {
      const url = r.url
        .replace(/:id\b/g, SOME_ID)
        .replace(/:[A-Za-z]+/g, 'x')
        .replace(/\*$/, 'x');
      const res = await app.inject({
        method: r.method as 'GET',
        url,
        ...(['POST', 'PATCH', 'PUT'].includes(r.method) ? { payload: {} } : {}),
      });
      const key = `${r.method} ${r.url}`;
      if (!seen.has(key)) {
        problems.push(`${key}: the request never reached the route (${res.statusCode})`);
        continue;
      }
      const permission = seen.get(key);
      if (!permission) problems.push(`${key}: declares no config.permission`);
      else if (permission !== 'public') {
        if (res.statusCode !== 401 || (r.method !== 'HEAD' && res.json().code !== 'unauthenticated'))
          problems.push(`${key}: anonymous got ${res.statusCode}, expected 401`);
      } else if (res.statusCode >= 500) problems.push(`${key}: public route answered ${res.statusCode}`);
    }
    expect(problems).toEqual([]);
  });
});

describe.skipIf(engineUnavailable())('roles and tenants', () => {
  const t = useTestApp();

  it('each role gets exactly the permissions of its default grants (403 forbidden otherwise, nothing written)', async () => {
    const tenant = await createTenant(t.db);
    const expert = await createUser(t.db, tenant.body.id, ['expert']);
    const users: Record<Role, { username: string; password: string }> = {
      admin: tenant.admin,
      leader: tenant.leader,
      staff: tenant.staff,
      deputy: tenant.deputy,
      liaison: tenant.liaison,
      expert,
    };
    const probes: { permission: Permission; run: (c: Client, role: Role) => ReturnType<Client['get']> }[] = [
      { permission: 'body.read', run: (c) => c.get('/api/v1/bodies') },
      { permission: 'unit.read', run: (c) => c.get('/api/v1/units') },
      {
        permission: 'unit.manage',
        run: (c, role) => c.post('/api/v1/units', { name: `单位${role}`, kind: 'office' }),
      },
      { permission: 'person.read', run: (c) => c.get('/api/v1/people') },
      { permission: 'person.manage', run: (c, role) => c.post('/api/v1/people', { name: `人员${role}` }) },
      { permission: 'audit.read', run: (c) => c.get('/api/v1/audit') },
      {
        permission: 'docnumber.allocate',
        run: (c) => c.post('/api/v1/doc-numbers', { prefix: '江人大', year: 2025 }),
      },
    ];
    const wrong: string[] = [];
    for (const role of ROLES) {
      const c = await signIn(t.app, users[role]);
      for (const p of probes) {
        const res = await p.run(c, role);
        const allowed = roleAllows([role], p.permission);
        const ok = allowed
          ? res.statusCode >= 200 && res.statusCode < 300
          : res.statusCode === 403 && res.json().code === 'forbidden';
        if (!ok) wrong.push(`${role} ${p.permission}: ${res.statusCode} (expected ${allowed ? '2xx' : 403})`);
      }
    }
    expect(wrong).toEqual([]);
    // The explicit cases of the issue, and that refused writes left no trace.
    expect(roleAllows(['deputy'], 'person.manage')).toBe(false);
    expect(roleAllows(['leader'], 'audit.read')).toBe(false);
    const admin = await signIn(t.app, tenant.admin);
    const names = (await admin.get('/api/v1/people')).json().items.map((p: { name: string }) => p.name);
    expect(names.sort()).toEqual(['人员admin', '人员staff']);
  });

  /**
   * One line per resource: how tenant A makes one, and the URLs through which tenant B might reach it.
   * B must get 404 on every by-id URL and never see A's row in a list.
   */
  interface Resource {
    name: string;
    create: (a: Client) => Promise<string>;
    list?: (id: string) => string;
    listId?: (item: Record<string, unknown>) => string;
    get?: (id: string) => string;
    patch?: { url: (id: string) => string; body: unknown };
    del?: (id: string) => string;
    /** How A reads it back to show it is unchanged. */
    readBack: (a: Client, id: string) => Promise<unknown>;
  }
  const json = async (p: ReturnType<Client['get']>) => (await p).json();
  const RESOURCES: Resource[] = [
    {
      name: 'people',
      create: async (a) => (await a.post('/api/v1/people', { name: '甲方代表' })).json().id,
      list: () => '/api/v1/people',
      get: (id) => `/api/v1/people/${id}`,
      patch: { url: (id) => `/api/v1/people/${id}`, body: { position: '被改了' } },
      del: (id) => `/api/v1/people/${id}`,
      readBack: (a, id) => json(a.get(`/api/v1/people/${id}`)),
    },
    {
      name: 'units',
      create: async (a) => (await a.post('/api/v1/units', { name: '甲方单位', kind: 'office' })).json().id,
      list: () => '/api/v1/units',
      get: (id) => `/api/v1/units/${id}`,
      patch: { url: (id) => `/api/v1/units/${id}`, body: { name: '被改了' } },
      del: (id) => `/api/v1/units/${id}`,
      readBack: (a, id) => json(a.get(`/api/v1/units/${id}`)),
    },
    {
      name: 'audit entries',
      create: async (a) => {
        const { id } = (await a.post('/api/v1/people', { name: '留痕' })).json();
        return id; // found in the audit list by its target id
      },
      list: (id) => `/api/v1/audit?q=${id}`,
      listId: (item) => String(item.targetId),
      readBack: (a, id) => json(a.get(`/api/v1/audit?q=${id}`)),
    },
    {
      name: 'api tokens',
      create: async (a) => (await a.post('/api/v1/api-tokens', { name: '甲方令牌' })).json().id,
      list: () => '/api/v1/api-tokens',
      del: (id) => `/api/v1/api-tokens/${id}`,
      readBack: (a) => json(a.get('/api/v1/api-tokens')),
    },
    {
      name: 'accounts',
      create: async (a) =>
        (
          await a.post('/api/v1/accounts', {
            username: `acct_${Math.random().toString(36).slice(2, 10)}`,
            displayName: '甲方账号',
            password: 'Test-pass-1',
            roles: ['staff'],
          })
        ).json().id,
      list: () => '/api/v1/accounts',
      get: (id) => `/api/v1/accounts/${id}`,
      patch: { url: (id) => `/api/v1/accounts/${id}`, body: { disabled: true } },
      readBack: (a, id) => json(a.get(`/api/v1/accounts/${id}`)),
    },
    {
      name: 'proposals',
      create: async (a) => {
        const proposer = (await a.post('/api/v1/people', { name: '甲方委员' })).json().id;
        const body = { title: '甲方提案', content: '甲方提案内容', sessionTerm: 1, sessionMeeting: 1 };
        return (await a.post('/api/v1/proposals', { ...body, proposerPersonId: proposer })).json().id;
      },
      list: () => '/api/v1/proposals',
      get: (id) => `/api/v1/proposals/${id}`,
      patch: { url: (id) => `/api/v1/proposals/${id}`, body: { title: '被改了' } },
      readBack: (a, id) => json(a.get(`/api/v1/proposals/${id}`)),
    },
    {
      name: 'opinion reports',
      create: async (a) =>
        (
          await a.post('/api/v1/opinion-reports', {
            title: '甲方信息',
            content: '甲方信息内容',
            submitterKind: 'committee',
            submitterName: '甲方专委会',
          })
        ).json().id,
      list: () => '/api/v1/opinion-reports',
      get: (id) => `/api/v1/opinion-reports/${id}`,
      patch: { url: (id) => `/api/v1/opinion-reports/${id}`, body: { title: '被改了' } },
      readBack: (a, id) => json(a.get(`/api/v1/opinion-reports/${id}`)),
    },
    {
      name: 'bodies',
      create: async (a) => (await a.get('/api/v1/me')).json().body.id,
      list: () => '/api/v1/bodies',
      get: (id) => `/api/v1/bodies/${id}`,
      readBack: (a, id) => json(a.get(`/api/v1/bodies/${id}`)),
    },
  ];

  for (const r of RESOURCES) {
    it(`tenant B cannot read, list, update or delete A's ${r.name}`, async () => {
      const A = await createTenant(t.db);
      const B = await createTenant(t.db);
      const a = await signIn(t.app, A.admin);
      const b = await signIn(t.app, B.admin);
      const id = await r.create(a);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      // B has rows of its own, so an empty list would not prove anything by itself.
      await r.create(b);
      const before = await r.readBack(a, id);

      if (r.get) {
        const res = await b.get(r.get(id));
        expect(res.statusCode, `GET ${r.name}`).toBe(404);
        expect(res.json().code).toBe('not_found');
      }
      if (r.list) {
        const res = await b.get(r.list(id));
        expect(res.statusCode).toBe(200);
        const ids = (res.json().items as Record<string, unknown>[]).map(r.listId ?? ((x) => String(x.id)));
        expect(ids).not.toContain(id);
        // …while A does see it, so the list is the right place to look.
        const own = (await a.get(r.list(id))).json().items as Record<string, unknown>[];
        expect(own.map(r.listId ?? ((x) => String(x.id)))).toContain(id);
      }
      if (r.patch) {
        const res = await b.patch(r.patch.url(id), r.patch.body, { 'if-match': '"1"' });
        expect(res.statusCode, `PATCH ${r.name}`).toBe(404);
      }
      if (r.del) {
        const res = await b.delete(r.del(id), { 'if-match': '"1"' });
        // A route that does not exist for this resource answers 404 too; either way nothing changes.
        expect(res.statusCode, `DELETE ${r.name}`).toBe(404);
      }
      expect(await r.readBack(a, id)).toEqual(before);
    });
  }

  it("tenant B's doc numbers are its own sequence: A's numbering neither shows nor advances", async () => {
    const A = await createTenant(t.db);
    const B = await createTenant(t.db);
    const a = await signIn(t.app, A.admin);
    const b = await signIn(t.app, B.admin);
    for (let i = 1; i <= 3; i++)
      expect((await a.post('/api/v1/doc-numbers', { prefix: '人大交', year: 2025 })).json().seq).toBe(i);
    expect((await b.post('/api/v1/doc-numbers', { prefix: '人大交', year: 2025 })).json().seq).toBe(1);
    expect((await a.post('/api/v1/doc-numbers', { prefix: '人大交', year: 2025 })).json().seq).toBe(4);
    const seen = (await b.get('/api/v1/audit?action=docnumber.allocate')).json().items;
    expect(seen).toHaveLength(1);
  });

  it("tenant B cannot put A's unit into B's person (400, unknown_unit), on create or update", async () => {
    const A = await createTenant(t.db);
    const B = await createTenant(t.db);
    const b = await signIn(t.app, B.admin, 'en-US');
    const create = await b.post('/api/v1/people', {
      name: '乙方代表',
      memberships: [{ role: 'staff', unitId: A.unit.id }],
    });
    expect(create.statusCode).toBe(400);
    expect(create.json().errors).toEqual([{ path: 'memberships.0.unitId', message: 'Unknown unit' }]);
    const { id } = (await b.post('/api/v1/people', { name: '乙方代表' })).json();
    const update = await b.patch(
      `/api/v1/people/${id}`,
      { memberships: [{ role: 'staff', unitId: A.unit.id }] },
      { 'if-match': '"1"' },
    );
    expect(update.statusCode).toBe(400);
    expect(update.json().errors[0].message).toBe('Unknown unit');
    const unit = await b.post('/api/v1/units', { name: '乙方下级', kind: 'office', parentId: A.unit.id });
    expect(unit.statusCode).toBe(400);
    const person = (await b.get(`/api/v1/people/${id}`)).json();
    expect(person.version).toBe(1);
    expect(person.memberships).toEqual([]);
  });
});
