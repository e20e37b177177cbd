import type { Locale } from '@yiting/domain';
import ExcelJS from 'exceljs';

/** One column of an exported table: its headings and how a row's cell is written (a Date as a day). */
export type TableColumn<T> = { zh: string; en: string; width: number; value: (r: T, l: Locale) => unknown };

/** Row 1 title, row 2 what was exported, row 3 headers, data from row 4 (ledger, key proposals, lists). */
export const TABLE_HEADER_ROW = 3;

export const lbl = (x: { zh: string; en: string }, l: Locale) => (l === 'en-US' ? x.en : x.zh);
export const joinList = (xs: (string | null | undefined)[], l: Locale) =>
  xs.filter(Boolean).join(l === 'en-US' ? '; ' : '；') || null;
/** A YYYY-MM-DD (or the day of a timestamp) as an Excel date. */
export const day = (s: string | null | undefined) => (s ? new Date(`${s.slice(0, 10)}T00:00:00Z`) : null);
/** The Asia/Shanghai day of an ISO timestamp, as an Excel date. */
export const cstDay = (iso: string | null | undefined) =>
  iso ? day(new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString()) : null;

/** The summary line's usual parts: export date, count, filters, and a word when the rows were cut short. */
export function tableInfo(opts: {
  locale: Locale;
  exportedOn: string;
  count: number;
  noun: { zh: string; en: string };
  filters?: string[];
  truncated?: boolean;
}): string[] {
  const en = opts.locale === 'en-US';
  const colon = en ? ': ' : '：';
  const filters = opts.filters ?? [];
  return [
    `${en ? 'Exported on' : '导出日期'}${colon}${opts.exportedOn}`,
    `${lbl(opts.noun, opts.locale)}${colon}${opts.count}`,
    ...(filters.length ? [`${en ? 'Filters' : '筛选条件'}${colon}${filters.join(en ? ', ' : '，')}`] : []),
    ...(opts.truncated
      ? [
          en
            ? `only the first ${opts.count} rows; narrow the filters`
            : `仅列出前${opts.count}项，请缩小筛选范围`,
        ]
      : []),
  ];
}

/**
 * A one-sheet table in the layout every exported list shares: a title, a summary line, bold headers with
 * a filter, a numbered bordered row per item (dates as dates), frozen on the headers and the first column.
 */
export async function tableWorkbook<T>(opts: {
  sheet: string;
  title: string;
  info: string[];
  columns: TableColumn<T>[];
  rows: T[];
  locale: Locale;
  /** Extra styling of a written row (a warning in its colour). */
  style?: (row: ExcelJS.Row, r: T) => void;
}): Promise<Buffer> {
  const { rows, locale, columns } = opts;
  const en = locale === 'en-US';
  const wb = new ExcelJS.Workbook();
  wb.creator = '议厅 Yiting';
  wb.created = new Date();
  const ws = wb.addWorksheet(opts.sheet.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: TABLE_HEADER_ROW, xSplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const cols = [{ zh: '序号', en: 'No.', width: 6 }, ...columns];
  cols.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  const last = ws.getColumn(cols.length).letter;

  ws.mergeCells(`A1:${last}1`);
  const title = ws.getCell('A1');
  title.value = opts.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.mergeCells(`A2:${last}2`);
  ws.getCell('A2').value = opts.info.join(en ? '; ' : '；');
  ws.getCell('A2').font = { color: { argb: 'FF595959' } };

  const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
  const border = { top: thin, bottom: thin, left: thin, right: thin };
  const header = ws.getRow(TABLE_HEADER_ROW);
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = en ? c.en : c.zh;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
  });
  header.height = 24;
  ws.autoFilter = {
    from: { row: TABLE_HEADER_ROW, column: 1 },
    to: { row: TABLE_HEADER_ROW, column: cols.length },
  };

  rows.forEach((r, i) => {
    const row = ws.addRow([i + 1, ...columns.map((c) => c.value(r, locale) ?? null)]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = border;
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
    opts.style?.(row, r);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
