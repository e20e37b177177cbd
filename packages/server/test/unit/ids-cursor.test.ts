import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, page } from '../../src/cursor.ts';
import { AppError } from '../../src/errors.ts';
import { newId } from '../../src/ids.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId (UUIDv7)', () => {
  it('makes RFC 9562 version 7 ids carrying the time', () => {
    const now = Date.UTC(2025, 0, 2, 3, 4, 5);
    const id = newId(now);
    expect(id).toMatch(UUID_V7);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(now);
  });

  it('sorts in creation order, also within one millisecond and if the clock steps back', () => {
    const ids = [...Array.from({ length: 500 }, () => newId(Date.now())), newId(Date.now() - 10_000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('cursors', () => {
  const id = '01900000-0000-7000-8000-00000000000a';

  it('round-trip the sort key', () => {
    expect(decodeCursor(encodeCursor([3, id]), ['int', 'uuid'])).toEqual([3, id]);
    expect(decodeCursor(encodeCursor(['x']), ['string'])).toEqual(['x']);
    expect(decodeCursor(encodeCursor(['2025-07-21T01:00:00.000Z', id]), ['datetime', 'uuid'])).toEqual([
      '2025-07-21T01:00:00.000Z',
      id,
    ]);
    expect(() => decodeCursor(encodeCursor(['not a date', id]), ['datetime', 'uuid'])).toThrow();
    expect(decodeCursor(undefined, ['uuid'])).toBeUndefined();
    expect(decodeCursor('', ['uuid'])).toBeUndefined();
  });

  it.each([
    ['not base64 JSON', '!!!', ['uuid']],
    ['not an array', encodeCursor({ id } as never), ['uuid']],
    ['wrong arity', encodeCursor([id, id]), ['uuid']],
    ['a string for an int', encodeCursor(['1', id]), ['int', 'uuid']],
    ['a fraction for an int', encodeCursor([1.5, id]), ['int', 'uuid']],
    ['not a uuid', encodeCursor(["1' or 1=1"]), ['uuid']],
    ['an object for a string', encodeCursor([{}]), ['string']],
  ] as const)('refuse %s with a 400 AppError', (_, cursor, shape) => {
    expect(() => decodeCursor(cursor, shape)).toThrowError(AppError);
    try {
      decodeCursor(cursor, shape);
    } catch (e) {
      expect((e as AppError).code).toBe('bad_request');
    }
  });

  it('page() takes limit+1 rows and gives a cursor only when more follow', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(page(rows, 2, (r) => [r.id])).toEqual({
      items: rows.slice(0, 2),
      nextCursor: encodeCursor(['b']),
    });
    expect(page(rows, 3, (r) => [r.id])).toEqual({ items: rows, nextCursor: null });
    expect(page([], 3, () => [])).toEqual({ items: [], nextCursor: null });
  });
});
