import { type Party, type Permission, roleAllows } from '@yiting/domain';
import { eq, or, type SQL, sql } from 'drizzle-orm';
import { itemSigners, itemUnits, trackedItems } from '../db/schema.ts';
import type { Actor } from '../plugins/auth.ts';

export interface ItemUnitRef {
  unitId: string;
  role: string;
}

export const isOffice = (actor: Actor) => actor.roles.some((r) => r === 'admin' || r === 'staff');
const seesAll = (actor: Actor) =>
  actor.via === 'system' || actor.roles.some((r) => r === 'admin' || r === 'staff' || r === 'leader');

/** The parts the actor plays towards one item; the machine decides what each part may do. */
export function partiesOf(
  actor: Actor,
  item: { supervisorPersonId: string | null },
  units: ItemUnitRef[],
): Party[] {
  // The job runner, acting when a deadline passes, is the `system` party and nothing else.
  if (actor.via === 'system') return ['system'];
  const parties: Party[] = [];
  if (isOffice(actor)) parties.push('office');
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

/**
 * The parts towards a proposal or report. The office is whoever holds the type's manage permission (a
 * body may grant it differently). The proposer acts by their own account; the office too when it entered
 * the item on the author's behalf (a paper submission: it submits, and records the author's answers, for
 * them).
 */
export function authorParties(
  actor: Actor,
  manage: Permission,
  item: { proposerPersonId: string | null; supervisorPersonId: string | null; data: unknown },
  units: ItemUnitRef[],
  cosignerIds: readonly string[] = [],
): Party[] {
  const office = roleAllows(actor.roles, manage);
  const parties: Party[] = partiesOf(actor, item, units).filter((p) => p !== 'office');
  if (office) parties.unshift('office');
  const personId = actor.account.personId;
  const onBehalf = (item.data as { enteredOnBehalf?: boolean }).enteredOnBehalf === true;
  if ((personId && personId === item.proposerPersonId) || (onBehalf && office)) parties.push('proposer');
  if (personId && cosignerIds.includes(personId)) parties.push('cosigner');
  return parties;
}

/** Liaisons see only their unit's items; everyone else with the read permission sees the body's. */
export function unitScope(actor: Actor): string | null {
  return seesAll(actor) ? null : (actor.unitId ?? '00000000-0000-0000-0000-000000000000');
}

const assignedTo = (unitId: string) =>
  sql`exists (select 1 from ${itemUnits} iu where iu.item_id = ${trackedItems.id} and iu.unit_id = ${unitId})`;

/** Matters: the liaison's unit must be on the item. */
export function unitScopeSql(actor: Actor): SQL | null {
  const scope = unitScope(actor);
  return scope ? assignedTo(scope) : null;
}

/**
 * Proposals and reports: the office and leaders see the body's; a member or deputy their own (as
 * proposer or, with `signers`, as co-signer); a liaison what is assigned to their unit (with `units`).
 */
export function personalScopeSql(actor: Actor, opts: { signers: boolean; units: boolean }): SQL | null {
  if (seesAll(actor)) return null;
  const parts: SQL[] = [];
  if (opts.units && actor.roles.includes('liaison') && actor.unitId) parts.push(assignedTo(actor.unitId));
  const personId = actor.account.personId;
  if (personId) {
    parts.push(eq(trackedItems.proposerPersonId, personId));
    if (opts.signers)
      parts.push(
        sql`exists (select 1 from ${itemSigners} s where s.item_id = ${trackedItems.id} and s.person_id = ${personId})`,
      );
  }
  return parts.length ? or(...parts)! : sql`false`;
}
