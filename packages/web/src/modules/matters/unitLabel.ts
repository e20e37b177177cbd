import type { Unit } from '@yiting/domain';

/** A unit as pickers show it: the usual short form first (市科技局), the full name after. */
export function unitLabel(u: Pick<Unit, 'name' | 'shortName'>): string {
  return u.shortName && u.shortName !== u.name ? `${u.shortName}（${u.name}）` : u.name;
}
