import { Readable } from 'node:stream';
import ExcelJS, { type CellValue } from 'exceljs';
import { AppError } from '../errors.ts';
import { type ColumnDef, columnOfHeader, normaliseHeader, SHEETS, type SheetKey } from './columns.ts';

/** One problem found in the file, before localisation: `column` is a column key, `code` a message code. */
export interface RawImportError {
  sheet: SheetKey;
  /** The sheet's name as written in the file. */
  sheetName: string;
  row: number;
  column: string;
  code: string;
  params?: Record<string, string | number>;
}

export interface DataRow<K extends string> {
  /** The row number Excel shows. */
  row: number;
  cells: Partial<Record<K, CellValue>>;
}

export interface ReadSheet<K extends string> {
  name: string;
  rows: DataRow<K>[];
}

export interface ReadWorkbook {
  units?: ReadSheet<string>;
  people?: ReadSheet<string>;
  errors: RawImportError[];
}

/** More rows than this in one sheet is refused rather than read (a bound on memory and time). */
export const MAX_ROWS = 50_000;
/** Headers are looked for in the first rows only. */
const HEADER_SEARCH_ROWS = 10;

export type ReadProgress = (done: number, total: number) => void;

const isXlsx = (buf: Uint8Array) =>
  buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;

/** Checks content, not name: an .xlsx is a zip archive. Anything else is a 415. */
export function assertXlsx(buf: Uint8Array) {
  if (!isXlsx(buf)) throw new AppError('unsupported_media_type', 'not an .xlsx file');
}

class TooManyRows extends Error {}

/** Feeds the buffer in slices and counts what the unzipper has taken: that is the parse progress. */
function countingStream(buf: Buffer, onRead: (bytes: number) => void): Readable {
  let offset = 0;
  const slice = 256 * 1024;
  return new Readable({
    read() {
      if (offset >= buf.length) {
        this.push(null);
        return;
      }
      const end = Math.min(buf.length, offset + slice);
      this.push(buf.subarray(offset, end));
      offset = end;
      onRead(offset);
    },
  });
}

function rowTexts(values: CellValue[]): string[] {
  return values.map((v) =>
    typeof v === 'string'
      ? v
      : v && typeof v === 'object' && 'richText' in v
        ? v.richText.map((r) => r.text).join('')
        : '',
  );
}

/** Column number → column key, from a header row; undefined if the row holds no known header. */
function headerMap<K extends string>(columns: readonly ColumnDef<K>[], values: CellValue[]) {
  const map = new Map<number, K>();
  rowTexts(values).forEach((text, i) => {
    const key = text ? columnOfHeader(columns, text) : undefined;
    if (key && ![...map.values()].includes(key)) map.set(i, key);
  });
  return map;
}

function sheetOfName(name: string): SheetKey | undefined {
  const n = normaliseHeader(name);
  for (const key of Object.keys(SHEETS) as SheetKey[]) {
    const s = SHEETS[key];
    if (normaliseHeader(s.zh) === n || normaliseHeader(s.en) === n) return key;
  }
  return undefined;
}

/** A sheet named otherwise (or whose name the reader cannot see) is recognised by its headers. */
function sheetOfHeaders(values: CellValue[]): SheetKey | undefined {
  const people = headerMap(SHEETS.people.columns, values);
  if ([...people.values()].includes('name') && people.size >= 3) return 'people';
  const units = headerMap(SHEETS.units.columns, values);
  if ([...units.values()].includes('kind') && [...units.values()].includes('name')) return 'units';
  return undefined;
}

function isEmpty(values: CellValue[]) {
  return values.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));
}

/**
 * Reads the 单位 and 人员 sheets with exceljs's streaming reader: it does not expand data validations
 * (a whole-column drop-down would otherwise become a million objects), keeps memory to the rows, and
 * lets the caller report progress while it reads.
 */
export async function readWorkbook(buf: Buffer, onProgress?: ReadProgress): Promise<ReadWorkbook> {
  assertXlsx(buf);
  let bytes = 0;
  const input = countingStream(buf, (n) => {
    bytes = n;
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const result: ReadWorkbook = { errors: [] };
  let lastReport = 0;
  try {
    for await (const ws of reader) {
      const worksheet = ws as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
      const name = worksheet.name;
      let key = sheetOfName(name);
      let header: Map<number, string> | undefined;
      let headerRow = 0;
      let sheet: ReadSheet<string> | undefined;
      for await (const row of worksheet) {
        const values = (row.values as CellValue[]) ?? [];
        if (!header) {
          // Not `break`: the streaming reader expects each sheet to be read to its end.
          if (row.number > HEADER_SEARCH_ROWS) continue;
          key ??= sheetOfHeaders(values);
          if (!key || result[key]) continue;
          const map = headerMap(SHEETS[key].columns, values);
          if (map.size === 0) continue;
          header = map;
          headerRow = row.number;
          sheet = { name, rows: [] };
          result[key] = sheet;
          continue;
        }
        if (isEmpty(values)) continue;
        // The template's second header line (English) is not data.
        if (row.number === headerRow + 1 && headerMap(SHEETS[key!].columns, values).size >= header.size / 2)
          continue;
        if (sheet!.rows.length >= MAX_ROWS) {
          result.errors.push({
            sheet: key!,
            sheetName: name,
            row: row.number,
            column: '',
            code: 'too_many_rows',
            params: { max: MAX_ROWS },
          });
          throw new TooManyRows();
        }
        const cells: Record<string, CellValue> = {};
        for (const [i, k] of header) if (values[i] !== undefined && values[i] !== null) cells[k] = values[i]!;
        sheet!.rows.push({ row: row.number, cells });
        if (onProgress && row.number - lastReport >= 1000) {
          lastReport = row.number;
          onProgress(bytes, buf.length);
        }
      }
      if (key && sheet) {
        const present = new Set(header!.values());
        for (const c of SHEETS[key].columns) {
          if (c.required && !present.has(c.key)) {
            result.errors.push({
              sheet: key,
              sheetName: name,
              row: headerRow,
              column: c.key,
              code: 'column_missing',
            });
          }
        }
      }
    }
  } catch (e) {
    input.destroy();
    if (e instanceof TooManyRows) return result;
    if (e instanceof AppError) throw e;
    // Not a workbook after all (a zip of something else, or a damaged file).
    throw new AppError('unsupported_media_type', 'not a readable .xlsx workbook');
  }
  onProgress?.(buf.length, buf.length);
  if (!result.units && !result.people) {
    result.errors.push({
      sheet: 'people',
      sheetName: SHEETS.people.zh,
      row: 1,
      column: '',
      code: 'sheet_missing',
    });
  } else if (
    (result.units?.rows.length ?? 0) + (result.people?.rows.length ?? 0) === 0 &&
    result.errors.length === 0
  ) {
    result.errors.push({
      sheet: result.people ? 'people' : 'units',
      sheetName: (result.people ?? result.units)!.name,
      row: 1,
      column: '',
      code: 'file_empty',
    });
  }
  return result;
}
