import { describe, expect, it } from 'vitest';
import { Client, signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant } from '../helpers/factories.ts';

describe.skipIf(engineUnavailable())('accounts administration', () => {
  const t = useTestApp();

  it('lets an admin create a liaison for a unit, who can then sign in with that role', async () => {
    const { admin, unit } = await createTenant(t.db);
    const c = await signIn(t.app, admin);
    const res = await c.post('/api/v1/accounts', {
      username: 'liaison.kj',
      displayName: '科技局联络员',
      password: 'Kj-liaison-2025',
      roles: ['liaison'],
      unitId: unit.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'liaison.kj',
      roles: ['liaison'],
      unitId: unit.id,
      version: 1,
    });
    const l = new Client(t.app);
    expect((await l.login('liaison.kj', 'Kj-liaison-2025')).statusCode).toBe(200);
    const me = (await l.get('/api/v1/me')).json();
    expect(me.roles).toEqual(['liaison']);
    expect(me.unitId).toBe(unit.id);
  });

  it('refuses weak passwords, a liaison without a unit and duplicate usernames, with field errors', async () => {
    const { admin } = await createTenant(t.db);
    const c = await signIn(t.app, admin, 'en-US');
    const weak = await c.post('/api/v1/accounts', {
      username: 'weak1',
      displayName: 'W',
      password: 'abc',
      roles: ['staff'],
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors.map((e: { path: string }) => e.path)).toContain('password');
    const noUnit = await c.post('/api/v1/accounts', {
      username: 'nounit1',
      displayName: 'N',
      password: 'Good-pass-123',
      roles: ['liaison'],
    });
    expect(noUnit.json().errors).toEqual([{ path: 'unitId', message: 'A liaison needs a handling unit' }]);
    const dup = await c.post('/api/v1/accounts', {
      username: admin.username.toUpperCase(),
      displayName: 'D',
      password: 'Good-pass-123',
      roles: ['staff'],
    });
    expect(dup.statusCode).toBe(409);
  });

  it('disabling an account ends its sessions; unlock clears a lockout; stale versions are refused', async () => {
    const { admin, staff } = await createTenant(t.db);
    const a = await signIn(t.app, admin);
    const s = await signIn(t.app, staff);
    expect((await s.get('/api/v1/me')).statusCode).toBe(200);
    const got = await a.get(`/api/v1/accounts/${staff.id}`);
    expect(got.headers.etag).toBe('"1"');
    const off = await a.patch(`/api/v1/accounts/${staff.id}`, { disabled: true }, { 'if-match': '"1"' });
    expect(off.statusCode).toBe(200);
    expect((await s.get('/api/v1/me')).statusCode).toBe(401);
    const stale = await a.patch(`/api/v1/accounts/${staff.id}`, { disabled: false }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    const self = await a.patch(`/api/v1/accounts/${admin.id}`, { disabled: true }, { 'if-match': '"1"' });
    expect(self.statusCode).toBe(409);
  });

  it('does not show or change accounts of another body', async () => {
    const a = await createTenant(t.db);
    const b = await createTenant(t.db);
    const c = await signIn(t.app, b.admin);
    const list = (await c.get('/api/v1/accounts?limit=200')).json();
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(a.staff.id);
    expect((await c.get(`/api/v1/accounts/${a.staff.id}`)).statusCode).toBe(404);
    const res = await c.patch(`/api/v1/accounts/${a.staff.id}`, { disabled: true }, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(404);
    const staffOfB = await signIn(t.app, b.staff);
    expect((await staffOfB.get('/api/v1/accounts')).statusCode).toBe(403);
  });
});
