import { AppError } from './errors.ts';

/** Opaque list cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** What each position of a cursor must hold; checked so a forged cursor is a 400, never a database error. */
export type CursorPart = 'uuid' | 'string' | 'int' | 'datetime';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function partOk(v: unknown, part: CursorPart): boolean {
  if (part === 'int') return Number.isSafeInteger(v);
  if (part === 'uuid') return typeof v === 'string' && UUID.test(v);
  if (part === 'datetime') return typeof v === 'string' && !Number.isNaN(Date.parse(v));
  return typeof v === 'string';
}

/** Decodes a cursor whose parts must be of `shape`. */
export function decodeCursor(
  cursor: string | undefined,
  shape: readonly CursorPart[],
): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === shape.length && shape.every((part, i) => partOk(v[i], part)))
      return v;
  } catch {
    // fall through to the error below: a bad cursor is the client's mistake, not ours
  }
  throw new AppError('bad_request', 'invalid cursor', [{ path: 'cursor', message: 'invalid_value' }]);
}

/** Takes limit+1 rows, returns the page and the cursor of its last row when more follow. */
export function page<T>(rows: T[], limit: number, key: (row: T) => unknown[]) {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(key(last)) : null };
}
