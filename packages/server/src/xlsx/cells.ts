import type { CellValue } from 'exceljs';

/**
 * Plain text of a cell as the clerk sees it. Excel hands back rich text, hyperlinks (e-mail addresses
 * become links by themselves), formulas and numbers; phone numbers typed into a number cell must not
 * turn into 1.38e10.
 */
export function cellText(v: CellValue | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'object') {
    if ('richText' in v) return cellText(v.richText.map((r) => r.text).join(''));
    if ('text' in v && typeof v.text === 'string') return cellText(v.text);
    if ('result' in v) return cellText(v.result as CellValue);
    if ('error' in v) return String(v.error);
  }
  return undefined;
}

function isoDate(d: Date): string {
  // exceljs turns a date serial into UTC midnight of that day.
  return d.toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel's day 0 is 1899-12-30 (with the 1900 leap-year bug folded in). */
function fromSerial(serial: number): string {
  return isoDate(new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000));
}

/**
 * A date column's value as YYYY-MM-DD, or `invalid`. Accepts real Excel dates, date serials in
 * unformatted cells, and what clerks type: 1970-1-2, 1970/1/2, 1970.1.2, 1970年1月2日, 19700102.
 * Impossible days (2025-02-30) are left to the shared schema to refuse.
 */
export function cellDate(v: CellValue | undefined): string | undefined | 'invalid' {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'invalid' : isoDate(v);
  if (typeof v === 'number') {
    if (v >= 19000101 && v <= 21001231 && Number.isInteger(v)) return cellDate(String(v));
    if (v >= 1 && v < 80_000) return fromSerial(v);
    return 'invalid';
  }
  if (typeof v === 'object' && 'result' in v) return cellDate(v.result as CellValue);
  const text = cellText(v);
  if (!text) return undefined;
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return 'invalid';
  return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
}
