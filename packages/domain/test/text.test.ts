import { describe, expect, it } from 'vitest';
import {
  bigrams,
  highlight,
  matchRanges,
  normaliseText,
  queryBigrams,
  queryTerms,
  sharedPassages,
} from '../src/text.ts';

const marked = (text: string, ranges: { start: number; end: number }[]) =>
  ranges.map((r) => text.slice(r.start, r.end));

describe('normaliseText', () => {
  it('folds full-width ASCII, the ideographic space and case; collapses whitespace', () => {
    expect(normaliseText('ＰＭ２．５　治理\n\n  ABC')).toBe('pm2.5 治理 abc');
  });

  it('lower-cases one character at a time, so offsets map back (Greek final sigma included)', () => {
    expect(normaliseText('ΟΔΟΣ')).toBe('οδοσ');
    expect(matchRanges('ΟΔΟΣ', 'δοσ')).toEqual([{ start: 1, end: 4 }]);
  });
});

describe('bigrams', () => {
  it('makes bigrams of CJK runs, across word boundaries', () => {
    expect(bigrams('新会陈皮产业')).toEqual(['新会', '会陈', '陈皮', '皮产', '产业']);
  });

  it('does not pair characters across punctuation or spaces, and keeps latin/digit words whole', () => {
    const b = bigrams('侨务、资源 5G基站，２０２５年ＡＩ应用');
    expect(b).toEqual(['侨务', '资源', '5g', '基站', '2025', 'ai', '应用']);
    expect(b).not.toContain('务资');
    expect(b).not.toContain('源5');
  });

  it('lists each lexeme once and drops lone characters and punctuation', () => {
    expect(bigrams('陈皮陈皮。县！')).toEqual(['陈皮', '皮陈']);
    expect(bigrams('')).toEqual([]);
    expect(bigrams('，。！')).toEqual([]);
  });

  it('handles characters outside the BMP as one character', () => {
    expect(bigrams('𠀀𠀁字')).toEqual(['𠀀𠀁', '𠀁字']);
  });
});

describe('queryBigrams', () => {
  it('splits on whitespace into terms, each with its bigrams', () => {
    expect(queryBigrams(' 陈皮  侨务资源 陈皮')).toEqual([
      { text: '陈皮', lexemes: [{ lexeme: '陈皮', prefix: false }] },
      {
        text: '侨务资源',
        lexemes: [
          { lexeme: '侨务', prefix: false },
          { lexeme: '务资', prefix: false },
          { lexeme: '资源', prefix: false },
        ],
      },
    ]);
  });

  it('matches latin words as prefixes at the edges of a term, whole inside it', () => {
    expect(queryBigrams('Energ')[0]!.lexemes).toEqual([{ lexeme: 'energ', prefix: true }]);
    expect(queryBigrams('〔2025〕3号')[0]!.lexemes).toEqual([
      { lexeme: '2025', prefix: false },
      { lexeme: '3', prefix: false },
    ]);
    expect(queryBigrams('江人〔2025〕3')[0]!.lexemes).toEqual([
      { lexeme: '江人', prefix: false },
      { lexeme: '2025', prefix: false },
      { lexeme: '3', prefix: true },
    ]);
  });

  it('gives no lexeme for one character, which is then confirmed by the substring test alone', () => {
    expect(queryBigrams('县')).toEqual([{ text: '县', lexemes: [] }]);
    expect(queryBigrams('%_')).toEqual([{ text: '%_', lexemes: [] }]);
    expect(queryTerms('   ')).toEqual([]);
  });
});

describe('highlight', () => {
  it('marks every occurrence of every term, in original offsets', () => {
    const text = '关于新会陈皮产业发展的建议：陈皮是侨乡特产';
    const ranges = matchRanges(text, '陈皮 侨乡');
    expect(marked(text, ranges)).toEqual(['陈皮', '陈皮', '侨乡']);
    expect(ranges[0]).toEqual({ start: 4, end: 6 });
  });

  it('maps full-width text back to what was written', () => {
    const text = '推进ＰＭ２．５治理';
    expect(marked(text, matchRanges(text, 'pm2.5'))).toEqual(['ＰＭ２．５']);
  });

  it('merges overlapping matches of different terms', () => {
    expect(matchRanges('新会陈皮产业', '新会陈 陈皮产')).toEqual([{ start: 0, end: 5 }]);
  });

  it('keeps a short text whole, one cut', () => {
    const [s, ...rest] = highlight('侨务资源丰富', '侨务', { width: 80 });
    expect(rest).toEqual([]);
    expect(s).toEqual({
      text: '侨务资源丰富',
      offset: 0,
      ranges: [{ start: 0, end: 2 }],
      truncatedStart: false,
      truncatedEnd: false,
    });
  });

  it('cuts a long text around the matches, at most max cuts', () => {
    const filler = '现代化产业体系建设'.repeat(20);
    const text = `${filler}新会陈皮${filler}陈皮产业${filler}陈皮村${filler}`;
    const cuts = highlight(text, '陈皮', { max: 2, width: 40 });
    expect(cuts).toHaveLength(2);
    for (const c of cuts) {
      expect(c.text.length).toBeLessThanOrEqual(42);
      expect(c.truncatedStart).toBe(true);
      expect(c.truncatedEnd).toBe(true);
      expect(marked(c.text, c.ranges)).toEqual(['陈皮']);
      expect(text.slice(c.offset, c.offset + c.text.length)).toBe(c.text);
    }
    expect(cuts[0]!.offset + cuts[0]!.ranges[0]!.start).toBe(text.indexOf('陈皮'));
  });

  it('returns nothing when nothing matches', () => {
    expect(highlight('侨务资源', '陈皮')).toEqual([]);
    expect(highlight('侨务资源', '')).toEqual([]);
  });
});

describe('sharedPassages', () => {
  it('finds the longest shared passages of at least four characters, with both places', () => {
    const a = '建议加快新会陈皮产业高质量发展，打造区域公用品牌。';
    const b = '关于推动新会陈皮产业高质量发展的提案：打造区域公用品牌，加强侨务资源对接。';
    const shared = sharedPassages(a, b);
    expect(shared.map((p) => p.text)).toEqual(['新会陈皮产业高质量发展', '打造区域公用品牌']);
    for (const p of shared) {
      expect(a.slice(p.a.start, p.a.end)).toBe(p.text);
      expect(b.slice(p.b.start, p.b.end)).toBe(p.text);
    }
  });

  it('ignores shorter coincidences and texts that share nothing', () => {
    expect(sharedPassages('陈皮产业', '陈皮种植')).toEqual([]);
    expect(sharedPassages('侨务资源', '')).toEqual([]);
  });

  it('leaves out the punctuation at the ends of a passage', () => {
    const [p] = sharedPassages('短缺等问题。建议打造区域品牌，', '仓储短缺。建议打造区域品牌。');
    expect(p!.text).toBe('建议打造区域品牌');
  });

  it('compares after full-width folding', () => {
    const [p] = sharedPassages('推进ＰＭ２．５治理工作', '推进PM2.5治理');
    expect(p!.text).toBe('推进ＰＭ２．５治理');
  });
});
