import { describe, expect, it } from 'vitest';
import { escapeLike, normaliseQuery, searchText } from '../src/search.ts';

describe('searchText', () => {
  it('holds the name, its full pinyin and its initials', () => {
    const text = searchText('凌传茂');
    for (const q of ['凌传茂', 'lingchuanmao', 'lcm', 'chuanmao', '传茂']) expect(text).toContain(q);
  });

  it('lower-cases extra words and skips empty ones', () => {
    expect(searchText('崔岩', 'ABC', null, undefined, '')).toBe('崔岩 cuiyan cy abc');
  });

  it('keeps non-Chinese names searchable', () => {
    expect(searchText('Anna Lee')).toContain('anna lee');
  });
});

describe('normaliseQuery / escapeLike', () => {
  it('removes spaces and lower-cases, so "Ling Chuan" matches the joined pinyin', () => {
    expect(normaliseQuery('  Ling Chuan ')).toBe('lingchuan');
  });
  it('escapes LIKE metacharacters', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
