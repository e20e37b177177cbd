import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Client, signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';
import { createTenant, createUnit, createUser } from '../helpers/factories.ts';
import { personWithAccount, proposalAct } from '../helpers/proposals.ts';

const CONTENT = '建议加强统筹协调，明确牵头部门，加大政策支持力度，建立跟踪评估机制。';

/** The sheet of an export: its title, summary, headers and rows as cell texts by header. */
async function sheetOf(c: Client, url: string) {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(3).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = 4; r <= ws.rowCount; r++) {
    const values = ws.getRow(r).values as unknown[];
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i + 1] ?? null])));
  }
  return {
    res,
    name: ws.name,
    title: String(ws.getCell('A1').value),
    info: String(ws.getCell('A2').value),
    header,
    rows,
  };
}

describe.skipIf(engineUnavailable())('list exports (.xlsx) of proposals and opinion reports', () => {
  const t = useTestApp();

  it('exports the proposals the list’s filters select, in its order and within the caller’s scope', async () => {
    const tenant = await createTenant(t.db, { kind: 'cppcc_committee' });
    const bodyId = tenant.body.id;
    const staff = await signIn(t.app, tenant.staff);
    const member = await personWithAccount(t.db, bodyId, '王委员', { role: 'member' });
    const unitB = await createUnit(t.db, bodyId, { kind: 'department' });
    const liaisonA = await signIn(t.app, tenant.liaison);
    const liaisonB = await signIn(t.app, await createUser(t.db, bodyId, ['liaison'], { unitId: unitB.id }));
    const accepted = async (title: string, category: string) => {
      const res = await staff.post('/api/v1/proposals', {
        title,
        content: CONTENT,
        category,
        proposerPersonId: member.personId,
        sessionTerm: 14,
        sessionMeeting: 3,
      });
      expect(res.statusCode, res.body).toBe(201);
      return proposalAct(staff, await proposalAct(staff, res.json(), 'submit'), 'accept');
    };
    const a = await accepted('关于建设中试平台的提案', '经济');
    await proposalAct(staff, a, 'assign', {
      mode: 'lead',
      leadUnitId: tenant.unit.id,
      coUnitIds: [unitB.id],
    });
    const b = await accepted('关于侨乡文化街区活化的提案', '文化');
    await proposalAct(staff, b, 'assign', { mode: 'lead', leadUnitId: unitB.id });
    await accepted('关于社区养老服务的提案', '社会');

    // A filter and a search: the sheet holds exactly the list's rows, in the list's order.
    for (const query of ['state=assigned', 'q=提案&sessionTerm=14', 'category=文化']) {
      const list = (await staff.get(`/api/v1/proposals?${query}&limit=100`)).json().items as {
        title: string;
        number: string;
      }[];
      const sheet = await sheetOf(staff, `/api/v1/proposals/export.xlsx?${query}`);
      expect(sheet.rows.map((r) => r.标题)).toEqual(list.map((p) => p.title));
      expect(sheet.rows.map((r) => r.编号)).toEqual(list.map((p) => p.number));
    }
    const sheet = await sheetOf(staff, '/api/v1/proposals/export.xlsx?state=assigned&kind=proposal');
    expect(sheet.res.headers['content-disposition']).toMatch(
      new RegExp(`filename\\*=UTF-8''${encodeURIComponent('提案-')}\\d{4}-\\d{2}-\\d{2}\\.xlsx`),
    );
    expect(sheet.title).toBe(`${tenant.body.name}提案`);
    expect(sheet.info).toContain('件数：2');
    expect(sheet.header).toEqual([
      '序号',
      '编号',
      '届次会次',
      '标题',
      '类别',
      '提出方',
      '界别',
      '状态',
      '主办单位',
      '会办单位',
      '交办日期',
      '答复期限',
      '答复日期',
      '答复类别',
      '满意度',
      '重点',
      '预警',
    ]);
    const rowA = sheet.rows.find((r) => r.标题 === '关于建设中试平台的提案')!;
    expect(rowA).toMatchObject({
      届次会次: '14届3次',
      类别: '经济',
      提出方: '王委员',
      状态: '已交办',
      主办单位: tenant.unit.name,
      会办单位: unitB.name,
    });
    expect(rowA.交办日期).toBeInstanceOf(Date);

    // A liaison exports only what is assigned to its unit (lead or co-handling).
    const ofA = await sheetOf(liaisonA, '/api/v1/proposals/export.xlsx');
    expect(ofA.rows.map((r) => r.标题)).toEqual(['关于建设中试平台的提案']);
    const ofB = await sheetOf(liaisonB, '/api/v1/proposals/export.xlsx');
    expect(ofB.rows.map((r) => r.标题).sort()).toEqual([
      '关于侨乡文化街区活化的提案',
      '关于建设中试平台的提案',
    ]);

    // English headers and file name for an English client.
    const en = await signIn(t.app, tenant.staff, 'en-US');
    const enSheet = await sheetOf(en, '/api/v1/proposals/export.xlsx?kind=proposal');
    expect(enSheet.header.slice(1, 4)).toEqual(['Number', 'Session', 'Title']);
    expect(enSheet.res.headers['content-disposition']).toContain(`filename*=UTF-8''proposals-`);

    // A bad filter is a 400 problem+json.
    for (const query of ['state=nonsense', 'sessionTerm=abc', 'warning=purple']) {
      const bad = await staff.get(`/api/v1/proposals/export.xlsx?${query}`);
      expect(bad.statusCode, query).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('exports the opinion reports the list’s filters select', async () => {
    const tenant = await createTenant(t.db, { kind: 'cppcc_committee' });
    const staff = await signIn(t.app, tenant.staff);
    const report = async (title: string, submit: boolean) => {
      const res = await staff.post('/api/v1/opinion-reports', {
        title,
        content: '社情民意'.repeat(30),
        submitterKind: 'sector',
        submitterName: '经济界别',
        sector: '经济界',
      });
      expect(res.statusCode, res.body).toBe(201);
      const r = res.json();
      if (!submit) return r;
      const s = await staff.post(
        `/api/v1/opinion-reports/${r.id}/transitions`,
        { action: 'submit', payload: {} },
        { 'if-match': `"${r.version}"` },
      );
      expect(s.statusCode, s.body).toBe(200);
      return s.json();
    };
    await report('关于校园周边交通安全的建议', true);
    await report('关于老旧小区加装电梯的建议', true);
    await report('关于菜市场改造的建议', false);

    for (const query of ['state=submitted', 'q=电梯', 'submitted=true&year=2099']) {
      const list = (await staff.get(`/api/v1/opinion-reports?${query}`)).json().items as { title: string }[];
      const sheet = await sheetOf(staff, `/api/v1/opinion-reports/export.xlsx?${query}`);
      expect(
        sheet.rows.map((r) => r.标题),
        query,
      ).toEqual(list.map((p) => p.title));
    }
    const sheet = await sheetOf(staff, '/api/v1/opinion-reports/export.xlsx?state=submitted');
    expect(sheet.rows).toHaveLength(2);
    expect(sheet.name).toBe('社情民意信息');
    expect(sheet.header).toEqual([
      '序号',
      '刊物期号',
      '标题',
      '提交人',
      '类别',
      '界别',
      '状态',
      '提交日期',
      '报送层级',
      '采用层级',
      '批示数',
      '字数',
    ]);
    expect(sheet.rows[0]).toMatchObject({ 提交人: '经济界别', 界别: '经济界', 批示数: 0, 字数: 120 });
    expect(sheet.res.headers['content-disposition']).toContain(encodeURIComponent('社情民意信息-'));

    const bad = await staff.get('/api/v1/opinion-reports/export.xlsx?adoptedLevel=moon');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});
