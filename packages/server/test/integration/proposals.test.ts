import { validationMessage } from '@yiting/domain';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, bodies, itemSigners } from '../../src/db/schema.ts';
import { newId } from '../../src/ids.ts';
import { type Client, signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant, createUnit, createUser } from '../helpers/factories.ts';
import { member } from '../helpers/proposals.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const msg = (code: string) => validationMessage(code, 'zh-CN');

/** Today in China, the calendar proposals count in. */
function todayCst(days = 0) {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
}

function multipart(name: string, content: Buffer) {
  const boundary = '----yiting-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.skipIf(engineUnavailable())('proposals through the HTTP API', () => {
  const t = useTestApp();

  const act = (c: Client, id: string, version: number, action: string, payload: unknown = {}) =>
    c.post(`/api/v1/proposals/${id}/transitions`, { action, payload }, { 'if-match': `"${version}"` });

  /** Fires and expects success; returns the proposal. */
  async function ok(c: Client, p: { id: string; version: number }, action: string, payload: unknown = {}) {
    const res = await act(c, p.id, p.version, action, payload);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json();
  }

  async function setup() {
    const tenant = await createTenant(t.db, { kind: 'cppcc_committee' });
    const staff = await signIn(t.app, tenant.staff);
    const leader = await signIn(t.app, tenant.leader);
    const [p, c1, c2, m3, p2] = [
      await member(t.db, tenant.body.id, '王提案'),
      await member(t.db, tenant.body.id, '李附议'),
      await member(t.db, tenant.body.id, '赵未确认'),
      await member(t.db, tenant.body.id, '钱另案', '教育界'),
      await member(t.db, tenant.body.id, '孙个人', '科技界'),
    ];
    const lead = { unit: tenant.unit, c: await signIn(t.app, tenant.liaison) };
    const coUnit = await createUnit(t.db, tenant.body.id, { kind: 'department' });
    const wrongUnit = await createUnit(t.db, tenant.body.id, { kind: 'department' });
    const liaisonOf = async (unitId: string) =>
      signIn(t.app, await createUser(t.db, tenant.body.id, ['liaison'], { unitId }));
    return {
      tenant,
      staff,
      leader,
      p: { ...p, c: await signIn(t.app, p.user) },
      c1: { ...c1, c: await signIn(t.app, c1.user) },
      c2: { ...c2, c: await signIn(t.app, c2.user) },
      m3: { ...m3, c: await signIn(t.app, m3.user) },
      p2: { ...p2, c: await signIn(t.app, p2.user) },
      lead,
      co: { unit: coUnit, c: await liaisonOf(coUnit.id) },
      wrong: { unit: wrongUnit, c: await liaisonOf(wrongUnit.id) },
    };
  }

  const draft = (extra: Record<string, unknown> = {}) => ({
    title: '关于加快中试平台建设的提案',
    content: '建议整合高校和企业资源，建设概念验证与中试平台，提高科技成果转化效率。',
    category: '经济',
    sessionTerm: 14,
    sessionMeeting: 3,
    ...extra,
  });

  it('takes a joint proposal from co-signing through review, merge, assignment, objection, two replies and rating to closed', async () => {
    const s = await setup();
    const { staff, p, c1, c2, m3, p2, lead, co, wrong } = s;

    // ---- creation: a member submits for themselves only; the office names the proposer.
    let res = await p.c.post('/api/v1/proposals', draft({ proposerPersonId: c1.personId }));
    expect(res.statusCode).toBe(403);
    res = await lead.c.post('/api/v1/proposals', draft());
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    res = await staff.post('/api/v1/proposals', draft());
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'proposerPersonId', message: msg('required') }]);
    res = await p.c.post('/api/v1/proposals', draft({ cosignerIds: [c1.personId, p.personId, c1.personId] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: 'cosignerIds.1', message: msg('cosigner_is_proposer') },
      { path: 'cosignerIds.2', message: msg('duplicate_person') },
    ]);
    res = await p.c.post('/api/v1/proposals', draft({ cosignerIds: [newId()] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'cosignerIds.0', message: msg('unknown_person') }]);
    res = await p.c.post('/api/v1/proposals', draft({ sessionTerm: undefined, sessionMeeting: undefined }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('sessionTerm');

    res = await p.c.post('/api/v1/proposals', draft({ cosignerIds: [c1.personId, c2.personId] }));
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    let a = res.json();
    expect(a).toMatchObject({
      kind: 'proposal',
      state: 'draft',
      version: 1,
      number: null,
      submitterKind: 'joint',
      proposerPersonId: p.personId,
      proposerName: '王提案',
      sector: '经济界', // from the proposer's membership
      sessionTerm: 14,
      sessionMeeting: 3,
      actions: ['submit'],
    });
    expect(
      a.signers.map((x: { name: string; role: string; status: string }) => [x.name, x.role, x.status]),
    ).toEqual([
      ['王提案', 'lead', 'confirmed'],
      ['李附议', 'cosigner', 'invited'],
      ['赵未确认', 'cosigner', 'invited'],
    ]);

    // Who sees it: the proposer and the invited co-signers; not another member, not a unit.
    expect((await c1.c.get(`/api/v1/proposals/${a.id}`)).statusCode).toBe(200);
    expect((await m3.c.get(`/api/v1/proposals/${a.id}`)).statusCode).toBe(404);
    expect((await lead.c.get(`/api/v1/proposals/${a.id}`)).statusCode).toBe(404);
    const unlinked = await signIn(t.app, s.tenant.deputy); // a deputy account without a person
    expect((await unlinked.get(`/api/v1/proposals/${a.id}`)).statusCode).toBe(404);

    // ---- editing the draft: If-Match, the proposer only.
    res = await p.c.patch(`/api/v1/proposals/${a.id}`, { title: '关于加快建设中试平台的提案' });
    expect(res.statusCode).toBe(428);
    res = await c1.c.patch(`/api/v1/proposals/${a.id}`, { title: '改标题' }, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('transition_not_allowed');
    res = await p.c.patch(
      `/api/v1/proposals/${a.id}`,
      { title: '关于加快建设中试平台的提案' },
      { 'if-match': '"1"' },
    );
    expect(res.statusCode).toBe(200);
    a = res.json();
    expect(a).toMatchObject({ version: 2, title: '关于加快建设中试平台的提案' });
    res = await p.c.patch(`/api/v1/proposals/${a.id}`, { title: '再改一次标题' }, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('version_conflict');

    // ---- co-signing: each confirms their own name, once; the office cannot do it for them.
    a = await ok(p.c, a, 'submit');
    expect(a).toMatchObject({ state: 'collecting_signatures', signatureDeadline: todayCst(7) });
    expect((await c1.c.get(`/api/v1/proposals/${a.id}`)).json().actions).toEqual([
      'confirm_signature',
      'decline_signature',
    ]);
    res = await act(staff, a.id, a.version, 'confirm_signature');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('transition_not_allowed');
    a = await ok(c1.c, a, 'confirm_signature');
    res = await act(c1.c, a.id, a.version, 'confirm_signature');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'payload', message: msg('already_answered') }]);
    res = await p.c.patch(
      `/api/v1/proposals/${a.id}`,
      { title: '征集中改标题' },
      { 'if-match': `"${a.version}"` },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('invalid_state');

    // The lead submits before the window ends: the unconfirmed name drops off (kept for the record).
    a = await ok(p.c, a, 'submit');
    expect(a).toMatchObject({ state: 'submitted', submitterKind: 'joint', window: 'year_round' });
    expect(a.signers.map((x: { name: string; status: string }) => [x.name, x.status])).toEqual([
      ['王提案', 'confirmed'],
      ['李附议', 'confirmed'],
      ['赵未确认', 'dropped'],
    ]);
    const rows = await t.db
      .select({ status: itemSigners.status })
      .from(itemSigners)
      .where(and(eq(itemSigners.itemId, a.id), eq(itemSigners.personId, c2.personId)));
    expect(rows).toEqual([{ status: 'dropped' }]);

    // ---- review: reject only with a listed reason; accept numbers it in its session.
    let b = (await p2.c.post('/api/v1/proposals', draft({ title: '关于本人职称评定问题的提案' }))).json();
    b = await ok(p2.c, b, 'submit');
    res = await act(staff, b.id, b.version, 'reject', {
      reason: 'too_boring',
      explanation: '不属于提案范围',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'payload.reason', message: msg('unknown_reject_reason') }]);
    b = await ok(staff, b, 'reject', { reason: 'personal_matters', explanation: '涉及提案人个人事务' });
    expect(b).toMatchObject({ state: 'rejected', rejectReason: 'personal_matters', actions: [] });
    expect(b.closedAt).not.toBeNull();

    res = await act(p.c, a.id, a.version, 'accept');
    expect(res.statusCode).toBe(403);
    a = await ok(staff, a, 'accept');
    expect(a).toMatchObject({ state: 'accepted', number: '14-3-0001', seqNo: 1 });

    // ---- merge: a similar proposal joins this one; its proposer is answered through it.
    let m = (await m3.c.post('/api/v1/proposals', draft({ title: '关于建设中试基地的提案' }))).json();
    m = await ok(m3.c, m, 'submit');
    res = await act(staff, m.id, m.version, 'merge', { targetId: m.id });
    expect(res.json().errors).toEqual([{ path: 'payload.targetId', message: msg('merge_self') }]);
    res = await act(staff, m.id, m.version, 'merge', { targetId: newId() });
    expect(res.json().errors).toEqual([{ path: 'payload.targetId', message: msg('unknown_item') }]);
    res = await act(staff, m.id, m.version, 'merge', { targetId: b.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'payload.targetId', message: msg('merge_target_invalid') }]);
    expect((await staff.get(`/api/v1/proposals/${b.id}`)).json().version).toBe(b.version);
    m = await ok(staff, m, 'merge', { targetId: a.id });
    expect(m).toMatchObject({ state: 'merged', mergedInto: a.id });
    a = (await staff.get(`/api/v1/proposals/${a.id}`)).json();
    expect(a).toMatchObject({ state: 'accepted', version: 7, mergedFrom: [m.id] });

    // A key proposal needs its supervising leader.
    res = await act(staff, a.id, a.version, 'mark_key', { key: true });
    expect(res.json().errors).toEqual([
      { path: 'payload.supervisorPersonId', message: msg('supervisor_required') },
    ]);
    res = await act(staff, a.id, a.version, 'mark_key', { key: true, supervisorPersonId: newId() });
    expect(res.json().errors).toEqual([
      { path: 'payload.supervisorPersonId', message: msg('unknown_person') },
    ]);
    const chair = await member(t.db, s.tenant.body.id, '周副主席');
    a = await ok(staff, a, 'mark_key', { key: true, supervisorPersonId: chair.personId });
    expect(a).toMatchObject({ key: true, supervisorName: '周副主席' });

    // ---- assignment: a lead unit with a co-unit; units of another body are refused.
    const other = await createTenant(t.db);
    res = await act(staff, a.id, a.version, 'assign', { mode: 'lead', leadUnitId: other.unit.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'payload.leadUnitId', message: msg('unknown_unit') }]);
    res = await act(staff, a.id, a.version, 'assign', { mode: 'lead' });
    expect(res.statusCode).toBe(400);
    a = await ok(staff, a, 'assign', { mode: 'lead', leadUnitId: lead.unit.id, coUnitIds: [wrong.unit.id] });
    expect(a).toMatchObject({ state: 'assigned', round: 1 });
    expect(a.units.map((u: { unitName: string; role: string }) => [u.unitName, u.role])).toEqual([
      [lead.unit.name, 'lead'],
      [wrong.unit.name, 'co'],
    ]);
    expect(a.deadline).toBe(a.contactDeadline);
    expect(a.warning).toBe('green');

    // The co-unit objects; the office reassigns the co-handling to another unit.
    expect((await wrong.c.get(`/api/v1/proposals/${a.id}`)).json().actions).toEqual([
      'object',
      'send_opinion',
    ]);
    res = await act(wrong.c, a.id, a.version, 'receive');
    expect(res.statusCode).toBe(403);
    a = await ok(wrong.c, a, 'object', { reason: '该事项不属于本单位职责' });
    expect(a.state).toBe('objected');
    res = await act(wrong.c, a.id, a.version, 'object', { reason: '再次提出异议' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('invalid_state');
    res = await act(staff, a.id, a.version, 'reassign', { unitId: lead.unit.id });
    expect(res.json().errors).toEqual([{ path: 'payload.unitId', message: msg('same_unit') }]);
    a = await ok(staff, a, 'reassign', { unitId: co.unit.id });
    expect(a.state).toBe('assigned');
    expect(a.units.map((u: { unitId: string; role: string }) => [u.unitId, u.role])).toEqual([
      [lead.unit.id, 'lead'],
      [co.unit.id, 'co'],
    ]);
    expect(a.objections).toMatchObject([{ unitId: wrong.unit.id, outcome: 'upheld' }]);
    expect((await wrong.c.get(`/api/v1/proposals/${a.id}`)).statusCode).toBe(404);
    res = await act(wrong.c, a.id, a.version, 'send_opinion', { opinion: '不再相关' });
    expect(res.statusCode).toBe(404);

    // ---- handling: receive, contact, co-unit opinion, reply with the letter.
    a = await ok(lead.c, a, 'receive');
    expect(a.state).toBe('handling');
    res = await act(lead.c, a.id, a.version, 'submit_reply', { category: 'B', summary: '正在推进' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { path: 'payload', message: msg('contact_required') },
      { path: 'payload', message: msg('co_opinions_missing') },
      { path: 'payload.fileIds', message: msg('reply_file_required') },
    ]);
    res = await act(lead.c, a.id, a.version, 'record_contact', {
      method: 'visit',
      date: todayCst(2),
      note: '上门走访提案人',
    });
    expect(res.json().errors).toEqual([{ path: 'payload.date', message: msg('date_in_future') }]);
    a = await ok(lead.c, a, 'record_contact', { method: 'visit', date: todayCst(), note: '上门走访提案人' });
    res = await act(co.c, a.id, a.version, 'submit_reply', { category: 'A', summary: '会办单位不能答复' });
    expect(res.statusCode).toBe(403);
    a = await ok(co.c, a, 'send_opinion', { opinion: '同意主办单位意见，将配合做好用地保障' });
    const upload = await lead.c.request({
      method: 'POST',
      url: '/api/v1/files',
      ...multipart('答复函.pdf', PDF),
    });
    expect(upload.statusCode).toBe(201);
    const letter = upload.json().id;
    res = await act(lead.c, a.id, a.version, 'submit_reply', {
      category: 'Z',
      summary: '正在推进中试平台建设',
      fileIds: [letter],
    });
    expect(res.json().errors).toEqual([{ path: 'payload.category', message: msg('unknown_category') }]);
    res = await act(lead.c, a.id, a.version, 'submit_reply', {
      category: 'B',
      summary: '正在推进中试平台建设',
      fileIds: [newId()],
    });
    expect(res.json().errors).toEqual([{ path: 'payload.fileIds.0', message: msg('unknown_file') }]);
    a = await ok(lead.c, a, 'submit_reply', {
      category: 'B',
      summary: '正在推进中试平台建设',
      fileIds: [letter],
    });
    expect(a.state).toBe('reply_submitted');

    // The office reviews once the co-unit has countersigned.
    res = await act(staff, a.id, a.version, 'approve_reply');
    expect(res.json().errors).toEqual([{ path: 'payload', message: msg('countersign_missing') }]);
    a = await ok(co.c, a, 'countersign');
    a = await ok(staff, a, 'approve_reply', { comment: '答复规范' });
    expect(a).toMatchObject({ state: 'replied' });
    expect(a.units[0]).toMatchObject({ finalCategory: 'B', reply: { category: 'B', round: 1 } });

    // ---- rating: only the proposer; unsatisfied sends it back once.
    res = await act(c1.c, a.id, a.version, 'rate', {
      ratings: [{ unitId: lead.unit.id, overall: 'satisfied' }],
    });
    expect(res.statusCode).toBe(403);
    res = await act(p.c, a.id, a.version - 1, 'rate', {
      ratings: [{ unitId: lead.unit.id, overall: 'satisfied' }],
    });
    expect(res.statusCode).toBe(409);
    a = await ok(p.c, a, 'rate', { ratings: [{ unitId: lead.unit.id, overall: 'unsatisfied' }] });
    expect(a).toMatchObject({ state: 'handling', round: 2 });
    expect(a.units[0].reply).toBeNull();
    expect(a.replyDeadline).toBe(a.deadline);

    a = await ok(lead.c, a, 'submit_reply', {
      category: 'A',
      summary: '中试平台已建成投用',
      fileIds: [letter],
    });
    a = await ok(co.c, a, 'countersign');
    a = await ok(staff, a, 'approve_reply');
    a = await ok(p.c, a, 'rate', { ratings: [{ unitId: lead.unit.id, overall: 'satisfied' }] });
    expect(a).toMatchObject({ state: 'closed', warning: null, actions: [] });
    expect(a.closedAt).not.toBeNull();
    expect(a.ratings.map((r: { round: number; overall: string }) => [r.round, r.overall])).toEqual([
      [1, 'unsatisfied'],
      [2, 'satisfied'],
    ]);

    // ---- the timeline, with the reply letter on its event.
    const events = (await p.c.get(`/api/v1/proposals/${a.id}/events`)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'edit',
      'submit',
      'confirm_signature',
      'submit',
      'accept',
      'absorb',
      'mark_key',
      'assign',
      'object',
      'reassign',
      'receive',
      'record_contact',
      'send_opinion',
      'submit_reply',
      'countersign',
      'approve_reply',
      'rate',
      'submit_reply',
      'countersign',
      'approve_reply',
      'rate',
    ]);
    expect(events[5].payload).toMatchObject({ number: '14-3-0001' });
    expect(events[14].files).toEqual([
      { id: letter, name: '答复函.pdf', size: PDF.length, mime: 'application/pdf' },
    ]);

    // ---- lists: filters and each reader's scope.
    const ids = async (c: Client, q = '') =>
      (await c.get(`/api/v1/proposals${q}`)).json().items.map((x: { id: string }) => x.id);
    expect(await ids(staff, '?state=closed&sessionTerm=14&sessionMeeting=3')).toEqual([a.id]);
    expect(await ids(staff, `?unitId=${co.unit.id}`)).toEqual([a.id]);
    expect(await ids(staff, '?key=true')).toEqual([a.id]);
    expect(await ids(staff, '?sector=%E6%95%99%E8%82%B2%E7%95%8C')).toEqual([m.id]); // 教育界
    expect(await ids(staff, '?submitterKind=joint')).toEqual([a.id]);
    expect(await ids(staff)).toEqual([m.id, b.id, a.id]);
    expect(await ids(p.c)).toEqual([a.id]);
    expect(await ids(c2.c)).toEqual([a.id]); // dropped, still on record
    expect(await ids(m3.c)).toEqual([m.id]);
    expect(await ids(lead.c)).toEqual([a.id]);
    expect(await ids(wrong.c)).toEqual([]);
    expect(await ids(s.leader)).toHaveLength(3);
    const page1 = (await staff.get('/api/v1/proposals?limit=2')).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (await staff.get(`/api/v1/proposals?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2).toMatchObject({ items: [{ id: a.id }], nextCursor: null });
    expect((await staff.get('/api/v1/proposals?cursor=WzEsMl0')).statusCode).toBe(400);

    // Everyone concerned heard of it; every step is audited.
    const kinds = (await p.c.get('/api/v1/notifications')).json().items.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['proposal.accept', 'proposal.approve_reply']));
    const coKinds = (await c2.c.get('/api/v1/notifications'))
      .json()
      .items.map((n: { kind: string }) => n.kind);
    expect(coKinds).toContain('proposal.submit');
    const unitKinds = (await lead.c.get('/api/v1/notifications'))
      .json()
      .items.map((n: { kind: string }) => n.kind);
    expect(unitKinds).toEqual(expect.arrayContaining(['proposal.assign', 'proposal.rate']));
    const audited = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.bodyId, s.tenant.body.id), eq(auditLog.targetId, a.id)));
    expect(audited.map((x) => x.action)).toEqual(
      expect.arrayContaining(['proposal.create', 'proposal.update', 'proposal.accept', 'proposal.rate']),
    );
    expect(audited).toHaveLength(events.length);
  });

  it('converts a proposal, with its proposer’s consent, into a draft public-opinion report linked both ways', async () => {
    const tenant = await createTenant(t.db, { kind: 'cppcc_committee' });
    const staff = await signIn(t.app, tenant.staff);
    const author = await member(t.db, tenant.body.id, '何委员');
    const m = await signIn(t.app, author.user);
    let p = (await m.post('/api/v1/proposals', draft({ title: '关于社区养老服务站运营困难的提案' }))).json();
    p = await ok(m, p, 'submit');
    let res = await act(staff, p.id, p.version, 'offer_conversion', {
      to: 'opinion_report',
      reason: '篇幅短小',
    });
    p = res.json();
    expect(p).toMatchObject({ state: 'conversion_offered', conversion: { to: 'opinion_report' } });
    // The office may not consent for the proposer without a note of how they agreed.
    res = await act(staff, p.id, p.version, 'accept_conversion');
    expect(res.json().errors).toEqual([{ path: 'payload.note', message: msg('consent_note_required') }]);
    p = await ok(m, p, 'accept_conversion');
    expect(p.state).toBe('converted');
    const reportId = p.conversion.itemId;
    expect(reportId).toMatch(/^[0-9a-f-]{36}$/);
    const r = (await m.get(`/api/v1/opinion-reports/${reportId}`)).json();
    expect(r).toMatchObject({
      state: 'draft',
      title: p.title,
      content: p.content,
      convertedFromId: p.id,
      proposerPersonId: author.personId,
      actions: ['submit'],
    });
    const events = (await m.get(`/api/v1/proposals/${p.id}/events`)).json().items;
    expect(events.at(-1).payload).toMatchObject({ conversion: { to: 'opinion_report', itemId: reportId } });
  });

  it('enters a paper suggestion on a deputy’s behalf, numbers per kind and session, and lists by kind', async () => {
    const tenant = await createTenant(t.db);
    const staff = await signIn(t.app, tenant.staff);
    const deputy = await member(t.db, tenant.body.id, '吴代表');
    await t.db
      .update(bodies)
      .set({ config: { proposalSession: { term: 17, meeting: 4 } } })
      .where(eq(bodies.id, tenant.body.id));

    let res = await staff.post('/api/v1/proposals', {
      kind: 'suggestion',
      title: '关于改善老旧小区加装电梯的建议',
      content: '建议简化审批流程，加大财政补贴力度。',
      proposerPersonId: deputy.personId,
    });
    expect(res.statusCode).toBe(201);
    let sug = res.json();
    expect(sug).toMatchObject({
      kind: 'suggestion',
      sessionTerm: 17,
      sessionMeeting: 4,
      actions: ['submit'],
    });
    // The office acts for the deputy on a paper submission; the deputy may act too.
    sug = await ok(staff, sug, 'submit');
    sug = await ok(staff, sug, 'accept');
    expect(sug.number).toBe('17-4-0001');

    // A proposal in the same session has its own sequence.
    let prop = (
      await staff.post('/api/v1/proposals', {
        title: '关于发展低空经济的提案',
        content: '建议出台低空经济发展规划。',
        submitterKind: 'party',
      })
    ).json();
    expect(prop).toMatchObject({ code: 'validation_failed', errors: [{ path: 'submitterName' }] });
    res = await staff.post('/api/v1/proposals', {
      title: '关于发展低空经济的提案',
      content: '建议出台低空经济发展规划。',
      submitterKind: 'party',
      submitterName: '民革市委会',
    });
    expect(res.statusCode).toBe(201);
    prop = res.json();
    expect(prop).toMatchObject({
      submitterKind: 'party',
      submitterName: '民革市委会',
      proposerPersonId: null,
    });
    prop = await ok(staff, prop, 'submit');
    prop = await ok(staff, prop, 'accept');
    expect(prop.number).toBe('17-4-0001');

    const ids = async (q: string) =>
      (await staff.get(`/api/v1/proposals${q}`)).json().items.map((x: { id: string }) => x.id);
    expect(await ids('?kind=suggestion')).toEqual([sug.id]);
    expect(await ids('?kind=proposal')).toEqual([prop.id]);
    expect(await ids('?q=%E7%94%B5%E6%A2%AF')).toEqual([sug.id]); // 电梯
    expect((await staff.get('/api/v1/proposals?kind=letter')).statusCode).toBe(400);

    // The deputy sees the suggestion entered for them.
    const d = await signIn(t.app, deputy.user);
    expect((await d.get(`/api/v1/proposals/${sug.id}`)).json().proposerName).toBe('吴代表');
    // Unknown actions and malformed payloads are refused before the machine.
    res = await act(staff, sug.id, sug.version, 'fly_away');
    expect(res.statusCode).toBe(400);
    res = await act(staff, sug.id, sug.version, 'assign', { mode: 'lead', leadUnitId: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('payload.leadUnitId');
    // A leader reads but may not enter one.
    const leader = await signIn(t.app, tenant.leader);
    expect((await leader.get('/api/v1/proposals')).statusCode).toBe(200);
    expect((await leader.post('/api/v1/proposals', { title: 'xx', content: 'yy' })).statusCode).toBe(403);
  });
});
