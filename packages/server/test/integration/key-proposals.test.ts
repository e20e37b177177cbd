import { validationMessage } from '@yiting/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/ids.ts';
import { type Client, signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant, createUnit, createUser } from '../helpers/factories.ts';
import { personWithAccount } from '../helpers/proposals.ts';

const msg = (code: string, locale: 'zh-CN' | 'en-US' = 'zh-CN') => validationMessage(code, locale);
const todayCst = (days = 0) =>
  new Date(Date.now() + days * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);

const proposalTransition = (c: Client, p: { id: string; version: number }, action: string, payload = {}) =>
  c.post(`/api/v1/proposals/${p.id}/transitions`, { action, payload }, { 'if-match': `"${p.version}"` });

async function proposalAct(c: Client, p: { id: string; version: number }, action: string, payload = {}) {
  const res = await proposalTransition(c, p, action, payload);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}

type Row = {
  id: string;
  title: string;
  number: string;
  stage: string;
  stepsDone: number;
  supervisorName: string;
  keyMeeting: { date: string | null; reference: string | null } | null;
  latestEvent: { action: string; actorName: string | null } | null;
  units: { unitName: string; role: string }[];
};

describe.skipIf(engineUnavailable())('key proposals (重点提案): the progress view', () => {
  const t = useTestApp();

  /** A person of the body (a leader, or a member with a sector), signed in. */
  async function signedIn(bodyId: string, name: string, role: 'leader' | 'member') {
    const p = await personWithAccount(t.db, bodyId, name, { role });
    return { personId: p.personId, c: await signIn(t.app, p.user) };
  }
  const leaderWithPerson = (bodyId: string, name: string) => signedIn(bodyId, name, 'leader');

  const progress = async (c: Client, query = '') => {
    const res = await c.get(`/api/v1/proposals/key-progress${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      sessions: { term: number; meeting: number; keyCount: number }[];
      session: { term: number; meeting: number } | null;
      supervisors: { personId: string; name: string; count: number }[];
      summary: { total: number; byStage: Record<string, number>; overdue: number; dueSoon: number };
      items: Row[];
    };
  };
  const titles = (p: { items: Row[] }) => p.items.map((i) => i.title);

  it('lists a session’s key proposals with stage, leader, meeting and latest event; by leader; within each one’s scope; as .xlsx', async () => {
    const tenant = await createTenant(t.db, { kind: 'cppcc_committee' });
    const bodyId = tenant.body.id;
    const staff = await signIn(t.app, tenant.staff);
    const noPersonLeader = await signIn(t.app, tenant.leader);
    const chair = await leaderWithPerson(bodyId, '黄主席');
    const vice = await leaderWithPerson(bodyId, '伍副主席');
    const unitA = { unit: tenant.unit, c: await signIn(t.app, tenant.liaison) };
    const unitBRow = await createUnit(t.db, bodyId, { kind: 'department' });
    const unitB = {
      unit: unitBRow,
      c: await signIn(t.app, await createUser(t.db, bodyId, ['liaison'], { unitId: unitBRow.id })),
    };
    const m1 = await signedIn(bodyId, '王委员', 'member');
    const m1c = m1.c;

    /** Drafted by the office for the member, submitted and accepted (立案). */
    const accepted = async (title: string, term: number, meeting: number) => {
      const res = await staff.post('/api/v1/proposals', {
        title,
        content: '建议加强统筹协调，明确牵头部门，加大政策支持力度，建立跟踪评估机制。',
        proposerPersonId: m1.personId,
        sessionTerm: term,
        sessionMeeting: meeting,
      });
      expect(res.statusCode, res.body).toBe(201);
      let p = await proposalAct(staff, res.json(), 'submit');
      p = await proposalAct(staff, p, 'accept');
      return p;
    };
    const meeting = { meetingDate: todayCst(), meetingRef: '十四届第21次主席会议' };

    // Session 14-3: two key proposals in two units, one not key; 14-2 has an older key one; 14-4 none yet.
    let a = await accepted('关于建设中试平台的提案', 14, 3);
    a = await proposalAct(staff, a, 'assign', { mode: 'lead', leadUnitId: unitA.unit.id });
    a = await proposalAct(staff, a, 'mark_key', {
      key: true,
      supervisorPersonId: chair.personId,
      ...meeting,
    });
    a = await proposalAct(unitA.c, a, 'receive');
    a = await proposalAct(unitA.c, a, 'record_contact', {
      method: 'visit',
      date: todayCst(),
      note: '上门走访',
    });
    let b = await accepted('关于侨乡文化街区活化的提案', 14, 3);
    b = await proposalAct(staff, b, 'mark_key', { key: true, supervisorPersonId: vice.personId, ...meeting });
    b = await proposalAct(staff, b, 'assign', {
      mode: 'lead',
      leadUnitId: unitB.unit.id,
      coUnitIds: [unitA.unit.id],
    });
    await accepted('关于社区养老的提案', 14, 3);
    const old = await accepted('关于陈皮产业的提案', 14, 2);
    await proposalAct(staff, old, 'mark_key', { key: true, supervisorPersonId: chair.personId });
    await accepted('关于新一届的提案', 14, 4);

    // The latest session with key proposals is the default; the others are offered.
    let p = await progress(staff);
    expect(p.session).toEqual({ term: 14, meeting: 3 });
    expect(p.sessions).toEqual([
      { term: 14, meeting: 4, keyCount: 0 },
      { term: 14, meeting: 3, keyCount: 2 },
      { term: 14, meeting: 2, keyCount: 1 },
    ]);
    expect(titles(p)).toEqual(['关于建设中试平台的提案', '关于侨乡文化街区活化的提案']);
    const [first, second] = p.items as [Row, Row];
    expect(first).toMatchObject({
      stage: 'reply',
      stepsDone: 3,
      supervisorName: '黄主席',
      keyMeeting: { date: todayCst(), reference: '十四届第21次主席会议' },
      latestEvent: { action: 'record_contact' },
    });
    expect(second).toMatchObject({ stage: 'contact', stepsDone: 2, latestEvent: { action: 'assign' } });
    expect(second.units.map((u) => [u.unitName, u.role])).toEqual([
      [unitB.unit.name, 'lead'],
      [unitA.unit.name, 'co'],
    ]);
    expect(p.summary).toMatchObject({ total: 2, overdue: 0, byStage: { reply: 1, contact: 1, closed: 0 } });
    expect(p.supervisors.map((s) => [s.name, s.count]).sort()).toEqual([
      ['伍副主席', 1],
      ['黄主席', 1],
    ]);
    expect(titles(await progress(staff, '?sessionTerm=14&sessionMeeting=2'))).toEqual(['关于陈皮产业的提案']);
    expect((await progress(staff, '?sessionTerm=14&sessionMeeting=4')).items).toEqual([]);
    expect((await progress(staff, '?kind=suggestion')).session).toBeNull();

    // The office's candidates to choose from: accepted, still open, not yet key.
    const listed = async (q: string) =>
      ((await staff.get(`/api/v1/proposals?${q}`)).json().items as { title: string }[]).map((i) => i.title);
    expect(await listed('accepted=true&key=false&final=false&sessionTerm=14&sessionMeeting=3')).toEqual([
      '关于社区养老的提案',
    ]);
    expect(await listed('final=true')).toEqual([]);
    expect((await staff.get('/api/v1/proposals?final=maybe')).statusCode).toBe(400);

    // By leader: the filter keeps the list of leaders; a leader's own list; no person, none of them.
    p = await progress(staff, `?supervisorPersonId=${vice.personId}`);
    expect(titles(p)).toEqual(['关于侨乡文化街区活化的提案']);
    expect(p.summary.total).toBe(1);
    expect(p.supervisors).toHaveLength(2);
    expect(titles(await progress(chair.c, '?supervisedByMe=true'))).toEqual(['关于建设中试平台的提案']);
    expect(titles(await progress(chair.c))).toHaveLength(2);
    expect((await progress(noPersonLeader, '?supervisedByMe=true')).items).toEqual([]);
    expect(titles(await progress(noPersonLeader))).toHaveLength(2);

    // A liaison sees only what is assigned to its unit (lead or co); a member only their own.
    expect(titles(await progress(unitB.c))).toEqual(['关于侨乡文化街区活化的提案']);
    expect(titles(await progress(unitA.c))).toEqual(['关于建设中试平台的提案', '关于侨乡文化街区活化的提案']);
    const other = await createUnit(t.db, bodyId, { kind: 'department' });
    const idle = await signIn(t.app, await createUser(t.db, bodyId, ['liaison'], { unitId: other.id }));
    expect(await progress(idle)).toMatchObject({ sessions: [], session: null, items: [] });
    expect(titles(await progress(m1c))).toHaveLength(2);
    // Another body's staff sees none of it.
    const stranger = await signIn(t.app, (await createTenant(t.db, { kind: 'cppcc_committee' })).staff);
    expect((await progress(stranger)).items).toEqual([]);

    // ---- the same table as .xlsx, with the same filters and scope
    const x = await staff.get('/api/v1/proposals/key-progress.xlsx?sessionTerm=14&sessionMeeting=3');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(x.headers['content-disposition']))).toContain('重点提案-14-3-');
    const sheet = async (buf: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const rows: unknown[][] = [];
      ws.eachRow((r, n) => {
        if (n >= 3) rows.push((r.values as unknown[]).slice(1));
      });
      return { name: ws.name, title: String(ws.getCell('A1').value), rows };
    };
    let s = await sheet(x.rawPayload);
    expect(s.name).toBe('重点提案');
    expect(s.title).toContain('第14届第3次会议');
    const header = s.rows[0] as string[];
    expect(header.slice(0, 6)).toEqual(['序号', '案号', '标题', '提案人', '督办领导', '主席会议']);
    const col = (name: string) => header.indexOf(name);
    expect(s.rows.slice(1).map((r) => [r[col('标题')], r[col('督办领导')], r[col('进展')]])).toEqual([
      ['关于建设中试平台的提案', '黄主席', '待答复'],
      ['关于侨乡文化街区活化的提案', '伍副主席', '待联系提案人'],
    ]);
    expect(s.rows[1]![col('已完成环节')]).toBe('立案→交办→联系提案人');
    expect(s.rows[1]![col('主席会议')]).toBe(`十四届第21次主席会议；${todayCst()}`);
    expect(String(s.rows[1]![col('最新动态')])).toContain('联系');
    s = await sheet((await unitB.c.get('/api/v1/proposals/key-progress.xlsx')).rawPayload);
    expect(s.rows.slice(1).map((r) => r[2])).toEqual(['关于侨乡文化街区活化的提案']);
    const en = await signIn(t.app, tenant.staff, 'en-US');
    s = await sheet(
      (await en.get(`/api/v1/proposals/key-progress.xlsx?supervisorPersonId=${chair.personId}`)).rawPayload,
    );
    expect(s.name).toBe('Key proposals');
    expect(s.rows[0]!.slice(0, 3)).toEqual(['No.', 'Number', 'Title']);
    expect(s.rows).toHaveLength(2);
  });

  it('refuses bad filters and bad key marks with problem+json in the user’s language, changing nothing', async () => {
    const tenant = await createTenant(t.db, { kind: 'cppcc_committee' });
    const staff = await signIn(t.app, tenant.staff);
    const en = await signIn(t.app, tenant.staff, 'en-US');
    const liaison = await signIn(t.app, tenant.liaison);
    const chair = await leaderWithPerson(tenant.body.id, '黄主席');

    for (const [query, path] of [
      ['?sessionTerm=abc&sessionMeeting=3', 'sessionTerm'],
      ['?sessionTerm=14', 'sessionMeeting'],
      ['?supervisorPersonId=nobody', 'supervisorPersonId'],
      ['?supervisedByMe=yes', 'supervisedByMe'],
      ['?kind=motion', 'kind'],
      ['?colour=red', ''],
    ] as const) {
      for (const url of ['/api/v1/proposals/key-progress', '/api/v1/proposals/key-progress.xlsx']) {
        const res = await staff.get(`${url}${query}`);
        expect(res.statusCode, `${url}${query}`).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().code).toBe('validation_failed');
        if (path) expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
      }
    }
    const incomplete = await en.get('/api/v1/proposals/key-progress?sessionMeeting=3');
    expect(incomplete.json().errors).toEqual([
      { path: 'sessionMeeting', message: msg('session_incomplete', 'en-US') },
    ]);
    // Without a session nobody reaches it.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/proposals/key-progress' })).statusCode).toBe(
      401,
    );

    // Marking: a meeting in the future, an unknown leader, no leader; a liaison may not mark at all.
    const m = await signedIn(tenant.body.id, '王委员', 'member');
    const created = await staff.post('/api/v1/proposals', {
      title: '关于建设中试平台的提案',
      content: '建议加强统筹协调，明确牵头部门，加大政策支持力度。',
      proposerPersonId: m.personId,
      sessionTerm: 14,
      sessionMeeting: 3,
    });
    let p = await proposalAct(staff, created.json(), 'submit');
    p = await proposalAct(staff, p, 'accept');
    p = await proposalAct(staff, p, 'assign', { mode: 'lead', leadUnitId: tenant.unit.id });
    let res = await proposalTransition(staff, p, 'mark_key', {
      key: true,
      supervisorPersonId: chair.personId,
      meetingDate: todayCst(2),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'payload.meetingDate', message: msg('date_in_future') }]);
    res = await proposalTransition(staff, p, 'mark_key', { key: true, supervisorPersonId: newId() });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: 'payload.supervisorPersonId', message: msg('unknown_person') },
    ]);
    res = await proposalTransition(en, p, 'mark_key', { key: true, meetingRef: '十四届第21次主席会议' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { path: 'payload.supervisorPersonId', message: msg('supervisor_required', 'en-US') },
    ]);
    res = await proposalTransition(staff, p, 'mark_key', {
      key: true,
      supervisorPersonId: chair.personId,
      meetingRef: 'x',
    });
    expect(res.statusCode).toBe(400);
    res = await proposalTransition(liaison, p, 'mark_key', { key: true, supervisorPersonId: chair.personId });
    expect(res.statusCode).toBe(403);
    expect((await staff.get(`/api/v1/proposals/${p.id}`)).json()).toMatchObject({
      version: p.version,
      key: false,
      keyMeeting: null,
    });
    expect((await progress(staff)).items).toEqual([]);

    // The leader may mark it too (a flag, not a state); then it is in the view.
    p = await proposalAct(chair.c, p, 'mark_key', { key: true, supervisorPersonId: chair.personId });
    expect(p).toMatchObject({ key: true, supervisorName: '黄主席', keyMeeting: null, state: 'assigned' });
    expect(titles(await progress(chair.c, '?supervisedByMe=true'))).toEqual(['关于建设中试平台的提案']);
  });
});
