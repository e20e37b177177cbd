import { z } from 'zod';

/**
 * Chinese full-text search, the pure part (ARCHITECTURE §1): the text is indexed as character
 * bigrams of its CJK runs plus its latin/digit words, candidates found through the index are
 * confirmed by a substring test, and the matched ranges are returned for the UI to mark. A word
 * segmenter would miss substrings that cross word boundaries (新会陈皮产业 → 陈皮产), so it is
 * used only for similarity (server side), never for matching.
 *
 * All offsets are UTF-16 code units of the original text, as JavaScript strings index them.
 */

/** A half-open range [start, end) of a text. */
export interface TextRange {
  start: number;
  end: number;
}

/** A cut of a longer text around matches, with the matches relative to the cut. */
export interface Snippet {
  text: string;
  /** Where the cut starts in the whole text. */
  offset: number;
  ranges: TextRange[];
  /** Whether text was left out before / after the cut (the UI shows “…”). */
  truncatedStart: boolean;
  truncatedEnd: boolean;
}

/** One whitespace-separated part of a query: every term must occur in a match. */
export interface QueryTerm {
  /** The term normalised as the text is, for the substring test. */
  text: string;
  /** Index lexemes every text containing the term also contains; `prefix` for a word that may go on. */
  lexemes: { lexeme: string; prefix: boolean }[];
}

// Scripts written without spaces: indexed as bigrams.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}]/u;
/** A run of CJK characters, or of other letters and digits (one regex pass: this is the hot loop of indexing). */
const RUN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{N}])+/gu;
/** Longer words are cut: a lexeme has a size limit and nobody types 64 letters. */
const MAX_WORD = 64;

/**
 * Full-width ASCII (ＡＢＣ１２３，) to half-width, the ideographic space to a space, then lower case.
 * One code point at a time so offsets can be mapped back to the original.
 */
function normaliseChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0xff01 && cp <= 0xff5e) return String.fromCodePoint(cp - 0xfee0).toLowerCase();
  if (cp === 0x3000) return ' ';
  return ch.toLowerCase();
}

/** The normalised text and, for each of its code units, the original offset it came from. */
function normaliseMapped(text: string): { norm: string; map: number[] } {
  let norm = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = normaliseChar(ch);
    for (let k = 0; k < n.length; k++) map.push(i);
    norm += n;
    i += ch.length;
  }
  map.push(text.length);
  return { norm, map };
}

/** The text as it is stored for the substring test: normalised, whitespace runs as one space. */
export function normaliseText(text: string): string {
  // Whole-string lower-casing equals the per-character one of normaliseMapped except for the Greek
  // final sigma, which is context-dependent; that rare text takes the slow path.
  const norm = text.includes('Σ')
    ? normaliseMapped(text).norm
    : text
        .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
        .replace(/\u3000/g, ' ')
        .toLowerCase();
  return norm.replace(/\s+/g, ' ').trim();
}

type Run = { kind: 'cjk' | 'word'; chars: string[]; start: number; end: number };

/** Runs of CJK characters and of other letters/digits; punctuation and spaces separate runs. */
function runs(norm: string): Run[] {
  const out: Run[] = [];
  for (const m of norm.matchAll(RUN)) {
    const chars = Array.from(m[0]);
    out.push({
      kind: CJK.test(chars[0]!) ? 'cjk' : 'word',
      chars,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

function runLexemes(run: Run): string[] {
  if (run.kind === 'word') return [run.chars.slice(0, MAX_WORD).join('')];
  const out: string[] = [];
  for (let k = 0; k + 1 < run.chars.length; k++) out.push(run.chars[k]! + run.chars[k + 1]!);
  return out;
}

/**
 * The index lexemes of a text, each once: bigrams of its CJK runs (新会陈皮 → 新会 会陈 陈皮) and its
 * latin/digit words, lower-cased, full-width folded, punctuation dropped.
 */
export function bigrams(text: string): string[] {
  const set = new Set<string>();
  for (const run of runs(normaliseText(text))) for (const l of runLexemes(run)) set.add(l);
  return [...set];
}

/** The terms of a query: split on whitespace, normalised, empty ones dropped, duplicates once. */
export function queryTerms(q: string): string[] {
  return [...new Set(normaliseText(q).split(' ').filter(Boolean))];
}

/**
 * A query as terms with the lexemes the index must hold for each. Bigrams inside a term are exact;
 * a latin/digit word is matched as a prefix (`energ` finds energy) unless the term goes on after
 * it and before it (then it is a whole word). A term with no lexeme (one Chinese character) is
 * confirmed by the substring test alone.
 */
export function queryBigrams(q: string): QueryTerm[] {
  return queryTerms(q).map((text) => {
    const lexemes: QueryTerm['lexemes'] = [];
    for (const run of runs(text)) {
      if (run.kind === 'cjk') {
        for (const lexeme of runLexemes(run)) lexemes.push({ lexeme, prefix: false });
      } else {
        // Something on both sides within the term: the text's word ends where the term's does.
        const bounded = run.start > 0 && run.end < text.length;
        const word = run.chars.slice(0, MAX_WORD).join('');
        lexemes.push({ lexeme: word, prefix: !bounded || run.chars.length > MAX_WORD });
      }
    }
    const seen = new Set<string>();
    return {
      text,
      lexemes: lexemes.filter((l) => {
        const key = `${l.lexeme}${l.prefix ? '*' : ''}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
    };
  });
}

/** Merges overlapping or touching ranges, sorted. */
function mergeRanges(ranges: TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** Every place in `text` where a term of `q` occurs, in original offsets, merged and sorted. */
export function matchRanges(text: string, q: string): TextRange[] {
  const terms = queryTerms(q);
  if (terms.length === 0 || !text) return [];
  const { norm, map } = normaliseMapped(text);
  const found: TextRange[] = [];
  for (const term of terms) {
    for (let at = norm.indexOf(term); at >= 0; at = norm.indexOf(term, at + term.length)) {
      found.push({ start: map[at]!, end: map[at + term.length]! });
    }
  }
  return mergeRanges(found);
}

/** Moves an offset off the low half of a surrogate pair so a cut never splits a character. */
function safeOffset(text: string, i: number): number {
  if (i <= 0 || i >= text.length) return Math.max(0, Math.min(i, text.length));
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

/**
 * Cuts of `text` around the places where `q` occurs, at most `max` cuts of about `width`
 * characters, the matches marked by range. A text no longer than `width` is one cut. No match,
 * no cut.
 */
export function highlight(text: string, q: string, opts: { max?: number; width?: number } = {}): Snippet[] {
  const max = opts.max ?? 3;
  const width = opts.width ?? 80;
  const ranges = matchRanges(text, q);
  if (ranges.length === 0 || max <= 0) return [];
  const cuts: Snippet[] = [];
  let k = 0;
  while (k < ranges.length && cuts.length < max) {
    const first = ranges[k]!;
    // Some context before the first match, then as many matches as fit.
    let start = Math.max(0, first.start - Math.floor(width / 4));
    let end = Math.min(text.length, start + width);
    if (end - start < width) start = Math.max(0, end - width);
    start = safeOffset(text, start);
    end = Math.max(safeOffset(text, end), first.end);
    const inCut: TextRange[] = [];
    while (k < ranges.length && ranges[k]!.start < end) {
      const r = ranges[k]!;
      end = Math.max(end, r.end);
      inCut.push({ start: r.start - start, end: r.end - start });
      k++;
    }
    cuts.push({
      text: text.slice(start, end),
      offset: start,
      ranges: inCut,
      truncatedStart: start > 0,
      truncatedEnd: end < text.length,
    });
  }
  return cuts;
}

/** A letter or digit code unit; either half of a surrogate pair counts, so a trim never splits one. */
const wordUnit = (c: string) => WORD.test(c) || (c >= '\ud800' && c <= '\udfff');

/** A passage two texts share, with where it stands in each. */
export interface SharedPassage {
  /** The passage as written in the first text. */
  text: string;
  a: TextRange;
  b: TextRange;
}

/**
 * The passages of at least `min` characters that `a` and `b` share (after normalisation), longest
 * match first at each place of `a`, left to right, not overlapping in `a`. For the similar-item
 * view: the UI marks `a` ranges in one text and `b` ranges in the other.
 */
export function sharedPassages(
  a: string,
  b: string,
  opts: { min?: number; max?: number } = {},
): SharedPassage[] {
  const min = Math.max(2, opts.min ?? 4);
  const max = opts.max ?? 20;
  const A = normaliseMapped(a);
  const B = normaliseMapped(b);
  const na = A.norm;
  const nb = B.norm;
  if (na.length < min || nb.length < min) return [];
  // Where each min-gram of b starts; a capped list so repetitive text stays linear.
  const grams = new Map<string, number[]>();
  for (let j = 0; j + min <= nb.length; j++) {
    const g = nb.slice(j, j + min);
    const list = grams.get(g);
    if (!list) grams.set(g, [j]);
    else if (list.length < 32) list.push(j);
  }
  const found: { i: number; j: number; len: number }[] = [];
  let i = 0;
  while (i + min <= na.length) {
    const starts = grams.get(na.slice(i, i + min));
    let best = { j: -1, len: 0 };
    for (const j of starts ?? []) {
      let len = min;
      while (i + len < na.length && j + len < nb.length && na[i + len] === nb[j + len]) len++;
      if (len > best.len) best = { j, len };
    }
    if (best.len >= min) {
      // Shown without the punctuation and spaces at its ends; too short then, not shown at all.
      let [s, t, len] = [i, best.j, best.len];
      while (len > 0 && !wordUnit(na[s]!)) [s, t, len] = [s + 1, t + 1, len - 1];
      while (len > 0 && !wordUnit(na[s + len - 1]!)) len--;
      if (len >= min) found.push({ i: s, j: t, len });
      i += best.len;
    } else i++;
  }
  return found
    .sort((x, y) => y.len - x.len || x.i - y.i)
    .slice(0, max)
    .sort((x, y) => x.i - y.i)
    .map(({ i, j, len }) => {
      const ar = { start: A.map[i]!, end: A.map[i + len]! };
      return { text: a.slice(ar.start, ar.end), a: ar, b: { start: B.map[j]!, end: B.map[j + len]! } };
    });
}

// ---------------------------------------------------------------- wire schemas

export const TextRangeSchema = z.object({ start: z.number().int(), end: z.number().int() });

export const SnippetSchema = z.object({
  text: z.string(),
  offset: z.number().int(),
  ranges: z.array(TextRangeSchema),
  truncatedStart: z.boolean(),
  truncatedEnd: z.boolean(),
});

/** Where a list search matched an item: ranges of the whole title, cuts of the content. */
export const ItemHighlights = z.object({
  title: z.array(TextRangeSchema),
  content: z.array(SnippetSchema),
});
export type ItemHighlights = z.infer<typeof ItemHighlights>;

export const SharedPassageSchema = z.object({ text: z.string(), a: TextRangeSchema, b: TextRangeSchema });

/** An earlier item like the one under review; `a` ranges are in the reviewed item, `b` in this one. */
export const SimilarItem = z.object({
  id: z.uuid(),
  type: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  content: z.string(),
  state: z.string(),
  /** The session (届·次) of a proposal or suggestion; null for other types. */
  sessionTerm: z.number().int().nullable(),
  sessionMeeting: z.number().int().nullable(),
  createdAt: z.string(),
  /** Cosine similarity of the segmented words, 0–1. */
  score: z.number(),
  shared: z.object({ title: z.array(SharedPassageSchema), content: z.array(SharedPassageSchema) }),
});
export type SimilarItem = z.infer<typeof SimilarItem>;

export const SimilarQuery = z.object({ limit: z.coerce.number().int().min(1).max(20).default(5) });
export const SimilarList = z.object({ items: z.array(SimilarItem) });

/** The highlights of an item found by `q`: every match in the title, up to three cuts of the content. */
export function itemHighlights(item: { title: string; content: string }, q: string): ItemHighlights {
  return { title: matchRanges(item.title, q), content: highlight(item.content, q, { max: 3, width: 80 }) };
}
