import { pinyin } from 'pinyin-pro';

/**
 * Text that a person or unit is found by: the name itself, its full pinyin without tones and spaces
 * (凌传茂 → lingchuanmao) and the initials (lcm), plus any extra words. Lower-case, space-separated.
 * Matching is a substring test, so `lcm`, `lingchuan` and `传茂` all find 凌传茂.
 */
export function searchText(name: string, ...extra: (string | null | undefined)[]): string {
  const full = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/\s+/g, '')
    .toLowerCase();
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/\s+/g, '')
    .toLowerCase();
  return [name.toLowerCase(), full, initials, ...extra.filter(Boolean).map((s) => String(s).toLowerCase())]
    .join(' ')
    .trim();
}

/** Normalises what a user typed into the search box. */
export function normaliseQuery(q: string): string {
  return q.trim().toLowerCase().replace(/\s+/g, '');
}

/** Escapes LIKE metacharacters so a query is matched literally. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
