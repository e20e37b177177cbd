import { count, eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { auditLog, docNumberSequences, people, units } from '../../src/db/schema.ts';
import { signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant } from '../helpers/factories.ts';

const cursorOf = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

interface Case {
  name: string;
  method: NonNullable<InjectOptions['method']>;
  url: string | ((personId: string) => string);
  payload?: string;
  headers?: Record<string, string>;
  status: number;
  code: string;
}

/** Hand-made requests a browser, a script or an attacker might send; each must be a clean 4xx. */
const json = (v: unknown) => JSON.stringify(v);
const CASES: Case[] = [
  {
    name: 'malformed JSON',
    method: 'POST',
    url: '/api/v1/people',
    payload: '{"name":',
    status: 400,
    code: 'malformed_json',
  },
  {
    name: 'trailing garbage',
    method: 'POST',
    url: '/api/v1/people',
    payload: '{"name":"张"}x',
    status: 400,
    code: 'malformed_json',
  },
  {
    name: 'empty JSON body',
    method: 'POST',
    url: '/api/v1/people',
    payload: '',
    status: 400,
    code: 'malformed_json',
  },
  {
    name: 'JSON array body',
    method: 'POST',
    url: '/api/v1/people',
    payload: '[]',
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'JSON null body',
    method: 'POST',
    url: '/api/v1/people',
    payload: 'null',
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'wrong type',
    method: 'POST',
    url: '/api/v1/people',
    payload: json({ name: 123 }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'wrong enum',
    method: 'POST',
    url: '/api/v1/people',
    payload: json({ name: '张', gender: 'x' }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'number as string',
    method: 'POST',
    url: '/api/v1/doc-numbers',
    payload: json({ prefix: '人大', year: '2025' }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'unknown field',
    method: 'POST',
    url: '/api/v1/people',
    payload: json({ name: '张', isAdmin: true }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'unknown nested field',
    method: 'POST',
    url: '/api/v1/people',
    payload: json({ name: '张', memberships: [{ role: 'staff', bodyId: 'x' }] }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'unknown field in a patch',
    method: 'PATCH',
    url: (id) => `/api/v1/people/${id}`,
    payload: json({ version: 9 }),
    headers: { 'if-match': '"1"' },
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'unknown field on units',
    method: 'POST',
    url: '/api/v1/units',
    payload: json({ name: '办', kind: 'office', bodyId: 'x' }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'unknown field on login',
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: json({ username: 'a', password: 'b', role: 'admin' }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: '__proto__ key',
    method: 'POST',
    url: '/api/v1/people',
    payload: '{"name":"张","__proto__":{"x":1}}',
    status: 400,
    code: 'malformed_json',
  },
  {
    name: 'oversized body (> 1 MiB)',
    method: 'POST',
    url: '/api/v1/people',
    payload: json({ name: '张', notes: 'a'.repeat(1024 * 1024 + 10) }),
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: 'text/plain body',
    method: 'POST',
    url: '/api/v1/people',
    payload: 'name=张',
    headers: { 'content-type': 'text/plain' },
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'form body',
    method: 'POST',
    url: '/api/v1/people',
    payload: 'name=x',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'bad id (GET)',
    method: 'GET',
    url: '/api/v1/people/not-a-uuid',
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'bad id (PATCH)',
    method: 'PATCH',
    url: '/api/v1/people/not-a-uuid',
    payload: json({ name: '张' }),
    headers: { 'if-match': '"1"' },
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'bad id (DELETE)',
    method: 'DELETE',
    url: '/api/v1/people/1%20or%201=1',
    headers: { 'if-match': '"1"' },
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'bad unit id',
    method: 'GET',
    url: "/api/v1/units/'%3B drop table units",
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'unknown id',
    method: 'GET',
    url: '/api/v1/people/01900000-0000-7000-8000-000000000000',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'bad If-Match',
    method: 'PATCH',
    url: (id) => `/api/v1/people/${id}`,
    payload: json({ name: '李' }),
    headers: { 'if-match': 'latest' },
    status: 400,
    code: 'bad_request',
  },
  {
    name: 'missing If-Match',
    method: 'DELETE',
    url: (id) => `/api/v1/people/${id}`,
    status: 428,
    code: 'precondition_required',
  },
  {
    name: 'cursor not base64 JSON',
    method: 'GET',
    url: '/api/v1/people?cursor=%21%21%21',
    status: 400,
    code: 'bad_request',
  },
  {
    name: 'cursor of the wrong shape',
    method: 'GET',
    url: `/api/v1/people?cursor=${cursorOf({ id: 1 })}`,
    status: 400,
    code: 'bad_request',
  },
  {
    name: 'cursor of the wrong arity',
    method: 'GET',
    url: `/api/v1/units?cursor=${cursorOf([1])}`,
    status: 400,
    code: 'bad_request',
  },
  {
    name: 'cursor with a wrong type',
    method: 'GET',
    url: `/api/v1/people?cursor=${cursorOf([{ a: 1 }])}`,
    status: 400,
    code: 'bad_request',
  },
  {
    name: 'audit cursor of the wrong type',
    method: 'GET',
    url: `/api/v1/audit?cursor=${cursorOf(['x'])}`,
    status: 400,
    code: 'bad_request',
  },
  {
    name: 'units cursor of the wrong types',
    method: 'GET',
    url: `/api/v1/units?cursor=${cursorOf(['a', 5])}`,
    status: 400,
    code: 'bad_request',
  },
  {
    name: 'bodies cursor of the wrong type',
    method: 'GET',
    url: `/api/v1/bodies?cursor=${cursorOf(['x'])}`,
    status: 400,
    code: 'bad_request',
  },
  {
    name: 'over-long cursor',
    method: 'GET',
    url: `/api/v1/people?cursor=${'a'.repeat(600)}`,
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'limit too large',
    method: 'GET',
    url: '/api/v1/people?limit=100000',
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'limit zero',
    method: 'GET',
    url: '/api/v1/people?limit=0',
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'limit not a number',
    method: 'GET',
    url: '/api/v1/people?limit=abc',
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'bad date filter',
    method: 'GET',
    url: '/api/v1/audit?from=2025-13-45',
    status: 400,
    code: 'validation_failed',
  },
  { name: 'unknown route', method: 'GET', url: '/api/v1/nothing-here', status: 404, code: 'route_not_found' },
  { name: 'unknown version', method: 'GET', url: '/api/v2/people', status: 404, code: 'route_not_found' },
  {
    name: 'unknown write route',
    method: 'POST',
    url: '/api/v1/nothing-here',
    payload: json({}),
    status: 404,
    code: 'route_not_found',
  },
  {
    name: 'wrong method (PUT)',
    method: 'PUT',
    url: '/api/v1/people',
    payload: json({ name: '张' }),
    status: 404,
    code: 'route_not_found',
  },
  {
    name: 'wrong method (DELETE on a list)',
    method: 'DELETE',
    url: '/api/v1/people',
    status: 404,
    code: 'route_not_found',
  },
  {
    name: 'wrong method (POST on an item)',
    method: 'POST',
    url: (id) => `/api/v1/people/${id}`,
    payload: json({}),
    status: 404,
    code: 'route_not_found',
  },
];

describe.skipIf(engineUnavailable())('robustness', () => {
  const t = useTestApp();

  it.each([['zh-CN'], ['en-US']])(
    'bad requests get a 4xx problem+json with a code, never a 500, and change nothing (%s)',
    async (lang) => {
      const { admin, body } = await createTenant(t.db);
      const c = await signIn(t.app, admin, lang);
      const { id } = (await c.post('/api/v1/people', { name: '原样' })).json();
      const counts = async () => {
        const n = async (table: typeof people | typeof units | typeof auditLog | typeof docNumberSequences) =>
          (await t.db.select({ n: count() }).from(table).where(eq(table.bodyId, body.id)))[0]!.n;
        return {
          people: await n(people),
          units: await n(units),
          audit: await n(auditLog),
          docs: await n(docNumberSequences),
        };
      };
      const before = await counts();
      const person = (await c.get(`/api/v1/people/${id}`)).json();

      const wrong: string[] = [];
      for (const k of CASES) {
        const res = await c.request({
          method: k.method,
          url: typeof k.url === 'function' ? k.url(id) : k.url,
          ...(k.payload !== undefined ? { payload: k.payload } : {}),
          headers: {
            ...(k.payload !== undefined ? { 'content-type': 'application/json' } : {}),
            ...k.headers,
          },
        });
        const type = String(res.headers['content-type']);
        let problem: { code?: string; title?: string; status?: number } = {};
        try {
          problem = res.json();
        } catch {
          // reported below: the body was not JSON
        }
        if (
          res.statusCode !== k.status ||
          !type.startsWith('application/problem+json') ||
          problem.code !== k.code ||
          problem.status !== k.status ||
          typeof problem.title !== 'string' ||
          (lang === 'zh-CN' ? !/[\u4e00-\u9fff]/.test(problem.title) : /[\u4e00-\u9fff]/.test(problem.title))
        ) {
          wrong.push(`${k.name}: ${res.statusCode} ${type} ${res.body.slice(0, 200)}`);
        }
      }
      expect(wrong).toEqual([]);
      expect(await counts()).toEqual(before);
      expect((await c.get(`/api/v1/people/${id}`)).json()).toEqual(person);
    },
  );

  it('a validation error names the field in the caller’s language', async () => {
    const { staff } = await createTenant(t.db);
    const c = await signIn(t.app, staff, 'en-US');
    const res = await c.post('/api/v1/people', { name: '张', isAdmin: true });
    expect(res.json().errors).toEqual([{ path: 'body', message: expect.stringContaining('isAdmin') }]);
    const bad = await c.get('/api/v1/people/not-a-uuid');
    expect(bad.json().errors[0].path).toBe('id');
  });

  it('anonymous bad requests are refused before their body is even read (401, not 400/500)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
