import type { Party } from '@yiting/domain';
import type { Actor } from '../plugins/auth.ts';

export interface ItemUnitRef {
  unitId: string;
  role: string;
}

/** The parts the actor plays towards one item; the machine decides what each part may do. */
export function partiesOf(
  actor: Actor,
  item: { supervisorPersonId: string | null },
  units: ItemUnitRef[],
): Party[] {
  const parties: Party[] = [];
  if (actor.roles.includes('admin') || actor.roles.includes('staff')) parties.push('office');
  if (actor.roles.includes('leader')) parties.push('leader');
  if (actor.account.personId && actor.account.personId === item.supervisorPersonId)
    parties.push('supervisor');
  if (actor.roles.includes('liaison') && actor.unitId) {
    const mine = units.find((u) => u.unitId === actor.unitId);
    if (mine?.role === 'lead' || mine?.role === 'separate') parties.push('lead_unit');
    if (mine?.role === 'co') parties.push('co_unit');
  }
  return parties;
}

/** Liaisons see only their unit's items; everyone else with the read permission sees the body's. */
export function unitScope(actor: Actor): string | null {
  const office = actor.roles.some((r) => r === 'admin' || r === 'staff' || r === 'leader');
  return office ? null : (actor.unitId ?? '00000000-0000-0000-0000-000000000000');
}
