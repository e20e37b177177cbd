import type { Figure, ListLink } from '@yiting/domain';

// Option builders for the statistics' charts. Every bar and slice carries its figure's `link`, which the
// page's click handler opens (EChart passes the clicked item's data).

export const COLORS = {
  blue: '#1d5ba6',
  lightBlue: '#7fa7d9',
  green: '#389e0d',
  orange: '#d48806',
  red: '#cf1322',
  grey: '#8c8c8c',
  purple: '#722ed1',
  teal: '#13a8a8',
};

export interface Series {
  name: string;
  color: string;
  figures: Figure[];
}

/** The link of a clicked chart item, if it has one. */
export const linkOf = (data: unknown) => (data as { link?: ListLink } | undefined)?.link;

/** Height that keeps horizontal bars readable whatever the number of rows. */
export const barHeight = (rows: number, series = 1) => Math.max(160, 40 + rows * (10 + 12 * series));

/**
 * Bars, one series or several side by side: horizontal with the first row on top, or vertical columns
 * (for many short rows, e.g. sectors).
 */
export function barOption(rows: string[], series: Series[], vertical = false) {
  const legend = series.length > 1;
  const order = <T>(xs: T[]) => (vertical ? xs : [...xs].reverse());
  const values = { type: 'value', minInterval: 1 };
  const names = vertical
    ? {
        type: 'category',
        data: rows,
        axisLabel: { interval: 0, rotate: 40, width: 110, overflow: 'truncate' },
      }
    : { type: 'category', data: order(rows), axisLabel: { width: 170, overflow: 'truncate' } };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    ...(legend ? { legend: { top: 0 } } : {}),
    grid: { left: 8, right: vertical ? 8 : 36, top: legend ? 30 : 8, bottom: 8, containLabel: true },
    xAxis: vertical ? names : values,
    yAxis: vertical ? values : names,
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      barMaxWidth: 14,
      barGap: '10%',
      cursor: 'pointer',
      itemStyle: { color: s.color },
      label: { show: true, position: vertical ? 'top' : 'right', fontSize: 11 },
      data: order(s.figures).map((f) => ({ value: f.count, link: f.link })),
    })),
  };
}

export interface Slice {
  name: string;
  figure: Figure;
  color: string;
}

/** A ring of slices with their counts (a zero has no label), the legend below; the tooltip gives the share. */
export function pieOption(slices: Slice[], en: boolean) {
  return {
    tooltip: { trigger: 'item', formatter: en ? '{b}: {c} ({d}%)' : '{b}：{c}（{d}%）' },
    legend: { bottom: 0, itemGap: 8 },
    series: [
      {
        type: 'pie',
        // Room below for a legend of up to four lines (long English names wrap).
        radius: ['30%', '50%'],
        center: ['50%', '38%'],
        cursor: 'pointer',
        avoidLabelOverlap: true,
        label: { show: true, formatter: '{c}', fontWeight: 600 },
        labelLine: { length: 6, length2: 6 },
        data: slices.map((s) => ({
          name: s.name,
          value: s.figure.count,
          itemStyle: { color: s.color },
          link: s.figure.link,
          ...(s.figure.count ? {} : { label: { show: false }, labelLine: { show: false } }),
        })),
      },
    ],
  };
}
