import type { Block } from './gbt9704.ts';

/** The wording shared by the generated documents: dates, numerals, titles and paragraphs. */

/** Parts of a date in China (documents are dated where they are issued). */
export function cstParts(d: Date) {
  const s = new Date(d.getTime() + 8 * 3_600_000).toISOString();
  return { y: Number(s.slice(0, 4)), m: Number(s.slice(5, 7)), d: Number(s.slice(8, 10)) };
}

/** 2025年8月12日: Arabic numerals without leading zeros (GB/T 9704 §7.3.5). */
export function chineseDate(date: Date | string): string {
  const p =
    typeof date === 'string'
      ? { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) }
      : cstParts(date);
  return `${p.y}年${p.m}月${p.d}日`;
}

const CN_NUMBERS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 16 → 十六, 7 → 七, 20 → 二十: as terms and sessions are counted (届, 次), 1–99. */
export function chineseNumber(n: number): string {
  if (n <= 10) return CN_NUMBERS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_NUMBERS[tens]}十${ones ? CN_NUMBERS[ones] : ''}`;
}

export const stripEnd = (s: string) => s.trim().replace(/[。；;，,.!！]+$/, '');

/** 《…》 around a title; title marks inside it become 〈〉, as nested title marks are written. */
export const bookTitle = (t: string) => `《${stripEnd(t).replace(/《/g, '〈').replace(/》/g, '〉')}》`;

/** A text's lines as body paragraphs, blank lines dropped. */
export function paragraphs(text: string): Block[] {
  return text
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({ kind: 'p', text: t }));
}
