import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { searchText } from '@yiting/domain';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../src/db/client.ts';
import { bodies, people } from '../../src/db/schema.ts';
import { newId } from '../../src/ids.ts';
import { type Client, signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant, createUnit, createUser } from '../helpers/factories.ts';

type Item = { id: string; version: number };
type Link = { path: string; query: Record<string, string> };
type Fig = { count: number; link: Link };

/** The calendar year in China now: the statistics' year. */
const yearCst = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const todayCst = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe.skipIf(engineUnavailable())('statistics of proposals and public-opinion reports', () => {
  const t = useTestApp();

  async function ok(c: Client, path: string, x: Item, action: string, payload: unknown = {}): Promise<Item> {
    const res = await c.post(
      `/api/v1/${path}/${x.id}/transitions`,
      { action, payload },
      { 'if-match': `"${x.version}"` },
    );
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json();
  }

  /** The ids a list link returns (every page). */
  async function listed(c: Client, link: Link): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const q = new URLSearchParams({ ...link.query, limit: '200', ...(cursor && { cursor }) });
      const res = await c.get(`/api/v1${link.path}?${q}`);
      expect(res.statusCode, `${link.path}?${q}: ${res.body}`).toBe(200);
      const body = res.json();
      ids.push(...body.items.map((x: { id: string }) => x.id));
      cursor = body.nextCursor;
    } while (cursor);
    return ids;
  }

  it('counts a known session exactly from the events; every figure’s link lists exactly its items; the xlsx reads back', async () => {
    const tenant = await createTenant(t.db, { kind: 'cppcc_committee' });
    const bodyId = tenant.body.id;
    const staff = await signIn(t.app, tenant.staff);
    const leader = await signIn(t.app, tenant.leader);
    const person = async (name: string) => {
      const id = newId();
      await t.db.insert(people).values({ id, bodyId, name, searchText: searchText(name) });
      return id;
    };
    const proposer = await person('王委员');
    const chair = await person('周副主席');
    const u1 = { unit: tenant.unit, c: await signIn(t.app, tenant.liaison) };
    const unitWithLiaison = async () => {
      const unit = await createUnit(t.db, bodyId, { kind: 'department' });
      return {
        unit,
        c: await signIn(t.app, await createUser(t.db, bodyId, ['liaison'], { unitId: unit.id })),
      };
    };
    const u2 = await unitWithLiaison();
    const u3 = await unitWithLiaison();

    // No rehandling round, no contact/letter/countersign requirements: the walk stays short. The reply
    // limit is set to yesterday while one proposal is assigned, so that its reply is late.
    const setConfig = (reply: { days: number } | { months: number }) =>
      t.db
        .update(bodies)
        .set({
          config: {
            proposal: {
              rehandlingRounds: 0,
              requireContactBeforeReply: false,
              requireReplyFile: false,
              requireCountersign: false,
              timeLimits: { reply },
            },
          },
        })
        .where(eq(bodies.id, bodyId));
    await setConfig({ months: 3 });

    const P = 'proposals';
    const propose = async (title: string, category: string, sector: string, extra = {}) => {
      const res = await staff.post('/api/v1/proposals', {
        title,
        content: `${title}的内容`,
        category,
        sector,
        proposerPersonId: proposer,
        sessionTerm: 14,
        sessionMeeting: 3,
        ...extra,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Item;
    };
    const submitted = async (...a: Parameters<typeof propose>) => ok(staff, P, await propose(...a), 'submit');
    /** Accept, assign to a lead unit, receive, reply with `category`, approve, rate. */
    async function handled(
      x: Item,
      lead: typeof u1,
      category: string,
      rating: string,
      co?: typeof u3,
    ): Promise<Item> {
      x = await ok(staff, P, x, 'assign', {
        mode: 'lead',
        leadUnitId: lead.unit.id,
        ...(co && { coUnitIds: [co.unit.id] }),
      });
      x = await ok(lead.c, P, x, 'receive');
      if (co) x = await ok(co.c, P, x, 'send_opinion', { opinion: '同意主办单位意见' });
      x = await ok(lead.c, P, x, 'submit_reply', { category, summary: '答复意见' });
      x = await ok(staff, P, x, 'approve_reply');
      return ok(staff, P, x, 'rate', { ratings: [{ unitId: lead.unit.id, overall: rating }] });
    }

    const p1 = await ok(staff, P, await submitted('关于中试平台建设的提案', '经济', '经济界'), 'accept');
    const p5 = await submitted('关于建设中试基地的提案', '经济', '经济界');
    await ok(staff, P, p5, 'merge', { targetId: p1.id });
    const p1Done = await handled(
      (await staff.get(`/api/v1/proposals/${p1.id}`)).json(),
      u1,
      'A',
      'satisfied',
      u3,
    );
    expect(p1Done).toMatchObject({ state: 'closed' });

    let p2 = await ok(staff, P, await submitted('关于侨务资源转化的提案', '经济', '经济界'), 'accept');
    await setConfig({ days: -1 });
    p2 = await ok(staff, P, p2, 'assign', { mode: 'lead', leadUnitId: u1.unit.id });
    await setConfig({ months: 3 });
    p2 = await ok(u1.c, P, p2, 'receive');
    p2 = await ok(u1.c, P, p2, 'submit_reply', { category: 'B', summary: '正在推进' });
    p2 = await ok(staff, P, p2, 'approve_reply');
    p2 = await ok(staff, P, p2, 'rate', {
      ratings: [{ unitId: u1.unit.id, overall: 'basically_satisfied' }],
    });
    expect(p2).toMatchObject({ state: 'following_up' });

    const p3 = await handled(
      await ok(staff, P, await submitted('关于校园安全的提案', '社会', '教育界'), 'accept'),
      u2,
      'D',
      'unsatisfied',
    );
    expect(p3).toMatchObject({ state: 'closed' });
    const p4 = await ok(staff, P, await submitted('关于本人职称的提案', '社会', '教育界'), 'reject', {
      reason: 'personal_matters',
      explanation: '涉及提案人个人事务',
    });
    let p6 = await ok(staff, P, await submitted('关于人才公寓的提案', '经济', '科技界'), 'accept');
    p6 = await ok(staff, P, p6, 'mark_key', { key: true, supervisorPersonId: chair });
    // Not counted: a draft, a suggestion, a proposal of another session (counted in the year only).
    await propose('关于草稿的提案', '经济', '经济界');
    await submitted('关于电梯加装的建议', '经济', '经济界', { kind: 'suggestion' });
    const other = await ok(
      staff,
      P,
      await submitted('关于上次会议的提案', '经济', '经济界', { sessionMeeting: 2 }),
      'accept',
    );

    // ---- public-opinion reports
    const R = 'opinion-reports';
    const report = async (title: string) => {
      const res = await staff.post('/api/v1/opinion-reports', {
        title,
        content: `${title}的内容，篇幅适中。`,
        proposerPersonId: proposer,
      });
      expect(res.statusCode, res.body).toBe(201);
      return ok(staff, R, res.json(), 'submit');
    };
    const forwarded = async (title: string) => {
      let r = await ok(staff, R, await report(title), 'edit', { content: `${title}，编辑后的内容。` });
      r = await ok(leader, R, r, 'approve');
      return ok(staff, R, r, 'forward', { level: 'own_body', bulletin: '社情民意', number: '第1期' });
    };
    const instruct = (r: Item, leaderLevel: string) =>
      ok(staff, R, r, 'record_instruction', {
        leaderName: '陈领导',
        leaderLevel,
        text: '请研究落实',
        date: todayCst(),
      });
    let r1 = await forwarded('关于老年人数字鸿沟的信息');
    r1 = await ok(staff, R, r1, 'record_adoption', { level: 'own_body' });
    r1 = await ok(staff, R, r1, 'record_adoption', { level: 'party_government' });
    r1 = await instruct(r1, 'city');
    r1 = await instruct(r1, 'provincial');
    let r2 = await forwarded('关于陈皮产业链的信息');
    r2 = await ok(staff, R, r2, 'record_adoption', { level: 'own_body' });
    r2 = await instruct(r2, 'city');
    const r3 = await ok(staff, R, await report('关于停车难的信息'), 'decline', { reason: '内容已有反映' });
    await staff.post('/api/v1/opinion-reports', {
      title: '草稿信息',
      content: '未报送的草稿',
      proposerPersonId: proposer,
    });

    // ---- the figures
    const year = yearCst();
    const res = await leader.get(`/api/v1/statistics?year=${year}&sessionTerm=14&sessionMeeting=3`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    const p = s.proposals;
    const counts = (figs: Record<string, Fig>) =>
      Object.fromEntries(Object.entries(figs).map(([k, f]) => [k, f.count]));
    expect(s).toMatchObject({ bodyId, year, sessionTerm: 14, sessionMeeting: 3 });
    expect(
      counts({
        received: p.received,
        accepted: p.accepted,
        rejected: p.rejected,
        converted: p.converted,
        merged: p.merged,
        withdrawn: p.withdrawn,
        key: p.key,
      }),
    ).toEqual({ received: 6, accepted: 4, rejected: 1, converted: 0, merged: 1, withdrawn: 0, key: 1 });
    expect(p.acceptanceRate).toBe(0.667);
    const table = (rows: { key: string; received: Fig; accepted: Fig; acceptanceRate: number }[]) =>
      rows.map((b) => [b.key, b.received.count, b.accepted.count, b.acceptanceRate]);
    expect(table(p.byCategory)).toEqual([
      ['经济', 4, 3, 0.75],
      ['社会', 2, 1, 0.5],
    ]);
    expect(table(p.bySector)).toEqual([
      ['经济界', 3, 2, 0.667],
      ['教育界', 2, 1, 0.5],
      ['科技界', 1, 1, 1],
    ]);
    expect(table(p.bySubmitterKind)).toEqual([['individual', 6, 4, 0.667]]);
    expect(counts(p.replies)).toMatchObject({ replied: 3, onTime: 2, late: 1 });
    expect(p.replies.onTimeRate).toBe(0.667);
    expect(counts(p.ratings)).toMatchObject({ rated: 3, satisfied: 2, unsatisfied: 1 });
    expect(p.ratings.satisfactionRate).toBe(0.667);
    expect(
      p.resultCategories.map((c: { category: string; count: Fig; share: number }) => [
        c.category,
        c.count.count,
        c.share,
      ]),
    ).toEqual([
      ['A', 1, 0.333],
      ['B', 1, 0.333],
      ['D', 1, 0.333],
    ]);
    expect(p.unitCount).toBe(3);
    type U = {
      unitId: string;
      assigned: Fig;
      replied: Fig;
      repliedOnTime: Fig;
      repliedLate: Fig;
      rated: Fig;
      satisfied: Fig;
      onTimeRate: number | null;
      satisfactionRate: number | null;
    };
    const unitRow = (u: U) => [
      u.unitId,
      u.assigned.count,
      u.replied.count,
      u.repliedOnTime.count,
      u.repliedLate.count,
      u.rated.count,
      u.satisfied.count,
      u.onTimeRate,
      u.satisfactionRate,
    ];
    expect(p.units.map(unitRow)).toEqual(
      expect.arrayContaining([
        [u1.unit.id, 2, 2, 1, 1, 2, 2, 0.5, 1],
        [u2.unit.id, 1, 1, 1, 0, 1, 0, 1, 0],
        [u3.unit.id, 1, 0, 0, 0, 0, 0, null, null],
      ]),
    );
    expect(p.units[0].unitId).toBe(u1.unit.id);

    const rs = s.reports;
    expect(
      counts({
        submitted: rs.submitted,
        adopted: rs.adopted,
        declined: rs.declined,
        instructed: rs.instructed,
        instructions: rs.instructions,
      }),
    ).toEqual({ submitted: 3, adopted: 2, declined: 1, instructed: 2, instructions: 3 });
    expect(rs.adoptedByLevel.map((a: { level: string; count: Fig }) => [a.level, a.count.count])).toEqual([
      ['own_body', 2],
      ['party_government', 1],
    ]);
    expect(
      rs.instructionsByLevel.map((a: { level: string; instructions: Fig; reports: number }) => [
        a.level,
        a.instructions.count,
        a.reports,
      ]),
    ).toEqual([
      ['provincial', 1, 1],
      ['city', 2, 2],
    ]);

    // ---- every figure's link lists exactly the items it counts (one replying unit per item here, so
    // counts of replies equal counts of items).
    const expectLink = async (f: Fig, ids: string[]) =>
      expect((await listed(staff, f.link)).sort(), JSON.stringify(f.link)).toEqual([...ids].sort());
    await expectLink(p.received, [p1.id, p5.id, p2.id, p3.id, p4.id, p6.id]);
    await expectLink(p.accepted, [p1.id, p2.id, p3.id, p6.id]);
    await expectLink(p.rejected, [p4.id]);
    await expectLink(p.merged, [p5.id]);
    await expectLink(p.converted, []);
    await expectLink(p.key, [p6.id]);
    await expectLink(p.byCategory[0].received, [p1.id, p5.id, p2.id, p6.id]);
    await expectLink(p.byCategory[0].accepted, [p1.id, p2.id, p6.id]);
    await expectLink(p.bySector[2].accepted, [p6.id]);
    await expectLink(p.replies.replied, [p1.id, p2.id, p3.id]);
    await expectLink(p.replies.onTime, [p1.id, p3.id]);
    await expectLink(p.replies.late, [p2.id]);
    await expectLink(p.ratings.rated, [p1.id, p2.id, p3.id]);
    await expectLink(p.ratings.satisfied, [p1.id, p2.id]);
    await expectLink(p.ratings.unsatisfied, [p3.id]);
    await expectLink(p.resultCategories[2].count, [p3.id]);
    const byUnit = new Map<string, U>(p.units.map((u: U) => [u.unitId, u]));
    const unit1 = byUnit.get(u1.unit.id)!;
    await expectLink(unit1.assigned, [p1.id, p2.id]);
    await expectLink(unit1.repliedOnTime, [p1.id]);
    await expectLink(unit1.repliedLate, [p2.id]);
    await expectLink(unit1.satisfied, [p1.id, p2.id]);
    await expectLink(byUnit.get(u2.unit.id)!.rated, [p3.id]);
    await expectLink(byUnit.get(u3.unit.id)!.assigned, [p1.id]);
    await expectLink(byUnit.get(u3.unit.id)!.replied, []);
    for (const f of [rs.submitted, rs.adopted, rs.declined, rs.instructed])
      expect((await listed(staff, f.link)).length).toBe(f.count);
    await expectLink(rs.adopted, [r1.id, r2.id]);
    await expectLink(rs.declined, [r3.id]);
    await expectLink(rs.adoptedByLevel[1].count, [r1.id]);
    await expectLink(rs.instructionsByLevel[0].instructions, [r1.id]);
    await expectLink(rs.instructionsByLevel[1].instructions, [r1.id, r2.id]);

    // ---- other scopes: the year alone takes in the other session; another year counts nothing.
    const yearOnly = (await staff.get(`/api/v1/statistics?year=${year}`)).json();
    expect(yearOnly.proposals.received.count).toBe(7);
    await expectLink(yearOnly.proposals.accepted, [p1.id, p2.id, p3.id, p6.id, other.id]);
    const suggestions = (await staff.get(`/api/v1/statistics?year=${year}&kind=suggestion`)).json();
    expect(suggestions.proposals.received.count).toBe(1);
    const before = (await staff.get(`/api/v1/statistics?year=${year - 1}`)).json();
    expect([before.proposals.received.count, before.reports.submitted.count]).toEqual([0, 0]);
    expect((await listed(staff, before.proposals.received.link)).length).toBe(0);

    // ---- the same tables as an .xlsx
    const x = await leader.get(`/api/v1/statistics.xlsx?year=${year}&sessionTerm=14&sessionMeeting=3`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '概况',
      '按类别',
      '按界别',
      '按提交方式',
      '承办单位',
      '答复类别',
      '社情民意采用',
      '领导批示',
    ]);
    const values = (name: string) =>
      wb
        .getWorksheet(name)!
        .getSheetValues()
        .slice(3)
        .map((r) => (r as unknown[]).slice(1));
    const summary = new Map(values('概况').map((r) => [r[0], r[2]]));
    expect(summary.get('收到提案')).toBe(6);
    expect(summary.get('立案')).toBe(4);
    expect(summary.get('立案率（%）')).toBe(66.7);
    expect(summary.get('按时答复（件次）')).toBe(2);
    expect(summary.get('满意率（%）')).toBe(66.7);
    expect(summary.get('采用社情民意信息')).toBe(2);
    expect(summary.get('领导批示（次）')).toBe(3);
    expect(values('按类别')).toEqual([
      ['经济', 4, 3, 75],
      ['社会', 2, 1, 50],
    ]);
    expect(values('承办单位')).toContainEqual([u1.unit.name, 2, 2, 1, 1, 50, 2, 2, 100]);
    expect(values('领导批示')).toEqual([
      ['省级领导', 1, 1],
      ['市级领导', 2, 2],
    ]);

    // ---- the scopes the page offers: years and sessions with received items, the current session.
    const scopes = await leader.get('/api/v1/statistics/scopes');
    expect(scopes.statusCode, scopes.body).toBe(200);
    expect(scopes.json()).toEqual({
      years: [year],
      sessions: [
        { term: 14, meeting: 3 },
        { term: 14, meeting: 2 },
      ],
      currentSession: null,
    });
    await t.db
      .update(bodies)
      .set({ config: { proposalSession: { term: 14, meeting: 4 } } })
      .where(eq(bodies.id, bodyId));
    expect((await leader.get('/api/v1/statistics/scopes?kind=suggestion')).json()).toEqual({
      years: [year],
      sessions: [{ term: 14, meeting: 3 }],
      currentSession: { term: 14, meeting: 4 },
    });

    // ---- the facts the figures read (kept by a trigger as each event is written) are the ones migration
    // 0007 derives from the whole timeline (with 0008's function): rebuilt that way, they and the figures
    // stay the same.
    const facts = async () =>
      (
        (await t.db.execute(sql`select 'item' as t, item_id, null::uuid as unit_id, body_id, received_at, accepted,
            submitted_at, null::timestamptz as replied_at, null::int as rating_seq, null::text[] as ratings from item_facts
          union all select 'unit', item_id, unit_id, body_id, null, null, null, replied_at, rating_seq, ratings
          from item_unit_facts order by 1, 2, 3`)) as unknown as { rows: unknown[] }
      ).rows;
    const kept = await facts();
    expect(kept.length).toBeGreaterThan(0);
    const backfill = readFileSync(join(MIGRATIONS_FOLDER, '0007_item_facts.sql'), 'utf8')
      .split('--> statement-breakpoint')
      .at(-1)!;
    expect(backfill).toContain('item_facts_note');
    await t.db.execute(sql`delete from item_facts`);
    await t.db.execute(sql`delete from item_unit_facts`);
    await t.db.execute(sql.raw(backfill));
    expect(await facts()).toEqual(kept);
    expect(
      (await leader.get(`/api/v1/statistics?year=${year}&sessionTerm=14&sessionMeeting=3`)).json(),
    ).toEqual(s);

    // ---- who may read it; bad input changes nothing and says why.
    const member = await signIn(t.app, tenant.deputy);
    expect((await member.get('/api/v1/statistics')).statusCode).toBe(403);
    expect((await member.get('/api/v1/statistics/scopes')).statusCode).toBe(403);
    expect((await u1.c.get('/api/v1/statistics.xlsx')).statusCode).toBe(403);
    const bad = await staff.get('/api/v1/statistics?year=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
    expect((await staff.get('/api/v1/proposals?reply=soon')).statusCode).toBe(400);
    // Another body's statistics do not see these items.
    const stranger = await createTenant(t.db, { kind: 'cppcc_committee' });
    const theirs = (
      await (await signIn(t.app, stranger.staff)).get(`/api/v1/statistics?year=${year}`)
    ).json();
    expect([theirs.proposals.received.count, theirs.reports.submitted.count]).toEqual([0, 0]);
    expect(
      (await (await signIn(t.app, stranger.staff)).get('/api/v1/statistics/scopes')).json(),
    ).toMatchObject({ years: [], sessions: [] });
  });
});
