import ExcelJS from 'exceljs';
import {
  type ColumnDef,
  choices,
  FIRST_DATA_ROW,
  GUIDE_SHEET,
  type PersonColumn,
  SHEETS,
  type SheetKey,
  type UnitColumn,
} from './columns.ts';

/** A cell to write: text, or a date as YYYY-MM-DD (written as a real Excel date). */
export type OutValue = string | null | undefined;
export type UnitOutRow = Partial<Record<UnitColumn, OutValue>>;
export type PersonOutRow = Partial<Record<PersonColumn, OutValue>>;

export interface WorkbookData {
  units?: UnitOutRow[];
  people?: PersonOutRow[];
}

/** Drop-downs reach at least this many rows below the headers, and 1,000 past the last written row. */
const VALIDATION_ROWS = 5000;

const GUIDE: [string, string][] = [
  [
    '本模板用于导入单位和人员。“单位”表和“人员”表可以只填其中一个。',
    'This template imports units and people. Either sheet may be left empty.',
  ],
  [
    '第 1 行是中文表头，第 2 行是英文表头，请从第 3 行开始填写，不要改动表头。',
    'Row 1 holds the Chinese headers, row 2 the English ones; fill in from row 3 and keep the headers.',
  ],
  [
    '带 * 的列必填。类别、性别、身份、代表层级请从下拉列表中选择。',
    'Columns marked * are required. Pick kind, gender, role and deputy level from the drop-down lists.',
  ],
  [
    '日期写作 1970-01-31，也可写 1970/1/31、1970年1月31日 或 19700131。',
    'Dates are written 1970-01-31 (1970/1/31, 1970年1月31日 and 19700131 are also accepted).',
  ],
  [
    '人大代表须填代表层级；政协委员须填界别；任职结束不能早于任职开始。',
    'A deputy needs a deputy level; a CPPCC member needs a sector; the end date cannot precede the start date.',
  ],
  [
    '同一人有多个身份时，每个身份填一行：姓名和手机相同的行合并为同一人；没有手机的，除任职信息外各列完全相同的行视为同一人。',
    'A person with several roles takes one row per role: rows with the same name and mobile are merged into one person; without a mobile, rows whose personal columns are all equal are.',
  ],
  [
    '所属单位、上级单位填单位名称：本机关已有的单位、本文件“单位”表中的单位，或本地人民政府的部门。',
    'Unit and parent unit are unit names: a unit of the body, a unit of the Units sheet, or a department of the local government.',
  ],
  [
    '本机关已有的同名单位、姓名和手机都相同的人员会被报告为错误，以免重复导入。',
    'A unit whose name the body already uses, and a person with the same name and mobile as an existing one, are reported as errors so that nothing is imported twice.',
  ],
  [
    '文件中有任何错误时不会导入任何数据；系统会列出每一处错误（工作表、行、列、原因），改正后重新导入即可。',
    'If the file has any error nothing is imported; every error is listed (sheet, row, column, reason). Correct them and import again.',
  ],
];

function addGuide(wb: ExcelJS.Workbook) {
  const ws = wb.addWorksheet(GUIDE_SHEET);
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 100;
  ws.addRow(['', '填写说明 Instructions']).font = { bold: true, size: 14 };
  GUIDE.forEach(([zh, en], i) => {
    const r = ws.addRow([i + 1, `${zh}\n${en}`]);
    r.alignment = { wrapText: true, vertical: 'top' };
    r.height = 36;
  });
}

function addSheet<K extends string>(
  wb: ExcelJS.Workbook,
  key: SheetKey,
  columns: readonly ColumnDef<K>[],
  rows: Partial<Record<K, OutValue>>[],
) {
  const ws = wb.addWorksheet(SHEETS[key].zh, { views: [{ state: 'frozen', ySplit: FIRST_DATA_ROW - 1 }] });
  const zh = ws.getRow(1);
  const en = ws.getRow(2);
  const lastValidationRow = Math.max(
    FIRST_DATA_ROW + VALIDATION_ROWS - 1,
    FIRST_DATA_ROW + rows.length + 1000,
  );
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    // Text format keeps phone numbers and leading zeros as typed; dates get a date format.
    col.numFmt = c.kind === 'date' ? 'yyyy-mm-dd' : '@';
    const h = zh.getCell(i + 1);
    h.value = c.required ? `${c.zh}*` : c.zh;
    h.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
    h.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    h.note = `${c.hint.zh}\n${c.hint.en}`;
    const e = en.getCell(i + 1);
    e.value = c.en;
    e.font = { italic: true, color: { argb: 'FF7F7F7F' }, size: 9 };
    if (c.group) {
      const letter = col.letter;
      const list = choices(c.group);
      // exceljs 4.4 writes range validations but its typings do not declare `dataValidations`.
      (
        ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
      ).dataValidations.add(`${letter}${FIRST_DATA_ROW}:${letter}${lastValidationRow}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: c.zh,
        error: `请从下拉列表中选择：${list.join('、')}`,
      });
    }
  });
  for (const r of rows) {
    ws.addRow(
      columns.map((c) => {
        const v = r[c.key];
        if (v === null || v === undefined || v === '') return null;
        // A date is written as a date (UTC midnight is how exceljs encodes a day).
        return c.kind === 'date' ? new Date(`${v}T00:00:00Z`) : v;
      }),
    );
  }
  return ws;
}

/**
 * The import template, filled with rows when exporting. The same layout both ways is what lets an
 * exported file be imported again.
 */
export async function writeWorkbook(data: WorkbookData = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '议厅 Yiting';
  wb.created = new Date();
  addGuide(wb);
  addSheet(wb, 'units', SHEETS.units.columns, data.units ?? []);
  addSheet(wb, 'people', SHEETS.people.columns, data.people ?? []);
  // Open an export on its data; open the empty template on the instructions.
  const active = data.people?.length ? 2 : data.units?.length ? 1 : 0;
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: 'visible' },
  ];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
