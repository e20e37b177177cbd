import { and, asc, count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit.ts';
import { auditLog, people } from '../../src/db/schema.ts';
import { type Client, signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant } from '../helpers/factories.ts';

/** Today's date in China, as the audit filters read `from`/`to`. */
const chinaDay = (offsetDays = 0) =>
  new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(engineUnavailable())('audit', () => {
  const t = useTestApp();

  const entries = (bodyId: string) =>
    t.db.select().from(auditLog).where(eq(auditLog.bodyId, bodyId)).orderBy(asc(auditLog.seq));

  /** A tenant whose chain holds a handful of entries made through the API. */
  async function withChain() {
    const tenant = await createTenant(t.db);
    // createTenant's accounts are already on the chain (account.create, by the system).
    const base = (await entries(tenant.body.id)).length;
    const c = await signIn(t.app, tenant.admin);
    const ids: string[] = [];
    for (const name of ['甲', '乙', '丙']) ids.push((await c.post('/api/v1/people', { name })).json().id);
    await c.patch(`/api/v1/people/${ids[0]}`, { position: '主任' }, { 'if-match': '"1"' });
    await c.post('/api/v1/doc-numbers', { prefix: '人大', year: 2025 });
    return { ...tenant, c, ids, base };
  }

  it('every write appends an entry with actor, time, action, target and before/after', async () => {
    const { body, admin, c, base } = await withChain();
    expect(base).toBeGreaterThan(0);
    const unit = (await c.post('/api/v1/units', { name: '办公室', kind: 'office' })).json();
    await c.patch(`/api/v1/units/${unit.id}`, { phone: '0750-1234567' }, { 'if-match': '"1"' });
    const token = (await c.post('/api/v1/api-tokens', { name: '对接' })).json();
    await c.delete(`/api/v1/api-tokens/${token.id}`);
    const victim = (await c.post('/api/v1/people', { name: '丁' })).json();
    await c.delete(`/api/v1/people/${victim.id}`, { 'if-match': '"1"' });

    const all = await entries(body.id);
    expect(all.slice(0, base).every((r) => r.action === 'account.create' && r.actorId === null)).toBe(true);
    const rows = all.slice(base);
    const started = Date.now() - 60_000;
    const byAction = (action: string) => rows.filter((r) => r.action === action && r.outcome === 'success');
    expect(byAction('auth.login')).toHaveLength(1);
    expect(byAction('person.create')).toHaveLength(4);
    for (const r of rows) {
      expect(r.actorId).toBe(admin.id);
      expect(r.actorName).toBe(admin.displayName);
      expect(r.at.getTime()).toBeGreaterThan(started);
      expect(r.targetType).toBeTruthy();
    }
    const update = byAction('person.update')[0]!;
    expect(update.targetType).toBe('person');
    expect(update.before).toMatchObject({ name: '甲', position: null, version: 1 });
    expect(update.after).toMatchObject({ name: '甲', position: '主任', version: 2 });
    const unitUpdate = byAction('unit.update')[0]!;
    expect(unitUpdate).toMatchObject({ targetType: 'unit', targetId: unit.id });
    expect(unitUpdate.before).toMatchObject({ phone: null });
    expect(unitUpdate.after).toMatchObject({ phone: '0750-1234567' });
    expect(byAction('unit.create')[0]!.after).toMatchObject({ name: '办公室' });
    expect(byAction('api_token.create')[0]).toMatchObject({ targetId: token.id, after: { name: '对接' } });
    expect(byAction('api_token.revoke')[0]).toMatchObject({ targetId: token.id });
    expect(byAction('docnumber.allocate')[0]).toMatchObject({
      targetType: 'doc_number',
      targetId: '人大〔2025〕1号',
      after: { prefix: '人大', year: 2025, seq: 1 },
    });
    const deleted = byAction('person.delete')[0]!;
    expect(deleted).toMatchObject({ targetId: victim.id, before: { name: '丁' }, after: null });
    // The API token secret is never written into the audit trail.
    expect(JSON.stringify(rows)).not.toContain(token.token);
    expect(all.map((r) => r.seq)).toEqual(all.map((_, i) => i + 1));
    expect((await verifyAuditChain(t.db, body.id)).ok).toBe(true);
  });

  it('records a failed login and leaves no entry for a refused write', async () => {
    const { body, admin, c } = await withChain();
    const n = (await entries(body.id)).length;
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: admin.username, password: 'wrong' },
    });
    const after = await entries(body.id);
    expect(after).toHaveLength(n + 1);
    expect(after.at(-1)).toMatchObject({
      action: 'auth.login',
      outcome: 'failure',
      after: { reason: 'password' },
    });
    // Refused writes (conflict, validation, missing record) append nothing.
    const [first] = (await c.get('/api/v1/people')).json().items;
    expect(
      (await c.patch(`/api/v1/people/${first.id}`, { notes: 'x' }, { 'if-match': '"9"' })).statusCode,
    ).toBe(409);
    expect((await c.post('/api/v1/people', { name: '1' })).statusCode).toBe(400);
    expect((await entries(body.id)).length).toBe(n + 1);
  });

  it('appends in the same transaction as the write: when the append fails, the write is rolled back', async () => {
    const { body, c } = await withChain();
    const rows = await entries(body.id);
    const last = rows.at(-1)!;
    // Squat the next sequence number, so the next append hits the unique (body_id, seq) index.
    await t.db
      .insert(auditLog)
      .values({ ...last, id: undefined, seq: last.seq + 1 } as typeof auditLog.$inferInsert);
    const peopleBefore = (
      await t.db.select({ n: count() }).from(people).where(eq(people.bodyId, body.id))
    )[0]!.n;
    const res = await c.post('/api/v1/people', { name: '不应留下' });
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('internal');
    const peopleAfter = (await t.db.select({ n: count() }).from(people).where(eq(people.bodyId, body.id)))[0]!
      .n;
    expect(peopleAfter).toBe(peopleBefore);
  });

  it('verifyAuditChain: OK on a fresh chain; names an altered entry (hash_mismatch)', async () => {
    const { body, base } = await withChain();
    const ok = await verifyAuditChain(t.db, body.id);
    expect(ok).toMatchObject({ ok: true, entries: base + 6 });
    // The third entry made through the API: the creation of 乙.
    const target = (await entries(body.id))[base + 2]!;
    await t.db.execute(
      sql`update audit_log set after = jsonb_set(after, '{name}', '"篡改"') where id = ${target.id}`,
    );
    const bad = await verifyAuditChain(t.db, body.id);
    expect(bad).toMatchObject({
      ok: false,
      broken: { seq: base + 3, id: target.id, reason: 'hash_mismatch' },
    });
  });

  it('verifyAuditChain names a deleted middle entry (missing) and detects a deleted last entry', async () => {
    const middle = await withChain();
    const seq = middle.base + 3;
    await t.db.delete(auditLog).where(and(eq(auditLog.bodyId, middle.body.id), eq(auditLog.seq, seq)));
    expect(await verifyAuditChain(t.db, middle.body.id)).toMatchObject({
      ok: false,
      broken: { seq, reason: 'missing' },
    });

    const tail = await withChain();
    const rows = await entries(tail.body.id);
    await t.db.delete(auditLog).where(eq(auditLog.id, rows.at(-1)!.id));
    expect(await verifyAuditChain(t.db, tail.body.id)).toMatchObject({
      ok: false,
      broken: { seq: rows.length, reason: 'missing' },
    });

    // Rewriting an entry together with its own hash still breaks the link to the next one.
    const rehash = await withChain();
    const r2 = (await entries(rehash.body.id))[rehash.base + 1]!;
    await t.db.execute(sql`update audit_log set hash = ${'f'.repeat(64)} where id = ${r2.id}`);
    const res = await verifyAuditChain(t.db, rehash.body.id);
    expect(res.ok).toBe(false);
    expect(res.broken?.seq).toBe(rehash.base + 2);
  });

  it('GET /api/v1/audit lists and filters entries by action, targetType, from/to, with cursor pages', async () => {
    const { c, ids, base } = await withChain();
    const list = async (client: Client, query: string) => {
      const res = await client.get(`/api/v1/audit${query}`);
      expect(res.statusCode).toBe(200);
      return res.json() as {
        items: { seq: number; action: string; targetType: string }[];
        nextCursor: string | null;
      };
    };
    const all = await list(c, '');
    expect(all.items.map((e) => e.seq)).toEqual(Array.from({ length: base + 6 }, (_, i) => base + 6 - i));
    expect((await list(c, '?action=person.create')).items.map((e) => e.action)).toEqual(
      Array(3).fill('person.create'),
    );
    expect((await list(c, '?targetType=doc_number')).items).toHaveLength(1);
    expect((await list(c, `?q=${ids[0]}`)).items.map((e) => e.action)).toEqual([
      'person.update',
      'person.create',
    ]);
    expect((await list(c, `?from=${chinaDay()}&to=${chinaDay()}`)).items).toHaveLength(base + 6);
    expect((await list(c, `?from=${chinaDay(1)}`)).items).toHaveLength(0);
    expect((await list(c, `?to=${chinaDay(-1)}`)).items).toHaveLength(0);

    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p = await list(c, `?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(p.items.length).toBeLessThanOrEqual(4);
      seen.push(...p.items.map((e) => e.seq));
      cursor = p.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil((base + 6) / 4));
    expect(seen).toEqual(all.items.map((e) => e.seq));
  });
});
