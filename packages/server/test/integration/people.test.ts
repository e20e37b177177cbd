import { describe, expect, it } from 'vitest';
import { signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant } from '../helpers/factories.ts';

describe.skipIf(engineUnavailable())('people', () => {
  const t = useTestApp();

  it('creates a person and finds them by pinyin initials, full pinyin and characters', async () => {
    const { staff } = await createTenant(t.db);
    const c = await signIn(t.app, staff);
    const created = await c.post('/api/v1/people', {
      name: '凌传茂',
      gender: 'male',
      organization: '江门市人大常委会',
      memberships: [{ role: 'deputy', deputyLevel: 'city', delegation: '蓬江区代表团' }],
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const id = created.json().id;
    for (const q of ['lcm', 'lingchuanmao', '传茂', 'LCM']) {
      const res = await c.get(`/api/v1/people?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((p: { id: string }) => p.id)).toEqual([id]);
    }
    const none = await c.get('/api/v1/people?q=zzz');
    expect(none.json()).toEqual({ items: [], nextCursor: null });
  });

  it('refuses a stale version with 409 and a missing If-Match with 428, changing nothing', async () => {
    const { staff } = await createTenant(t.db);
    const c = await signIn(t.app, staff);
    const { id } = (await c.post('/api/v1/people', { name: '张三' })).json();
    const ok = await c.patch(`/api/v1/people/${id}`, { position: '主任' }, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(2);
    const stale = await c.patch(`/api/v1/people/${id}`, { position: '副主任' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const missing = await c.patch(`/api/v1/people/${id}`, { position: '副主任' });
    expect(missing.statusCode).toBe(428);
    const now = (await c.get(`/api/v1/people/${id}`)).json();
    expect(now.position).toBe('主任');
  });

  it('validates like the form does: a deputy needs a level, in the caller’s language', async () => {
    const { staff } = await createTenant(t.db);
    const zh = await signIn(t.app, staff);
    const res = await zh.post('/api/v1/people', { name: '李四', memberships: [{ role: 'deputy' }] });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().title).toBe('提交的数据不符合要求');
    expect(res.json().errors).toContainEqual({
      path: 'memberships.0.deputyLevel',
      message: '人大代表须填写代表层级',
    });
    const en = await signIn(t.app, staff, 'en-US');
    const res2 = await en.post('/api/v1/people', { name: '李四', memberships: [{ role: 'deputy' }] });
    expect(res2.json().title).toBe('The submitted data is invalid');
    expect(res2.json().errors[0].message).toBe('A deputy needs a level');
    const list = await zh.get('/api/v1/people');
    expect(list.json().items).toHaveLength(0);
  });

  it('pages with a cursor and never returns more than the limit', async () => {
    const { staff } = await createTenant(t.db);
    const c = await signIn(t.app, staff);
    for (let i = 0; i < 5; i++)
      expect((await c.post('/api/v1/people', { name: `代表${'甲乙丙丁戊'[i]}` })).statusCode).toBe(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await c.get(`/api/v1/people?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const body = res.json();
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((p: { name: string }) => p.name));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['代表甲', '代表乙', '代表丙', '代表丁', '代表戊']);
  });

  it('refuses to delete a person still referred to, with 409 and nothing changed', async () => {
    const { staff, admin } = await createTenant(t.db);
    const c = await signIn(t.app, staff);
    const person = (await c.post('/api/v1/people', { name: '赵六' })).json();
    // An account linked to the person keeps it referenced.
    const a = await signIn(t.app, admin);
    const acc = await a.post('/api/v1/accounts', {
      username: `zhao${Date.now()}`,
      displayName: '赵六',
      password: 'Zhao-liu-2025',
      roles: ['deputy'],
      personId: person.id,
    });
    expect(acc.statusCode).toBe(201);
    const res = await c.delete(`/api/v1/people/${person.id}`, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('conflict');
    expect((await c.get(`/api/v1/people/${person.id}`)).statusCode).toBe(200);
  });
});
