import type { ListLink } from '@yiting/domain';

/** The web route of a figure's list: the same path and query the API answered (docs/statistics.md). */
export const listHref = (link: ListLink) => `${link.path}?${new URLSearchParams(link.query).toString()}`;

/** A rate in [0, 1] as a percentage with one decimal, or a dash when nothing was counted. */
export const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
