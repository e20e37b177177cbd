import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS_HASH } from '../../src/audit.ts';

const entry = {
  bodyId: '01900000-0000-7000-8000-000000000001',
  seq: 1,
  at: new Date('2025-03-01T02:03:04.005Z'),
  actorId: null,
  actorName: '系统',
  action: 'person.create',
  targetType: 'person',
  targetId: 'p1',
  outcome: 'success',
  before: null,
  after: { name: '凌传茂', memberships: [{ role: 'deputy', level: 'city' }] },
  prevHash: GENESIS_HASH,
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined, so equal content is equal text', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('keeps arrays in order and writes scalars as JSON', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('引号"')).toBe('"引号\\""');
    expect(canonicalJson(1.5)).toBe('1.5');
  });
});

describe('entryHash', () => {
  it('is a SHA-256 hex digest, independent of key order', () => {
    const h = entryHash(entry);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    const reordered = Object.fromEntries(Object.entries(entry).reverse()) as typeof entry;
    expect(entryHash(reordered)).toBe(h);
    expect(entryHash({ ...entry, after: { memberships: entry.after.memberships, name: '凌传茂' } })).toBe(h);
  });

  it('changes with any field: content, time, sequence and the previous hash', () => {
    const h = entryHash(entry);
    const variants = [
      { ...entry, after: { ...entry.after, name: '凌传' } },
      { ...entry, at: new Date(entry.at.getTime() + 1) },
      { ...entry, seq: 2 },
      { ...entry, prevHash: 'f'.repeat(64) },
      { ...entry, actorName: null },
      { ...entry, outcome: 'failure' },
      { ...entry, before: {} },
    ];
    const hashes = new Set(variants.map(entryHash));
    expect(hashes.size).toBe(variants.length);
    expect(hashes.has(h)).toBe(false);
  });
});
