import { AppError } from './errors.ts';

/** Opaque list cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === arity) return v;
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
