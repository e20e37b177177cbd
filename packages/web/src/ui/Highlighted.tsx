import type { ItemHighlights, TextRange } from '@yiting/domain';
import { Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

const MARK: CSSProperties = { background: '#ffe58f', color: 'inherit', padding: 0, borderRadius: 2 };

/** Sorted, with overlapping or touching ranges joined, inside the text. */
function normalised(ranges: readonly TextRange[], length: number): TextRange[] {
  const out: TextRange[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const start = Math.max(0, r.start);
    const end = Math.min(length, r.end);
    if (end <= start) continue;
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

/**
 * A text with some ranges marked: a search's matches, the passages two items share. The ranges are
 * UTF-16 offsets as the server gives them (docs/search.md); nothing is parsed as HTML.
 */
export function HighlightedText({ text, ranges }: { text: string; ranges: readonly TextRange[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const r of normalised(ranges, text.length)) {
    if (r.start > at) parts.push(text.slice(at, r.start));
    parts.push(
      <mark key={r.start} style={MARK}>
        {text.slice(r.start, r.end)}
      </mark>,
    );
    at = r.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/** A list row stays a row: the cuts show in three lines at most. */
const SNIPPETS: CSSProperties = {
  marginTop: 4,
  fontSize: 12,
  lineHeight: 1.6,
  display: '-webkit-box',
  WebkitLineClamp: 3,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
};

/** Where a list search matched the content: up to three cuts, “…” where text was left out. */
export function SearchSnippets({ highlights }: { highlights?: ItemHighlights | undefined }) {
  if (!highlights?.content.length) return null;
  return (
    <div style={SNIPPETS} data-testid="search-snippets">
      <Typography.Text type="secondary">
        {highlights.content.map((cut) => (
          <span key={cut.offset} style={{ marginInlineEnd: 8 }}>
            {cut.truncatedStart ? '…' : ''}
            <HighlightedText text={cut.text} ranges={cut.ranges} />
            {cut.truncatedEnd ? '…' : ''}
          </span>
        ))}
      </Typography.Text>
    </div>
  );
}

/** A list row's title with the search's matches marked (as it is when the list was not searched). */
export function SearchHit({ title, highlights }: { title: string; highlights?: ItemHighlights | undefined }) {
  return highlights ? <HighlightedText text={title} ranges={highlights.title} /> : title;
}
