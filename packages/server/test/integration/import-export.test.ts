import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { Db } from '../../src/db/client.ts';
import { openDatabase } from '../../src/db/client.ts';
import { auditLog, people } from '../../src/db/schema.ts';
import { type Client, signIn, useTestApp } from '../helpers/app.ts';
import { engineUnavailable, testEngine } from '../helpers/db.ts';
import { createBody, createTenant, createUnit } from '../helpers/factories.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Cells = Record<string, string | number | Date>;

/** Fills the downloaded template like a clerk would: by header, from row 3, through a real xlsx writer. */
async function fillTemplate(template: Buffer, data: { units?: Cells[]; people?: Cells[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  for (const [sheet, rows] of [
    ['单位', data.units ?? []],
    ['人员', data.people ?? []],
  ] as const) {
    const ws = wb.getWorksheet(sheet)!;
    const cols = new Map<string, number>();
    ws.getRow(1).eachCell((c, i) => {
      cols.set(String(c.value).replace('*', ''), i);
    });
    rows.forEach((r, i) => {
      const row = ws.getRow(3 + i);
      for (const [k, v] of Object.entries(r)) {
        if (!cols.has(k)) throw new Error(`no column ${k}`);
        row.getCell(cols.get(k)!).value = v;
      }
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(file: Buffer, filename = 'people.xlsx', field = 'file') {
  const boundary = `----yiting${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
        `Content-Type: ${XLSX}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function upload(c: Client, file: Buffer, headers: Record<string, string> = {}, filename?: string) {
  const m = multipart(file, filename);
  return c.request({
    method: 'POST',
    url: '/api/v1/people/import',
    payload: m.payload,
    headers: { ...m.headers, ...headers },
  });
}

async function template(c: Client): Promise<Buffer> {
  const res = await c.get('/api/v1/people/import-template.xlsx');
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

async function peopleCount(db: Db, bodyId: string) {
  const [r] = await db.select({ n: count() }).from(people).where(eq(people.bodyId, bodyId));
  return r!.n;
}

async function importAudits(db: Db, bodyId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.bodyId, bodyId), eq(auditLog.action, 'person.import')));
}

async function readBack(buf: Buffer, sheet: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet)!;
  const headers: string[] = [];
  ws.getRow(1).eachCell((c, i) => {
    headers[i] = String(c.value).replace('*', '');
  });
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n < 3) return;
    const r: Record<string, unknown> = {};
    row.eachCell((c, i) => {
      r[headers[i]!] = c.value;
    });
    rows.push(r);
  });
  return rows;
}

const BAD_ROWS: Cells[] = [
  { 姓名: '王好', 手机: '13800000001' }, // row 3: fine
  { 姓名: '李日期', 出生日期: '1970-13-45' }, // row 4: bad date
  { 姓名: '赵代表', 身份: '人大代表' }, // row 5: deputy without level
  { 姓名: '钱单位', 身份: '工作人员', 所属单位: '不存在的委员会' }, // row 6: unknown unit
  { 姓名: '王好', 手机: '13800000001' }, // row 7: duplicate of row 3
  { 姓名: '孙性别', 性别: '未知' }, // row 8: invalid enum label
  { 姓名: '', 民族: '汉族', 党派: '群众' }, // row 9: empty name
];

describe.skipIf(engineUnavailable())('import and export of people and units (.xlsx)', () => {
  const t = useTestApp();

  it('serves a template with the two sheets, bilingual headers and drop-downs', async () => {
    const { staff, leader } = await createTenant(t.db);
    const c = await signIn(t.app, staff);
    const res = await c.get('/api/v1/people/import-template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['填写说明', '单位', '人员']);
    const units = wb.getWorksheet('单位')!;
    expect(units.getRow(1).values).toEqual([undefined, '名称*', '简称', '类别*', '上级单位', '电话', '地址']);
    expect(units.getRow(2).values).toEqual([
      undefined,
      'Name',
      'Short name',
      'Kind',
      'Parent unit',
      'Phone',
      'Address',
    ]);
    const ppl = wb.getWorksheet('人员')!;
    const headers = (ppl.getRow(1).values as string[]).slice(1);
    expect(headers).toEqual([
      '姓名*',
      '性别',
      '出生日期',
      '民族',
      '党派',
      '工作单位',
      '职务',
      '手机',
      '邮箱',
      '身份',
      '代表层级',
      '代表团',
      '界别',
      '所属单位',
      '单位职务',
      '任职开始',
      '任职结束',
      '备注',
    ]);
    expect(ppl.getCell('J1').note).toBeTruthy();
    // 身份 (column J) offers the membership roles in a drop-down.
    const dv = (ppl as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model.J3;
    expect(dv?.type).toBe('list');
    expect(dv?.formulae[0]).toContain('人大代表');
    expect(dv?.formulae[0]).toContain('政协委员');
    const forbidden = await (await signIn(t.app, leader)).get('/api/v1/people/import-template.xlsx');
    expect(forbidden.statusCode).toBe(403);
  });

  it('imports a good file: units, people merged by name and mobile, searchable by pinyin, one audit entry', async () => {
    const { body, staff, unit } = await createTenant(t.db);
    const c = await signIn(t.app, staff);
    const file = await fillTemplate(await template(c), {
      units: [
        { 名称: '法制工作委员会', 简称: '法工委', 类别: '工作委员会', 电话: '0750-3000001' },
        { 名称: '立法调研组', 类别: 'working_team', 上级单位: '法制工作委员会' },
      ],
      people: [
        {
          姓名: '凌传茂',
          性别: '男',
          出生日期: new Date(Date.UTC(1968, 4, 12)),
          民族: '汉族',
          党派: '中共党员',
          工作单位: '江门市人大常委会',
          职务: '主任',
          手机: '13800138000',
          身份: '人大代表',
          代表层级: '市人大代表',
          代表团: '蓬江区代表团',
          任职开始: '2021/10/1',
        },
        // Same name and mobile: a second membership of the same person.
        {
          姓名: '凌传茂',
          手机: '13800138000',
          身份: '常委会组成人员',
          所属单位: '法制工作委员会',
          单位职务: '主任',
        },
        { 姓名: '黄美玲', 性别: 'Female', 身份: 'CPPCC member', 界别: '教育界', 所属单位: unit.name },
        { 姓名: '陈一', 出生日期: '1980年2月3日', 邮箱: 'chen@example.cn' },
      ],
    });
    const res = await upload(c, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ units: 2, people: 3, memberships: 3 });

    const found = await c.get(`/api/v1/people?q=lcm`);
    expect(found.json().items).toHaveLength(1);
    const person = found.json().items[0];
    expect(person).toMatchObject({
      name: '凌传茂',
      gender: 'male',
      birthDate: '1968-05-12',
      phone: '13800138000',
    });
    expect(person.memberships).toHaveLength(2);
    expect(person.memberships).toContainEqual(
      expect.objectContaining({
        role: 'deputy',
        deputyLevel: 'city',
        delegation: '蓬江区代表团',
        startDate: '2021-10-01',
      }),
    );
    expect(person.memberships).toContainEqual(
      expect.objectContaining({ role: 'committee_member', unitName: '法制工作委员会', title: '主任' }),
    );
    expect((await c.get(`/api/v1/people?q=huangmeiling`)).json().items[0].memberships[0]).toMatchObject({
      role: 'member',
      sector: '教育界',
      unitId: unit.id,
    });
    expect((await c.get(`/api/v1/people?q=${encodeURIComponent('陈一')}`)).json().items[0].birthDate).toBe(
      '1980-02-03',
    );
    const units = (await c.get('/api/v1/units?includeShared=false&limit=200')).json().items;
    const fgw = units.find((u: { name: string }) => u.name === '法制工作委员会');
    expect(units.find((u: { name: string }) => u.name === '立法调研组')).toMatchObject({
      kind: 'working_team',
      parentId: fgw.id,
    });
    const audits = await importAudits(t.db, body.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ units: 2, people: 3, memberships: 3 });
    expect((audits[0]!.after as { file: { sha256: string } }).file.sha256).toMatch(/^[0-9a-f]{64}$/);

    // The same file again: every person and unit already exists, so nothing is imported twice.
    const again = await upload(c, file);
    expect(again.statusCode).toBe(422);
    expect(again.json().errors).toContainEqual({
      sheet: '单位',
      row: 3,
      column: '名称',
      message: '本机关已有同名单位',
    });
    expect(await peopleCount(t.db, body.id)).toBe(3);
  });

  it('reports every bad row with row, column and reason in the user’s language, and imports nothing', async () => {
    const { body, staff } = await createTenant(t.db);
    const zh = await signIn(t.app, staff);
    const file = await fillTemplate(await template(zh), { people: BAD_ROWS });
    const before = await peopleCount(t.db, body.id);
    const res = await upload(zh, file);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'import_invalid',
      status: 422,
      title: '导入文件有错误，未导入任何数据',
      errorCount: 6,
    });
    expect(res.json().errors).toEqual([
      { sheet: '人员', row: 4, column: '出生日期', message: '日期格式应为 YYYY-MM-DD' },
      { sheet: '人员', row: 5, column: '代表层级', message: '人大代表须填写代表层级' },
      { sheet: '人员', row: 6, column: '所属单位', message: '单位不存在' },
      { sheet: '人员', row: 7, column: '姓名', message: '与第 3 行重复' },
      {
        sheet: '人员',
        row: 8,
        column: '性别',
        message: '请从下拉列表中选择：男、女',
      },
      { sheet: '人员', row: 9, column: '姓名', message: '必填' },
    ]);

    const en = await signIn(t.app, staff, 'en-US');
    const res2 = await upload(en, file);
    expect(res2.statusCode).toBe(422);
    expect(res2.json().title).toBe('The file has errors; nothing was imported');
    expect(res2.json().errors).toEqual([
      { sheet: '人员', row: 4, column: 'Date of birth', message: 'Dates are written YYYY-MM-DD' },
      { sheet: '人员', row: 5, column: 'Deputy level', message: 'A deputy needs a level' },
      { sheet: '人员', row: 6, column: 'Unit', message: 'Unknown unit' },
      { sheet: '人员', row: 7, column: 'Name', message: 'Same as row 3' },
      { sheet: '人员', row: 8, column: 'Gender', message: 'Choose one of: 男、女' },
      { sheet: '人员', row: 9, column: 'Name', message: 'Required' },
    ]);

    expect(await peopleCount(t.db, body.id)).toBe(before);
    expect(await importAudits(t.db, body.id)).toHaveLength(0);
  });

  it('checks the units sheet too: unknown kind, duplicate name, a loop of parents', async () => {
    const { body, staff, unit } = await createTenant(t.db);
    const c = await signIn(t.app, staff);
    const file = await fillTemplate(await template(c), {
      units: [
        { 名称: '甲委员会', 类别: '专门委员会', 上级单位: '乙委员会' },
        { 名称: '乙委员会', 类别: '专门委员会', 上级单位: '甲委员会' },
        { 名称: '丙委员会', 类别: '合作社' },
        { 名称: '甲委员会', 类别: '其他' },
        { 名称: unit.name, 类别: '其他' },
      ],
      people: [{ 姓名: '张三', 身份: '工作人员', 所属单位: '丙委员会', 邮箱: 'not-an-email' }],
    });
    const res = await upload(c, file);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { sheet: '单位', row: 3, column: '上级单位', message: '上级单位形成循环' },
      { sheet: '单位', row: 4, column: '上级单位', message: '上级单位形成循环' },
      {
        sheet: '单位',
        row: 5,
        column: '类别',
        message: '请从下拉列表中选择：专门委员会、工作委员会、办公室、工作专班、代表团、界别、政府部门、其他',
      },
      { sheet: '单位', row: 6, column: '名称', message: '与第 3 行重复' },
      { sheet: '单位', row: 7, column: '名称', message: '本机关已有同名单位' },
      { sheet: '人员', row: 3, column: '邮箱', message: '格式不正确' },
    ]);
    expect(await peopleCount(t.db, body.id)).toBe(0);
  });

  it('refuses a file that is not an .xlsx whatever its name (415), and one over the size limit (413)', async () => {
    const { staff, body } = await createTenant(t.db);
    const c = await signIn(t.app, staff);
    const text = await upload(c, Buffer.from('姓名,手机\n张三,13800000000\n'), {}, 'people.xlsx');
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('unsupported_media_type');
    // A zip that is not a workbook.
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]);
    expect((await upload(c, zip)).statusCode).toBe(415);
    // Not multipart at all, and multipart without the `file` field.
    expect((await c.post('/api/v1/people/import', { file: 'x' })).statusCode).toBe(415);
    const wrongField = multipart(Buffer.from('PK'), 'a.xlsx', 'upload');
    const noFile = await c.request({
      method: 'POST',
      url: '/api/v1/people/import',
      payload: wrongField.payload,
      headers: wrongField.headers,
    });
    expect(noFile.statusCode).toBe(400);

    const small: FastifyInstance = await buildApp({ database: t.database, config: { fileLimit: 4096 } });
    try {
      await small.ready();
      const c2 = await signIn(small, staff);
      const big = await fillTemplate(await template(c2), {
        people: Array.from({ length: 200 }, (_, i) => ({
          姓名: `大文件${'甲乙丙丁'[i % 4]}`,
          手机: `1390000${String(i).padStart(4, '0')}`,
        })),
      });
      expect(big.length).toBeGreaterThan(4096);
      const res = await upload(c2, big);
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('payload_too_large');
    } finally {
      await small.close();
    }
    expect(await peopleCount(t.db, body.id)).toBe(0);
  });

  it('streams progress as NDJSON and ends with the result, or with the problem', async () => {
    const { staff } = await createTenant(t.db);
    const c = await signIn(t.app, staff);
    const file = await fillTemplate(await template(c), {
      people: Array.from({ length: 1200 }, (_, i) => ({
        姓名: `流${'甲乙丙丁戊己庚辛'[i % 8]}${'子丑寅卯辰巳午未申酉'[Math.floor(i / 8) % 10]}`,
        手机: `1370000${String(i).padStart(4, '0')}`,
        身份: '人大代表',
        代表层级: '县级人大代表',
      })),
    });
    const res = await upload(c, file, { accept: 'application/x-ndjson' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const phases = [...new Set(lines.filter((l) => l.type === 'progress').map((l) => l.phase))];
    expect(phases).toEqual(['parse', 'validate', 'write']);
    for (const l of lines.slice(0, -1)) {
      expect(l).toEqual({
        type: 'progress',
        phase: expect.any(String),
        done: expect.any(Number),
        total: expect.any(Number),
      });
      expect(l.done).toBeLessThanOrEqual(l.total);
    }
    expect(lines.at(-1)).toEqual({ type: 'done', result: { units: 0, people: 1200, memberships: 1200 } });

    const bad = await fillTemplate(await template(c), { people: BAD_ROWS });
    const res2 = await upload(c, bad, { accept: 'application/x-ndjson' });
    const last = JSON.parse(res2.body.trim().split('\n').at(-1)!);
    expect(last.type).toBe('problem');
    expect(last.problem).toMatchObject({ code: 'import_invalid', status: 422 });
    expect(last.problem.errors).toHaveLength(6);
  });

  it('exports people and units in the template’s layout; the export imports into another body', async () => {
    const { staff, leader, body } = await createTenant(t.db);
    const c = await signIn(t.app, staff);
    await createUnit(t.db, body.id, { name: '财政经济委员会' });
    const file = await fillTemplate(await template(c), {
      people: [
        {
          姓名: '周建国',
          性别: '男',
          出生日期: '1965-03-04',
          手机: '13900000001',
          身份: '人大代表',
          代表层级: '市人大代表',
        },
        {
          姓名: '周建国',
          手机: '13900000001',
          身份: '常委会组成人员',
          所属单位: '财政经济委员会',
          单位职务: '委员',
        },
        { 姓名: '吴晓', 工作单位: '江门市第一中学', 备注: '无' },
      ],
    });
    expect((await upload(c, file)).statusCode).toBe(200);

    const res = await (await signIn(t.app, leader)).get('/api/v1/people/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const rows = await readBack(res.rawPayload, '人员');
    expect(rows).toHaveLength(3);
    expect(rows).toContainEqual(
      expect.objectContaining({
        姓名: '周建国',
        性别: '男',
        手机: '13900000001',
        身份: '人大代表',
        代表层级: '市人大代表',
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        姓名: '周建国',
        身份: '常委会组成人员',
        所属单位: '财政经济委员会',
        单位职务: '委员',
      }),
    );
    expect(rows.find((r) => r.姓名 === '周建国')?.出生日期).toEqual(new Date(Date.UTC(1965, 2, 4)));
    expect(rows).toContainEqual({ 姓名: '吴晓', 工作单位: '江门市第一中学', 备注: '无' });

    const filtered = await c.get('/api/v1/people/export.xlsx?role=deputy');
    expect((await readBack(filtered.rawPayload, '人员')).map((r) => r.姓名)).toEqual(['周建国', '周建国']);

    const unitsRes = await c.get('/api/v1/units/export.xlsx');
    expect(unitsRes.statusCode).toBe(200);
    const unitRows = await readBack(unitsRes.rawPayload, '单位');
    expect(unitRows).toContainEqual(expect.objectContaining({ 名称: '财政经济委员会', 类别: '专门委员会' }));

    // Into another body: its units first (from the units export), then the people export.
    const other = await createTenant(t.db);
    const c2 = await signIn(t.app, other.staff);
    const units = await upload(c2, unitsRes.rawPayload);
    expect(units.statusCode, units.body).toBe(200);
    const again = await upload(c2, res.rawPayload);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ units: 0, people: 2, memberships: 2 });
    const zhou = (await c2.get(`/api/v1/people?q=zjg`)).json().items[0];
    expect(zhou.memberships.map((m: { role: string }) => m.role).sort()).toEqual([
      'committee_member',
      'deputy',
    ]);
  });

  it.skipIf(testEngine() !== 'pglite')(
    'works from the command line: template, import with errors, import, export',
    { timeout: 240_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'yiting-cli-import-'));
      const bin = resolve(import.meta.dirname, '../../bin/yiting.mjs');
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        YITING_DATA_DIR: join(dir, 'data'),
        YITING_ADMIN_PASSWORD: 'Cli-Test-1',
        LANG: 'zh_CN.UTF-8',
      };
      delete env.DATABASE_URL;
      const run = (...args: string[]) =>
        spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 120_000 });
      try {
        // A body to import into, made directly (the whole demo would take a minute).
        const seeded = await openDatabase({ dataDir: join(dir, 'data') });
        await seeded.migrate();
        await createBody(seeded.db, { name: '江门市人民代表大会常务委员会' });
        await seeded.close();
        const tpl = join(dir, 'template.xlsx');
        const made = run('import', '--template', tpl);
        expect(made.status, made.stderr).toBe(0);
        const templateBuf = readFileSync(tpl);
        const bodyName = '江门市人民代表大会常务委员会';

        const badFile = join(dir, 'bad.xlsx');
        writeFileSync(badFile, await fillTemplate(templateBuf, { people: BAD_ROWS }));
        const bad = run('import', badFile, '--body', bodyName);
        expect(bad.status).toBe(1);
        expect(bad.stdout).toMatch(/工作表\s+行\s+列\s+原因/);
        expect(bad.stdout).toMatch(/人员\s+4\s+出生日期\s+日期格式应为 YYYY-MM-DD/);
        expect(bad.stdout).toMatch(/人员\s+9\s+姓名\s+必填/);
        expect(bad.stderr).toContain('未导入任何数据');

        const goodFile = join(dir, 'good.xlsx');
        writeFileSync(
          goodFile,
          await fillTemplate(templateBuf, {
            units: [{ 名称: '命令行导入测试专班', 类别: '工作专班' }],
            people: [
              { 姓名: '命令甲', 手机: '13700000001', 身份: '工作人员', 所属单位: '命令行导入测试专班' },
              { 姓名: '命令乙', 手机: '13700000002' },
            ],
          }),
        );
        const good = run('import', goodFile, '--body', bodyName);
        expect(good.status, good.stderr).toBe(0);
        expect(good.stdout).toContain('单位 1 个，人员 2 人，任职 1 条');

        const out = join(dir, 'export.xlsx');
        const exported = run('export', out, '--body', bodyName);
        expect(exported.status, exported.stderr).toBe(0);
        const rows = await readBack(readFileSync(out), '人员');
        expect(rows).toContainEqual(
          expect.objectContaining({ 姓名: '命令甲', 所属单位: '命令行导入测试专班' }),
        );
        expect((await readBack(readFileSync(out), '单位')).map((r) => r.名称)).toContain(
          '命令行导入测试专班',
        );

        const unknown = run('import', goodFile, '--body', '不存在的机关');
        expect(unknown.status).toBe(1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
