import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { canRun, signIn, useBrowser } from './session.ts';

describe.skipIf(!canRun)('people import', () => {
  const b = useBrowser();
  const dir = mkdtempSync(join(tmpdir(), 'yiting-e2e-xlsx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every bad row of a bad file, and imports nothing', async () => {
    // A real workbook, read back by the server's real parser: a people sheet with three faults.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    ws.addRow(['姓名', '性别', '手机', '身份', '代表层级']);
    ws.addRow(['张3丰', '男', '13800000000', '人大代表', '市人大代表']);
    ws.addRow(['李四海', '不详', '13800000001', '人大代表', '']);
    const file = join(dir, 'bad.xlsx');
    await wb.xlsx.writeFile(file);

    const { page } = b;
    await signIn(page, 'staff');
    await page.goto('/people');
    const countBefore = await page.evaluate(async () => {
      const r = await fetch('/api/v1/people?limit=1&q=lisihai');
      return ((await r.json()) as { items: unknown[] }).items.length;
    });
    await page.getByRole('button', { name: '导入' }).click();
    await page.locator('.ant-modal input[type=file]').setInputFiles(file);
    await page.getByTestId('import-start').click();

    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    await errors.getByText('导入文件有错误，未导入任何数据').waitFor();
    const rows = errors.locator('.ant-table-row');
    const texts = await rows.allTextContents();
    expect(texts.length).toBeGreaterThanOrEqual(3);
    // Each error names its sheet and row: 张3丰 is row 2 (bad name), 李四海 row 3 (gender, level).
    expect(texts.every((t) => t.startsWith('人员'))).toBe(true);
    expect(texts.some((t) => t.startsWith('人员2'))).toBe(true);
    expect(texts.filter((t) => t.startsWith('人员3')).length).toBeGreaterThanOrEqual(2);
    expect(texts.join('\n')).toContain('人大代表须填写代表层级');

    const countAfter = await page.evaluate(async () => {
      const r = await fetch('/api/v1/people?limit=1&q=lisihai');
      return ((await r.json()) as { items: unknown[] }).items.length;
    });
    expect(countAfter).toBe(countBefore);
  });
});
