import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { keep, openDocx, W, zhDate } from '../helpers/docx.ts';
import { createBody, createTenant, createUnit, createUser } from '../helpers/factories.ts';
import { act, inDays, upload } from '../helpers/matters.ts';

describe.skipIf(engineUnavailable())('documents of the supervision chain', () => {
  const t = useTestApp();

  /** A body with a research activity, its report and a finding; a government department in its region. */
  async function setting() {
    const tenant = await createTenant(t.db);
    const gov = await createBody(t.db, { kind: 'government', regionCode: tenant.body.regionCode });
    const dept = await createUnit(t.db, gov.id, {
      kind: 'department',
      name: `科学技术局-${tenant.body.id.slice(0, 6)}`,
    });
    const coDept = await createUnit(t.db, gov.id, {
      kind: 'department',
      name: `财政局-${tenant.body.id.slice(0, 6)}`,
    });
    const staff = await signIn(t.app, tenant.staff);
    const activity = await staff.post('/api/v1/activities', {
      type: 'research',
      title: '科技创新促进条例实施情况',
      startsAt: '2025-06-10T09:00:00+08:00',
    });
    expect(activity.statusCode, activity.body).toBe(201);
    const report = await staff.post(`/api/v1/activities/${activity.json().id}/records`, {
      kind: 'report',
      title: '关于科技创新促进条例实施情况的调研报告',
      content: '调研报告全文',
    });
    expect(report.statusCode, report.body).toBe(201);
    const finding = await staff.post(`/api/v1/activities/${activity.json().id}/records`, {
      kind: 'finding',
      nature: 'problem',
      parentId: report.json().id,
      content: '科技成果转化效率不高',
    });
    expect(finding.statusCode, finding.body).toBe(201);
    const leader = await staff.post('/api/v1/people', { name: '王督办' });
    expect(leader.statusCode, leader.body).toBe(201);
    return { tenant, gov, dept, coDept, staff, finding: finding.json(), leader: leader.json() };
  }

  it('writes the assignment letter to a government department in the GB/T 9704 letter format', async () => {
    const { tenant, dept, coDept, staff, finding, leader } = await setting();
    const deadline = inDays(60);
    let m = (
      await staff.post('/api/v1/matters', {
        title: '科技成果转化效率不高',
        content: '调研发现：科技成果转化效率不高，概念验证与中试平台不足。',
        requirements: '请制定中试平台建设方案，三个月内报送进展。',
        source: 'research_finding',
        sourceRecordId: finding.id,
        supervisorPersonId: leader.id,
        contact: '张三 0750-3272000',
        reportEveryDays: 30,
      })
    ).json();

    // Not assigned yet: no number, no notice.
    const draft = await staff.get(`/api/v1/matters/${m.id}/notice.docx`);
    expect(draft.statusCode).toBe(409);
    expect(draft.json()).toMatchObject({ code: 'invalid_state', title: '当前状态下不能执行该操作' });

    m = await act(staff, m, 'assign', {
      leadUnitId: dept.id,
      coUnitIds: [coDept.id],
      unitLeaders: { [dept.id]: '李明（副局长）', [coDept.id]: '赵华（副局长）' },
      deadline,
      noticeNumber: '江人大督〔2025〕7号',
    });
    const res = await staff.get(`/api/v1/matters/${m.id}/notice.docx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('交办函-江人大督〔2025〕7号.docx')}`,
    );

    keep('notice-letter.docx', res.rawPayload);
    const d = await openDocx(res.rawPayload);
    // The red mark is the body's full name (the letter format has no 「文件」), in the first page's header.
    expect(d.coloured('FF0000')).toEqual([tenant.body.name]);
    const headers = [...d.parts.entries()].filter(([n]) => n.startsWith('word/header'));
    const markPart = headers.find(([, x]) => x.documentElement?.textContent?.includes(tenant.body.name));
    expect(markPart).toBeDefined();
    // …with the red double rule under it, 上粗下细.
    const markBorder = d.first(d.first(markPart![1], 'pBdr')!, 'bottom');
    expect(d.attr(markBorder, 'val')).toBe('thickThinSmallGap');
    expect(d.attr(markBorder, 'color')).toBe('FF0000');

    const paras = d.paragraphs(d.doc);
    const texts = paras.map((p) => p.text).filter(Boolean);
    const at = (s: string) => texts.indexOf(s);
    // Number flush right under the rule, then the title, the addressee, the body.
    expect(texts[0]).toBe('江人大督〔2025〕7号');
    expect(d.attr(d.first(paras.find((p) => p.text === texts[0])!.el, 'jc'), 'val')).toBe('right');
    expect(texts[1]).toBe('关于科技成果转化效率不高的交办函');
    expect(texts[2]).toBe(`${dept.name}：`);
    expect(texts[2]!.endsWith('：')).toBe(true);
    expect(texts[3]).toContain('科技创新促进条例实施情况专题调研中发现以下问题');
    expect(texts[3]).toContain('《关于科技创新促进条例实施情况的调研报告》');
    expect(at('一、问题情况')).toBeGreaterThan(3);
    expect(texts).toContain('调研发现：科技成果转化效率不高，概念验证与中试平台不足。');
    expect(texts).toContain('请制定中试平台建设方案，三个月内报送进展。');
    expect(texts.join('\n')).toContain(`请于${zhDate(deadline)}前办结`);
    expect(texts.join('\n')).toContain('请每30日报送一次整改进展情况');
    expect(texts.join('\n')).toContain(`${coDept.name}为会办单位`);
    expect(texts.join('\n')).toContain('本事项由王督办同志领衔督办');
    expect(texts).toContain('五、责任领导');
    expect(texts.join('\n')).toContain(`${dept.name}：李明（副局长）；${coDept.name}：赵华（副局长）。`);
    // Signature, then the date of assignment in Arabic numerals, then the contact as 附注.
    const sig = texts.lastIndexOf(tenant.body.name);
    expect(texts[sig + 1]).toBe(zhDate(inDays(0)));
    expect(texts[sig + 2]).toBe('（联系人及电话：张三 0750-3272000）');
    expect(texts.at(-1)).toBe(`抄送：${coDept.name}。`);

    // Headings in 黑体, body in 3号 仿宋 as East Asian fonts.
    const h1 = paras.find((p) => p.text === '一、问题情况')!.el;
    expect(d.attr(d.first(h1, 'rFonts'), 'eastAsia')).toBe('黑体');
    const bodyPara = paras.find((p) => p.text.startsWith('调研发现'))!.el;
    expect(d.attr(d.first(bodyPara, 'rFonts'), 'eastAsia')).toBe('仿宋_GB2312');
    expect(d.attr(d.first(bodyPara, 'sz'), 'val')).toBe('32');
    const title = paras.find((p) => p.text === texts[1])!.el;
    expect(d.attr(d.first(title, 'rFonts'), 'eastAsia')).toBe('方正小标宋简体');
    expect(d.attr(d.first(title, 'sz'), 'val')).toBe('44');

    // A4 and the margins of GB/T 9704: top 37 mm, bottom 35, left 28, right 26; no page number on page 1.
    const sect = d.first(d.doc, 'sectPr')!;
    const pgSz = d.first(sect, 'pgSz');
    expect([d.attr(pgSz, 'w'), d.attr(pgSz, 'h')]).toEqual(['11906', '16838']);
    const mar = d.first(sect, 'pgMar');
    const twips = (mm: number) => String(Math.round((mm * 1440) / 25.4));
    expect([d.attr(mar, 'top'), d.attr(mar, 'bottom'), d.attr(mar, 'left'), d.attr(mar, 'right')]).toEqual([
      twips(37),
      twips(35),
      twips(28),
      twips(26),
    ]);
    expect(d.on(d.first(sect, 'titlePg'))).toBe(true);
    const footers = Array.from(sect.getElementsByTagNameNS(W, 'footerReference')).map((f) =>
      d.attr(f, 'type'),
    );
    expect(footers.sort()).toEqual(['default', 'even', 'first']);
    // Page numbers are 「— PAGE —」 fields in 4号.
    const pageFooters = [...d.parts.entries()].filter(
      ([n, x]) => n.startsWith('word/footer') && x.documentElement?.textContent?.includes('—'),
    );
    expect(pageFooters).toHaveLength(2);
    const instr = pageFooters.map(([, x]) =>
      Array.from(x.getElementsByTagNameNS(W, 'instrText')).map((i) => i.textContent?.trim()),
    );
    expect(instr).toEqual([['PAGE'], ['PAGE']]);
  });

  it('uses the standard 文件 format for the body’s own unit, and hides the notice from other units', async () => {
    const tenant = await createTenant(t.db);
    const staff = await signIn(t.app, tenant.staff);
    const liaison = await signIn(t.app, tenant.liaison);
    const otherUnit = await createUnit(t.db, tenant.body.id);
    const otherLiaison = await signIn(
      t.app,
      await createUser(t.db, tenant.body.id, ['liaison'], { unitId: otherUnit.id }),
    );
    let m = (
      await staff.post('/api/v1/matters', {
        title: '代表建议办理质量不高。',
        content: '部分代表建议答复内容空泛。',
        source: 'meeting_decision',
      })
    ).json();
    m = await act(staff, m, 'assign', { leadUnitId: tenant.unit.id });
    expect(m.number).toMatch(/督〔\d{4}〕1号$/);

    const res = await liaison.get(`/api/v1/matters/${m.id}/notice.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`督办通知-${m.number}.docx`)}`,
    );
    keep('notice-standard.docx', res.rawPayload);
    const d = await openDocx(res.rawPayload);
    expect(d.coloured('FF0000')).toEqual([`${tenant.body.name}文件`]);
    const texts = d
      .paragraphs(d.doc)
      .map((p) => p.text)
      .filter(Boolean);
    expect(texts.slice(0, 4)).toEqual([
      `${tenant.body.name}文件`,
      m.number,
      '关于代表建议办理质量不高的督办通知',
      `${tenant.unit.name}：`,
    ]);
    expect(texts[4]).toBe('根据会议议定事项，现将代表建议办理质量不高有关事项交办你单位办理。');
    // The red rule under the number, centred number; no 抄送 without co-units, but 印发 in the 版记.
    const numberPara = d.paragraphs(d.doc).find((p) => p.text === m.number)!.el;
    expect(d.attr(d.first(numberPara, 'jc'), 'val')).toBe('center');
    expect(d.attr(d.first(d.first(numberPara, 'pBdr')!, 'bottom'), 'color')).toBe('FF0000');
    expect(texts.some((x) => x.startsWith('抄送'))).toBe(false);
    expect(texts.at(-1)).toMatch(/办公室\t?\d{4}年\d{1,2}月\d{1,2}日印发$/);
    const sect = d.first(d.doc, 'sectPr')!;
    expect(d.on(d.first(sect, 'titlePg'))).toBe(false);

    // Another unit's liaison does not learn that the matter exists.
    const hidden = await otherLiaison.get(`/api/v1/matters/${m.id}/notice.docx`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe('not_found');
    expect(
      (await staff.get('/api/v1/matters/00000000-0000-4000-8000-000000000000/notice.docx')).statusCode,
    ).toBe(404);
  });

  it('exports the rectification ledger with the list filters, one row per matter, read back by exceljs', async () => {
    const { tenant, dept, staff, leader } = await setting();
    const liaisonOfDept = await signIn(
      t.app,
      await createUser(t.db, tenant.body.id, ['liaison'], { unitId: dept.id }),
    );
    const liaison = await signIn(t.app, tenant.liaison);
    const mk = async (title: string, lead: string, extra: Record<string, unknown> = {}) => {
      const m = (
        await staff.post('/api/v1/matters', {
          title,
          content: `${title}的情况`,
          source: 'research_finding',
          ...extra,
        })
      ).json();
      return act(staff, m, 'assign', { leadUnitId: lead, deadline: inDays(40) });
    };
    // Not started; in progress with a report; partly; completed and closed with evidence; a draft.
    const a = await mk('问题甲', dept.id, { supervisorPersonId: leader.id });
    let b = await mk('问题乙', dept.id);
    let c = await mk('问题丙', tenant.unit.id);
    let e = await mk('问题丁', tenant.unit.id);
    await staff.post('/api/v1/matters', { title: '草稿问题', content: '未交办', source: 'document' });

    b = await act(liaisonOfDept, b, 'receive');
    b = await act(liaisonOfDept, b, 'report_progress', {
      measures: '已起草方案',
      status: 'in_progress',
    });
    c = await act(liaison, c, 'receive');
    c = await act(liaison, c, 'report_progress', { measures: '第一批完成', status: 'partial' });
    e = await act(liaison, e, 'receive');
    e = await act(liaison, e, 'report_progress', {
      measures: '已建成平台',
      status: 'completed',
    });
    const uploaded = await upload(liaison, '验收报告.pdf');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    e = await act(liaison, e, 'submit_completion', {
      summary: '平台已挂牌运行',
      evidenceFileIds: [uploaded.json().id],
    });
    const leaderClient = await signIn(t.app, tenant.leader);
    e = await act(leaderClient, e, 'close_out', { comment: '同意销号' });

    const res = await staff.get('/api/v1/matters/ledger.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(
        `filename\\*=UTF-8''${encodeURIComponent('整改台账-').replace(/%/g, '%')}\\d{4}-\\d{2}-\\d{2}\\.xlsx`,
      ),
    );
    keep('ledger.xlsx', res.rawPayload);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('整改台账')!;
    expect(ws.getCell('A1').value).toBe(`${tenant.body.name}整改台账`);
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual([
      '序号',
      '交办编号',
      '问题',
      '问题描述',
      '来源',
      '整改要求',
      '整改措施',
      '责任单位',
      '会办单位',
      '责任人',
      '责任领导',
      '整改时限',
      '整改状态',
      '佐证材料',
      '办结日期',
      '审核人',
      '事项状态',
      '预警',
    ]);
    const col = (name: string) => header.indexOf(name) + 1;
    const rows = new Map<string, ExcelJS.Row>();
    for (let r = 4; r <= ws.rowCount; r++)
      rows.set(String(ws.getRow(r).getCell(col('问题')).value), ws.getRow(r));
    // One row per assigned matter; the draft is not a rectification item.
    expect([...rows.keys()].sort()).toEqual(['问题丁', '问题丙', '问题乙', '问题甲']);
    const v = (title: string, name: string) => rows.get(title)!.getCell(col(name)).value;
    expect(v('问题甲', '整改状态')).toBe('未整改');
    expect(v('问题甲', '责任单位')).toBe(dept.name);
    expect(v('问题甲', '责任领导')).toBe('王督办');
    expect(v('问题甲', '交办编号')).toBe(a.number);
    expect(v('问题乙', '整改状态')).toBe('正在整改');
    expect(v('问题乙', '整改措施')).toBe('已起草方案');
    expect(v('问题丙', '整改状态')).toBe('部分完成');
    expect(v('问题丁', '整改状态')).toBe('已完成');
    expect(v('问题丁', '整改措施')).toBe('平台已挂牌运行');
    expect(v('问题丁', '佐证材料')).toBe('验收报告.pdf');
    expect(v('问题丁', '审核人')).toBe(tenant.leader.username);
    expect(v('问题丁', '事项状态')).toBe('已销号');
    expect(v('问题丁', '办结日期')).toEqual(new Date(`${inDays(0)}T00:00:00Z`));
    expect(v('问题甲', '整改时限')).toEqual(new Date(`${inDays(40)}T00:00:00Z`));
    expect(v('问题甲', '预警')).toBe('正常');

    // The list's filters apply: one unit; one state.
    const byUnit = await staff.get(`/api/v1/matters/ledger.xlsx?unitId=${dept.id}`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(byUnit.rawPayload as unknown as ArrayBuffer);
    const ws2 = wb2.worksheets[0]!;
    const titles = [];
    for (let r = 4; r <= ws2.rowCount; r++) titles.push(ws2.getRow(r).getCell(col('问题')).value);
    expect(titles.sort()).toEqual(['问题乙', '问题甲']);
    expect(String(ws2.getCell('A2').value)).toContain(dept.name);
    const drafts = await staff.get('/api/v1/matters/ledger.xlsx?state=draft');
    const wb3 = new ExcelJS.Workbook();
    await wb3.xlsx.load(drafts.rawPayload as unknown as ArrayBuffer);
    expect(wb3.worksheets[0]!.getRow(4).getCell(col('问题')).value).toBe('草稿问题');
    expect(wb3.worksheets[0]!.rowCount).toBe(4);

    // English headers for an English client; bad filters are 400 problem+json; liaisons may not export.
    const en = await signIn(t.app, tenant.staff, 'en-US');
    const wb4 = new ExcelJS.Workbook();
    await wb4.xlsx.load((await en.get('/api/v1/matters/ledger.xlsx')).rawPayload as unknown as ArrayBuffer);
    expect(wb4.worksheets[0]!.getRow(3).getCell(col('整改状态')).value).toBe('Status');
    const bad = await staff.get('/api/v1/matters/ledger.xlsx?state=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
    expect((await liaison.get('/api/v1/matters/ledger.xlsx')).statusCode).toBe(403);
  });
});
