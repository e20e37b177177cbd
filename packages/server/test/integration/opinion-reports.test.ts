import { validationMessage } from '@yiting/domain';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { auditLog } from '../../src/db/schema.ts';
import { type Client, signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant } from '../helpers/factories.ts';
import { personWithAccount } from '../helpers/proposals.ts';

const msg = (code: string) => validationMessage(code, 'zh-CN');
const todayCst = (days = 0) =>
  new Date(Date.now() + days * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);

/** Han text of exactly n characters (whitespace is not counted, so some is mixed in). */
const text = (n: number) => `${'社情民意'.repeat(Math.ceil(n / 4)).slice(0, n - 1)} 。`;

const member = (db: Db, bodyId: string, name: string) => personWithAccount(db, bodyId, name, { role: null });

describe.skipIf(engineUnavailable())('public-opinion reports through the HTTP API', () => {
  const t = useTestApp();

  const act = (c: Client, id: string, version: number, action: string, payload: unknown = {}) =>
    c.post(`/api/v1/opinion-reports/${id}/transitions`, { action, payload }, { 'if-match': `"${version}"` });
  async function ok(c: Client, r: { id: string; version: number }, action: string, payload: unknown = {}) {
    const res = await act(c, r.id, r.version, action, payload);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json();
  }

  it('submits within the length limit, edits, approves, forwards to two levels, records adoption, two instructions and their follow-up, and archives', async () => {
    const tenant = await createTenant(t.db, { kind: 'cppcc_committee' });
    const staff = await signIn(t.app, tenant.staff);
    const leader = await signIn(t.app, tenant.leader);
    const liaison = await signIn(t.app, tenant.liaison);
    const author = await member(t.db, tenant.body.id, '郑委员');
    const m = await signIn(t.app, author.user);
    const other = await signIn(t.app, (await member(t.db, tenant.body.id, '冯委员')).user);

    // A draft may be long; submitting it is refused by the body's limit (1,500 characters by default).
    let res = await m.post('/api/v1/opinion-reports', {
      title: '关于老年人数字鸿沟问题的建议',
      content: text(1600),
      category: '社会',
    });
    expect(res.statusCode).toBe(201);
    let r = res.json();
    expect(r).toMatchObject({
      state: 'draft',
      charCount: 1600,
      maxChars: 1500,
      submitterKind: 'member',
      proposerName: '郑委员',
      actions: ['submit'],
    });
    res = await act(m, r.id, r.version, 'submit');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'rule_failed',
      errors: [{ path: 'payload.content', message: msg('report_too_long') }],
    });
    expect((await m.get(`/api/v1/opinion-reports/${r.id}`)).json().version).toBe(1);

    // Who sees it: the author and the office; not another member; liaisons have no access at all.
    expect((await other.get(`/api/v1/opinion-reports/${r.id}`)).statusCode).toBe(404);
    expect((await liaison.get('/api/v1/opinion-reports')).statusCode).toBe(403);
    expect(
      (await liaison.post('/api/v1/opinion-reports', { title: '标题', content: '内容' })).statusCode,
    ).toBe(403);

    res = await m.patch(`/api/v1/opinion-reports/${r.id}`, { content: text(1500) }, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(200);
    r = res.json();
    expect(r).toMatchObject({ version: 2, charCount: 1500 });
    r = await ok(m, r, 'submit');
    expect(r.state).toBe('submitted');
    res = await m.patch(
      `/api/v1/opinion-reports/${r.id}`,
      { title: '提交后再改' },
      { 'if-match': `"${r.version}"` },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('invalid_state');
    res = await act(m, r.id, r.version, 'edit', { content: '作者不能编辑' });
    expect(res.statusCode).toBe(403);

    // The office edits lightly; the edited text keeps to the limit.
    res = await act(staff, r.id, r.version, 'edit', { content: text(1501) });
    expect(res.json().errors).toEqual([{ path: 'payload.content', message: msg('report_too_long') }]);
    const edited = `近年来，老年人在使用智能手机和线上服务时面临诸多困难。${text(300)}`;
    r = await ok(staff, r, 'edit', { content: edited, note: '压缩篇幅' });
    expect(r).toMatchObject({ state: 'edited', content: edited, charCount: 327 });
    res = await act(staff, r.id, r.version - 1, 'approve');
    expect(res.statusCode).toBe(409);

    // 签批 is the leader's.
    res = await act(staff, r.id, r.version, 'approve');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('transition_not_allowed');
    r = await ok(leader, r, 'approve', { comment: '同意报送' });
    expect(r.state).toBe('approved');

    // Forwarded to two levels, once each.
    r = await ok(staff, r, 'forward', {
      level: 'higher_cppcc',
      bulletin: '社情民意',
      number: '2025年第12期',
    });
    expect(r.state).toBe('forwarded');
    r = await ok(staff, r, 'forward', { level: 'party_government', bulletin: '政协信息', number: '第30期' });
    res = await act(staff, r.id, r.version, 'forward', {
      level: 'higher_cppcc',
      bulletin: '社情民意',
      number: '13',
    });
    expect(res.json().errors).toEqual([{ path: 'payload.level', message: msg('already_forwarded') }]);
    res = await act(staff, r.id, r.version, 'forward', { level: 'mars', bulletin: '社情民意', number: '13' });
    expect(res.statusCode).toBe(400);
    expect(r.forwards.map((f: { level: string }) => f.level)).toEqual(['higher_cppcc', 'party_government']);

    r = await ok(staff, r, 'record_adoption', { level: 'higher_cppcc' });
    expect(r.adoptionLevels).toEqual(['higher_cppcc']);
    res = await act(staff, r.id, r.version, 'record_adoption', { level: 'higher_cppcc' });
    expect(res.json().errors).toEqual([{ path: 'payload.level', message: msg('already_adopted') }]);

    // Two leaders' instructions; each needs its follow-up before the report is archived.
    res = await act(staff, r.id, r.version, 'record_instruction', {
      leaderName: '陈市长',
      leaderLevel: 'city',
      text: '请民政局研究落实',
      date: todayCst(3),
    });
    expect(res.json().errors).toEqual([{ path: 'payload.date', message: msg('date_in_future') }]);
    r = await ok(staff, r, 'record_instruction', {
      leaderName: '陈市长',
      leaderLevel: 'city',
      text: '请民政局研究落实',
      date: todayCst(),
    });
    expect(r.state).toBe('instructed');
    r = await ok(staff, r, 'record_instruction', {
      leaderName: '林副省长',
      leaderLevel: 'provincial',
      text: '请省民政厅关注',
      date: todayCst(),
    });
    expect(r).toMatchObject({ state: 'instructed', instructionCount: 2 });
    res = await act(staff, r.id, r.version, 'archive');
    expect(res.json().errors).toEqual([{ path: 'payload', message: msg('feedback_missing') }]);
    res = await act(staff, r.id, r.version, 'record_feedback', { instruction: 5, text: '无此批示' });
    expect(res.json().errors).toEqual([{ path: 'payload.instruction', message: msg('unknown_instruction') }]);
    r = await ok(staff, r, 'record_feedback', { instruction: 0, text: '民政局已开设老年人服务专窗' });
    res = await act(staff, r.id, r.version, 'archive');
    expect(res.statusCode).toBe(422);
    r = await ok(staff, r, 'record_feedback', { instruction: 1, text: '省民政厅已纳入年度工作' });
    r = await ok(staff, r, 'archive');
    expect(r).toMatchObject({ state: 'archived', actions: ['record_adoption', 'record_instruction'] });
    expect(r.archivedAt).not.toBeNull();

    // Lists filter on what statistics count: adoption by level, instructions.
    const draft = (
      await m.post('/api/v1/opinion-reports', { title: '关于校园周边交通安全的建议', content: text(200) })
    ).json();
    const ids = async (c: Client, q = '') =>
      (await c.get(`/api/v1/opinion-reports${q}`)).json().items.map((x: { id: string }) => x.id);
    expect(await ids(staff, '?adoptedLevel=higher_cppcc')).toEqual([r.id]);
    expect(await ids(staff, '?adoptedLevel=national')).toEqual([]);
    expect(await ids(staff, '?instructed=true')).toEqual([r.id]);
    expect(await ids(staff, '?instructed=false')).toEqual([draft.id]);
    expect(await ids(staff, '?state=archived&category=%E7%A4%BE%E4%BC%9A')).toEqual([r.id]);
    expect(await ids(m)).toEqual([draft.id, r.id]);
    expect(await ids(other)).toEqual([]);
    expect(await ids(leader)).toHaveLength(2);

    const events = (await m.get(`/api/v1/opinion-reports/${r.id}/events`)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'edit',
      'submit',
      'edit',
      'approve',
      'forward',
      'forward',
      'record_adoption',
      'record_instruction',
      'record_instruction',
      'record_feedback',
      'record_feedback',
      'archive',
    ]);
    const kinds = (await m.get('/api/v1/notifications')).json().items.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['opinion_report.record_adoption', 'opinion_report.record_instruction']),
    );
    const audited = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.bodyId, tenant.body.id), eq(auditLog.targetId, r.id)));
    expect(audited).toHaveLength(events.length);
  });

  it('lets the office enter an organisation’s report and decline it', async () => {
    const tenant = await createTenant(t.db, { kind: 'cppcc_committee' });
    const staff = await signIn(t.app, tenant.staff);
    let res = await staff.post('/api/v1/opinion-reports', {
      title: '关于界别调研情况的报告',
      content: text(100),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'proposerPersonId', message: msg('required') }]);
    res = await staff.post('/api/v1/opinion-reports', {
      title: '关于界别调研情况的报告',
      content: text(100),
      submitterKind: 'sector',
    });
    expect(res.json().errors).toEqual([{ path: 'submitterName', message: msg('required') }]);
    res = await staff.post('/api/v1/opinion-reports', {
      title: '关于界别调研情况的报告',
      content: text(100),
      submitterKind: 'sector',
      submitterName: '经济界别',
      sector: '经济界',
    });
    expect(res.statusCode).toBe(201);
    let r = res.json();
    r = await ok(staff, r, 'submit');
    r = await ok(staff, r, 'decline', { reason: '内容与已报送信息重复' });
    expect(r).toMatchObject({ state: 'declined', declineReason: '内容与已报送信息重复', actions: [] });
    expect((await staff.get('/api/v1/opinion-reports?submitterKind=sector')).json().items).toHaveLength(1);
  });
});
