import { label } from '@yiting/domain';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { listPeople, membershipsOf, type PeopleFilter } from '../repositories/people.ts';
import { listUnits, unitsByIds } from '../repositories/units.ts';
import type { PersonOutRow, UnitOutRow } from './write.ts';

/** An export is built in memory; past this many rows the caller must narrow the filters. */
export const EXPORT_MAX_ROWS = 50_000;
const PAGE = 1000;

const tooMany = () =>
  new AppError('bad_request', `more than ${EXPORT_MAX_ROWS} rows to export; narrow the filters`);

// Enumerated values are written with their Chinese labels, as the template's drop-downs offer them.
const zh = <G extends Parameters<typeof label>[0]>(group: G, v: string | null) =>
  v ? label(group, v as Parameters<typeof label<G>>[1], 'zh-CN') : null;

/**
 * People matching the list filters, one row per membership (a person without one gets one row), in
 * the template's layout: the import merges the rows back by name and mobile.
 */
export async function exportPeopleRows(db: Db, filter: PeopleFilter): Promise<PersonOutRow[]> {
  const out: PersonOutRow[] = [];
  let after: string | undefined;
  for (;;) {
    const rows = await listPeople(db, { ...filter, after, limit: PAGE });
    const pageRows = rows.slice(0, PAGE);
    const ms = await membershipsOf(
      db,
      filter.bodyId,
      pageRows.map((r) => r.id),
    );
    const byPerson = new Map<string, typeof ms>();
    for (const m of ms) byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), m]);
    for (const p of pageRows) {
      const base: PersonOutRow = {
        name: p.name,
        gender: zh('gender', p.gender),
        birthDate: p.birthDate,
        ethnicity: p.ethnicity,
        party: p.party,
        organization: p.organization,
        position: p.position,
        phone: p.phone,
        email: p.email,
        notes: p.notes,
      };
      const list = byPerson.get(p.id) ?? [];
      if (list.length === 0) out.push(base);
      for (const m of list) {
        out.push({
          ...base,
          role: zh('membershipRole', m.role),
          deputyLevel: zh('deputyLevel', m.deputyLevel),
          delegation: m.delegation,
          sector: m.sector,
          unit: m.unitName,
          title: m.title,
          startDate: m.startDate,
          endDate: m.endDate,
        });
      }
      if (out.length > EXPORT_MAX_ROWS) throw tooMany();
    }
    if (rows.length <= PAGE) break;
    after = pageRows[pageRows.length - 1]!.id;
  }
  return out;
}

/** This body's own units (shared government departments belong to their government's export). */
export async function exportUnitRows(
  db: Db,
  opts: { bodyId: string; kind?: string | undefined; q?: string | undefined },
): Promise<UnitOutRow[]> {
  const all = [];
  let after: [number, string] | undefined;
  for (;;) {
    const rows = await listUnits(db, { ...opts, sharedBodyIds: [], after, limit: PAGE });
    const pageRows = rows.slice(0, PAGE);
    all.push(...pageRows);
    if (all.length > EXPORT_MAX_ROWS) throw tooMany();
    if (rows.length <= PAGE) break;
    const last = pageRows[pageRows.length - 1]!;
    after = [last.sortOrder, last.id];
  }
  const names = new Map(all.map((u) => [u.id, u.name]));
  const missing = [
    ...new Set(all.map((u) => u.parentId).filter((id): id is string => !!id && !names.has(id))),
  ];
  for (const u of await unitsByIds(db, missing)) names.set(u.id, u.name);
  return all.map((u) => ({
    name: u.name,
    shortName: u.shortName,
    kind: zh('unitKind', u.kind),
    parent: u.parentId ? (names.get(u.parentId) ?? null) : null,
    phone: u.phone,
    address: u.address,
  }));
}
