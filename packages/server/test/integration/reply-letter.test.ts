import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bodies, units } from '../../src/db/schema.ts';
import { newId } from '../../src/ids.ts';
import { type Client, signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { keep, openDocx, W, zhDate } from '../helpers/docx.ts';
import { createTenant, createUnit, createUser } from '../helpers/factories.ts';
import { inDays, upload } from '../helpers/matters.ts';
import { member, proposalAct as ok } from '../helpers/proposals.ts';

const letterOf = (c: Client, p: { id: string }, unitId: string) =>
  c.get(`/api/v1/proposals/${p.id}/units/${unitId}/reply-letter.docx`);

/** The letter's paragraphs, empty ones left out. */
async function textsOf(buf: Buffer) {
  const d = await openDocx(buf);
  return {
    d,
    texts: d
      .paragraphs(d.doc)
      .map((p) => p.text)
      .filter(Boolean),
  };
}

describe.skipIf(engineUnavailable())('reply letters of proposals and deputy suggestions', () => {
  const t = useTestApp();

  it('writes the lead unit’s reply to a joint proposal as a GB/T 9704 letter, for those it concerns only', async () => {
    const tenant = await createTenant(t.db, { kind: 'cppcc_committee' });
    const region = `测试市${tenant.body.id.slice(0, 4)}`;
    await t.db
      .update(bodies)
      .set({ shortName: `${region}政协`, regionName: region })
      .where(eq(bodies.id, tenant.body.id));
    const staff = await signIn(t.app, tenant.staff);
    const leader = await signIn(t.app, tenant.leader);
    const lead = await createUnit(t.db, tenant.body.id, { kind: 'department', name: `${region}科学技术局` });
    await t.db.update(units).set({ phone: '0750-3272000' }).where(eq(units.id, lead.id));
    const co = await createUnit(t.db, tenant.body.id, { kind: 'department', name: `${region}财政局` });
    const leadLiaisonUser = await createUser(t.db, tenant.body.id, ['liaison'], { unitId: lead.id });
    const leadLiaison = await signIn(t.app, leadLiaisonUser);
    const coLiaison = await signIn(
      t.app,
      await createUser(t.db, tenant.body.id, ['liaison'], { unitId: co.id }),
    );
    const p = await member(t.db, tenant.body.id, '王提案');
    const c1 = await member(t.db, tenant.body.id, '李附议');
    const other = await member(t.db, tenant.body.id, '钱另案');
    const proposer = await signIn(t.app, p.user);
    const cosigner = await signIn(t.app, c1.user);
    const stranger = await signIn(t.app, other.user);

    // A joint proposal, accepted (numbered 14-3-0001), assigned to a lead unit with a co-unit.
    let a = (
      await proposer.post('/api/v1/proposals', {
        title: '关于加快中试平台建设的提案',
        content: '建议整合高校和企业资源，建设概念验证与中试平台。',
        sessionTerm: 14,
        sessionMeeting: 3,
        cosignerIds: [c1.personId],
      })
    ).json();
    a = await ok(proposer, a, 'submit');
    a = await ok(cosigner, a, 'confirm_signature');
    a = await ok(proposer, a, 'submit');
    a = await ok(staff, a, 'accept');
    expect(a.number).toBe('14-3-0001');
    a = await ok(staff, a, 'assign', { mode: 'lead', leadUnitId: lead.id, coUnitIds: [co.id] });

    // Nothing to write before the unit has replied.
    let res = await letterOf(staff, a, lead.id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'invalid_state',
      errors: [{ path: 'unitId', message: '该单位尚无经审核的答复' }],
    });

    a = await ok(leadLiaison, a, 'receive');
    a = await ok(leadLiaison, a, 'record_contact', { method: 'visit', date: inDays(0), note: '上门走访' });
    a = await ok(coLiaison, a, 'send_opinion', { opinion: '同意主办单位意见' });
    const file = (await upload(leadLiaison, '答复函.pdf')).json().id;
    a = await ok(leadLiaison, a, 'submit_reply', {
      category: 'B',
      summary: '一、已将中试平台建设列入年度计划。\n\n二、市财政安排专项资金支持。',
      fileIds: [file],
    });
    // Submitted, not yet approved by the office: still no letter, in the reader's language.
    const en = await signIn(t.app, tenant.staff, 'en-US');
    res = await letterOf(en, a, lead.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([{ path: 'unitId', message: 'This unit has no approved reply yet' }]);
    a = await ok(coLiaison, a, 'countersign');
    // The office approves with category A instead of the unit's B: the letter carries the approved one.
    a = await ok(staff, a, 'approve_reply', { categories: [{ unitId: lead.id, category: 'A' }] });
    expect(a.state).toBe('replied');

    res = await letterOf(proposer, a, lead.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const title = `关于政协${region}第十四届委员会第三次会议第0001号提案的答复`;
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`${title}-${lead.name}.docx`)}`,
    );
    keep('reply-letter.docx', res.rawPayload);
    const { d, texts } = await textsOf(res.rawPayload);
    // Issued by the unit: its name is the red mark of the letter's first page.
    expect(d.coloured('FF0000')).toEqual([lead.name]);
    expect(texts).toEqual([
      '答复类别：A',
      title,
      '尊敬的王提案等委员：',
      '您提出的《关于加快中试平台建设的提案》收悉，现答复如下：',
      '一、已将中试平台建设列入年度计划。',
      '二、市财政安排专项资金支持。',
      lead.name,
      zhDate(inDays(0)),
      `（联系人：${leadLiaisonUser.username}，联系电话：0750-3272000）`,
      `抄送：${region}政协提案委员会，${region}人民政府督查室，${co.name}。`,
    ]);
    // The category 顶格 at the left edge; the title in 2号 小标宋.
    const paras = d.paragraphs(d.doc);
    const category = paras.find((x) => x.text === '答复类别：A')!.el;
    expect(d.attr(d.first(category, 'jc'), 'val')).toBe('left');
    const titlePara = paras.find((x) => x.text === title)!.el;
    expect(d.attr(d.first(titlePara, 'rFonts'), 'eastAsia')).toBe('方正小标宋简体');
    expect(d.attr(d.first(titlePara, 'sz'), 'val')).toBe('44');
    expect(d.on(d.first(d.first(d.doc, 'sectPr')!, 'titlePg'))).toBe(true);
    expect(d.doc.getElementsByTagNameNS(W, 'framePr')).toHaveLength(1); // 抄送 at the foot of the page

    // Who may have it: the co-signer, the unit's liaison, the office, leaders; not the co-unit's liaison,
    // and a member the proposal does not concern does not learn it exists.
    for (const c of [cosigner, leadLiaison, staff, leader])
      expect((await letterOf(c, a, lead.id)).statusCode).toBe(200);
    res = await letterOf(coLiaison, a, lead.id);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    expect((await letterOf(stranger, a, lead.id)).statusCode).toBe(404);
    // A co-unit replies to no one; a unit off the item, or a malformed id, is refused.
    expect((await letterOf(staff, a, co.id)).statusCode).toBe(409);
    res = await letterOf(staff, a, newId());
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
    expect((await letterOf(staff, a, 'x')).statusCode).toBe(400);

    // Unsatisfied: the unit handles it again and has no letter until its second reply is approved.
    a = await ok(proposer, a, 'rate', { ratings: [{ unitId: lead.id, overall: 'unsatisfied' }] });
    expect(a).toMatchObject({ state: 'handling', round: 2 });
    expect((await letterOf(proposer, a, lead.id)).statusCode).toBe(409);
    a = await ok(leadLiaison, a, 'submit_reply', {
      category: 'A',
      summary: '您提出的提案收悉。中试平台已建成投用。',
      fileIds: [file],
    });
    a = await ok(coLiaison, a, 'countersign');
    a = await ok(staff, a, 'approve_reply');
    // A body may name its own copies.
    await t.db
      .update(bodies)
      .set({ config: { proposalReplyCopyTo: [`${region}政协办公室`] } })
      .where(eq(bodies.id, tenant.body.id));
    const second = await textsOf((await letterOf(proposer, a, lead.id)).rawPayload);
    // The unit's own opening stands; the first round's text is gone.
    expect(second.texts.slice(2, 4)).toEqual([
      '尊敬的王提案等委员：',
      '您提出的提案收悉。中试平台已建成投用。',
    ]);
    expect(second.texts.join('\n')).not.toContain('列入年度计划');
    expect(second.texts.at(-1)).toBe(`抄送：${region}政协办公室，${co.name}。`);
  });

  it('answers a deputy’s suggestion handled separately by two units, each its own letter', async () => {
    const tenant = await createTenant(t.db);
    const region = `测试市${tenant.body.id.slice(0, 4)}`;
    await t.db
      .update(bodies)
      .set({
        shortName: `${region}人大常委会`,
        regionName: region,
        config: { proposal: { requireReplyFile: false, requireContactBeforeReply: false } },
      })
      .where(eq(bodies.id, tenant.body.id));
    const staff = await signIn(t.app, tenant.staff);
    const other = await createUnit(t.db, tenant.body.id, { kind: 'working_committee' });
    const first = await signIn(t.app, tenant.liaison);
    const second = await signIn(
      t.app,
      await createUser(t.db, tenant.body.id, ['liaison'], { unitId: other.id }),
    );
    const deputy = await member(t.db, tenant.body.id, '吴明');

    let s = (
      await staff.post('/api/v1/proposals', {
        kind: 'suggestion',
        title: '关于改善老旧小区加装电梯的建议',
        content: '建议简化审批流程。',
        proposerPersonId: deputy.personId,
        sessionTerm: 17,
        sessionMeeting: 3,
      })
    ).json();
    s = await ok(staff, s, 'submit');
    s = await ok(staff, s, 'accept');
    s = await ok(staff, s, 'assign', { mode: 'separate', unitIds: [tenant.unit.id, other.id] });
    s = await ok(first, s, 'receive');
    s = await ok(second, s, 'receive');
    s = await ok(first, s, 'submit_reply', { category: 'A', summary: '已简化加装电梯审批流程。' });
    // One unit's reply waits for the other's and for the office.
    expect((await letterOf(first, s, tenant.unit.id)).statusCode).toBe(409);
    s = await ok(second, s, 'submit_reply', { category: 'C', summary: '财政补贴待条件成熟时研究。' });
    s = await ok(staff, s, 'approve_reply');

    const res = await letterOf(await signIn(t.app, deputy.user), s, tenant.unit.id);
    expect(res.statusCode, res.body).toBe(200);
    keep('reply-letter-suggestion.docx', res.rawPayload);
    const { d, texts } = await textsOf(res.rawPayload);
    expect(d.coloured('FF0000')).toEqual([tenant.unit.name]);
    expect(texts).toEqual([
      '答复类别：A',
      `对${region}第十七届人大第三次会议第0001号建议的答复`,
      '吴明代表：',
      '您提出的《关于改善老旧小区加装电梯的建议》收悉，现答复如下：',
      '已简化加装电梯审批流程。',
      tenant.unit.name,
      zhDate(inDays(0)),
      `（联系人：${tenant.liaison.username}）`,
      // Not a government department: no supervision office; no co-units when handled separately.
      `抄送：${region}人大常委会代表工作委员会。`,
    ]);
    // Each unit its own letter, and only its own liaison besides the office and the deputy.
    const other2 = await textsOf((await letterOf(second, s, other.id)).rawPayload);
    expect(other2.texts[0]).toBe('答复类别：C');
    expect(other2.texts).toContain('财政补贴待条件成熟时研究。');
    expect((await letterOf(first, s, other.id)).statusCode).toBe(403);
  });
});
