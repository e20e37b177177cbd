import { count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/auth/totp.ts';
import { accounts, bodies, people, sessions } from '../../src/db/schema.ts';
import { Client, signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant, TEST_PASSWORD } from '../helpers/factories.ts';

/** A code that is not valid in any accepted step: the current one plus 500000, mod 10⁶. */
function wrongCode(secret: string): string {
  return String((Number(currentTotp(secret)) + 500_000) % 1_000_000).padStart(6, '0');
}

describe.skipIf(engineUnavailable())('auth', () => {
  const t = useTestApp();

  const peopleOf = async (bodyId: string) =>
    (await t.db.select({ n: count() }).from(people).where(eq(people.bodyId, bodyId)))[0]!.n;

  it('logs in with a HttpOnly SameSite cookie, answers /me, and logout ends the session', async () => {
    const { staff, body } = await createTenant(t.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: staff.username, password: staff.password },
    });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^yiting_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=(Lax|Strict)/i);
    expect(res.json().csrfToken).toMatch(/.{20,}/);

    const c = new Client(t.app);
    await c.login(staff.username, staff.password);
    const me = await c.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().account.username).toBe(staff.username);
    expect(me.json().body.id).toBe(body.id);
    expect(me.json().roles).toEqual(['staff']);

    const out = await c.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(200);
    // The old cookie no longer works, even though the client still sends it.
    const after = await c.get('/api/v1/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
  });

  it('refuses a wrong password with 401 invalid_credentials, titled in the caller’s language', async () => {
    const { staff } = await createTenant(t.db);
    const attempt = (lang: string, username = staff.username) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'accept-language': lang },
        payload: { username, password: 'wrong-password' },
      });
    const zh = await attempt('zh-CN,zh;q=0.9');
    expect(zh.statusCode).toBe(401);
    expect(zh.headers['content-type']).toContain('application/problem+json');
    expect(zh.json()).toMatchObject({ code: 'invalid_credentials', title: '用户名或密码错误', status: 401 });
    const en = await attempt('en-US,en;q=0.9');
    expect(en.json()).toMatchObject({ code: 'invalid_credentials', title: 'Wrong username or password' });
    // An unknown user gets the very same answer: no username enumeration.
    const unknown = await attempt('en-US', 'nobody_here');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('invalid_credentials');
    expect(zh.cookies).toHaveLength(0);
  });

  it('locks the account for 15 minutes after 5 failed logins, even for the right password', async () => {
    const { staff } = await createTenant(t.db);
    const login = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: staff.username, password },
      });
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login('wrong-password')).json().code);
    expect(codes).toEqual([
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'account_locked',
    ]);
    const locked = await login(staff.password);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('account_locked');
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, staff.id));
    const minutes = (row!.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15.1);

    // 14 minutes later it is still locked; after the 15 it opens again.
    await t.db
      .update(accounts)
      .set({ lockedUntil: sql`now() + interval '1 minute'` })
      .where(eq(accounts.id, staff.id));
    expect((await login(staff.password)).statusCode).toBe(423);
    await t.db
      .update(accounts)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(accounts.id, staff.id));
    expect((await login(staff.password)).statusCode).toBe(200);
    // A successful sign-in clears the count: one more failure does not lock again.
    expect((await login('wrong-password')).json().code).toBe('invalid_credentials');
  });

  it('expires a session idle for more than 30 minutes with 401 session_expired', async () => {
    const { staff } = await createTenant(t.db);
    const c = await signIn(t.app, staff, 'en-US');
    await t.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '29 minutes'` })
      .where(eq(sessions.accountId, staff.id));
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    await t.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '31 minutes'` })
      .where(eq(sessions.accountId, staff.id));
    const res = await c.get('/api/v1/me');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({
      code: 'session_expired',
      title: 'Your session timed out; sign in again',
    });
    // The session is gone for good, not just refused once.
    expect((await c.get('/api/v1/me')).json().code).toBe('unauthenticated');
  });

  it('refuses a cookie-authenticated write without or with a wrong CSRF token, changing nothing', async () => {
    const { staff, body } = await createTenant(t.db);
    const c = await signIn(t.app, staff);
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: { cookie: c.cookie },
      payload: { name: '王五' },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('csrf_failed');
    const wrong = await c.post('/api/v1/people', { name: '王五' }, { 'x-csrf-token': `${c.csrf}x` });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('csrf_failed');
    const empty = await c.post('/api/v1/people', { name: '王五' }, { 'x-csrf-token': '' });
    expect(empty.statusCode).toBe(403);
    expect(await peopleOf(body.id)).toBe(0);
    // The same request with the right token goes through: the refusals were about CSRF alone.
    expect((await c.post('/api/v1/people', { name: '王五' })).statusCode).toBe(201);
    expect(await peopleOf(body.id)).toBe(1);
  });

  it('API tokens: create, use with Bearer and no CSRF, revoke → 401', async () => {
    const { staff, body } = await createTenant(t.db);
    const c = await signIn(t.app, staff);
    const created = await c.post('/api/v1/api-tokens', { name: '数据同步' });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^yt_/);
    const bearer = { authorization: `Bearer ${token}` };

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
    expect(me.statusCode).toBe(200);
    expect(me.json().account.id).toBe(staff.id);
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: bearer,
      payload: { name: '赵六' },
    });
    expect(write.statusCode).toBe(201);
    expect(await peopleOf(body.id)).toBe(1);
    // The listing never shows the secret again.
    const list = (await c.get('/api/v1/api-tokens')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([id]);
    expect(JSON.stringify(list)).not.toContain(token);

    expect((await c.delete(`/api/v1/api-tokens/${id}`)).statusCode).toBe(204);
    const revoked = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('unauthenticated');
    const garbage = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Bearer yt_not-a-token' },
    });
    expect(garbage.statusCode).toBe(401);
  });

  it('TOTP: setup, enable with a code, then login needs it: none → totp_required, wrong → totp_invalid', async () => {
    const { staff } = await createTenant(t.db);
    const c = await signIn(t.app, staff);
    const setup = await c.post('/api/v1/me/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, uri } = setup.json();
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    const bad = await c.post('/api/v1/me/totp/enable', { code: wrongCode(secret) });
    expect(bad.json().code).toBe('totp_invalid');
    const enabled = await c.post('/api/v1/me/totp/enable', { code: currentTotp(secret) });
    expect(enabled.statusCode).toBe(200);
    expect((await c.get('/api/v1/me')).json().account.totpEnabled).toBe(true);

    const fresh = new Client(t.app);
    const none = await fresh.login(staff.username, TEST_PASSWORD);
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('totp_required');
    expect(none.cookies).toHaveLength(0);
    const wrong = await fresh.login(staff.username, TEST_PASSWORD, wrongCode(secret));
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('totp_invalid');
    const right = await fresh.login(staff.username, TEST_PASSWORD, currentTotp(secret));
    expect(right.statusCode).toBe(200);
    expect((await fresh.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('a body requiring TOTP for admins withholds admin permissions until the admin enables it', async () => {
    const { admin, body } = await createTenant(t.db);
    await t.db.update(bodies).set({ requireTotpForAdmin: true }).where(eq(bodies.id, body.id));
    const c = await signIn(t.app, admin);
    const me = (await c.get('/api/v1/me')).json();
    expect(me.roles).toEqual([]);
    expect(me.permissions).not.toContain('audit.read');
    expect((await c.get('/api/v1/audit')).statusCode).toBe(403);
    expect((await c.post('/api/v1/people', { name: '钱七' })).statusCode).toBe(403);

    const { secret } = (await c.post('/api/v1/me/totp/setup')).json();
    expect((await c.post('/api/v1/me/totp/enable', { code: currentTotp(secret) })).statusCode).toBe(200);
    const now = (await c.get('/api/v1/me')).json();
    expect(now.roles).toEqual(['admin']);
    expect(now.permissions).toContain('audit.read');
    expect((await c.get('/api/v1/audit')).statusCode).toBe(200);
  });
});
