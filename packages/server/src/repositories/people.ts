import { escapeLike, normaliseQuery } from '@yiting/domain';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { memberships, people, units } from '../db/schema.ts';

export type PersonRow = typeof people.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect & { unitName: string | null };

export interface PeopleFilter {
  bodyId: string;
  q?: string | undefined;
  role?: string | undefined;
  deputyLevel?: string | undefined;
  sector?: string | undefined;
  unitId?: string | undefined;
}

function peopleWhere(f: PeopleFilter) {
  const q = f.q ? normaliseQuery(f.q) : '';
  const m = memberships;
  const membershipFilter =
    f.role || f.deputyLevel || f.sector || f.unitId
      ? sql`exists (select 1 from ${m} where ${m.bodyId} = ${f.bodyId} and ${m.personId} = ${people.id}
          ${f.role ? sql`and ${m.role} = ${f.role}` : sql``}
          ${f.deputyLevel ? sql`and ${m.deputyLevel} = ${f.deputyLevel}` : sql``}
          ${f.sector ? sql`and ${m.sector} = ${f.sector}` : sql``}
          ${f.unitId ? sql`and ${m.unitId} = ${f.unitId}` : sql``})`
      : undefined;
  return and(
    eq(people.bodyId, f.bodyId),
    q ? sql`${people.searchText} like ${`%${escapeLike(q)}%`}` : undefined,
    membershipFilter,
  );
}

export async function listPeople(db: Db, f: PeopleFilter & { after?: string | undefined; limit: number }) {
  return db
    .select()
    .from(people)
    .where(and(peopleWhere(f), f.after ? gt(people.id, f.after) : undefined))
    .orderBy(asc(people.id))
    .limit(f.limit + 1);
}

export async function findPerson(db: Db, bodyId: string, id: string) {
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.bodyId, bodyId), eq(people.id, id)));
  return row;
}

export async function membershipsOf(db: Db, bodyId: string, personIds: string[]): Promise<MembershipRow[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .select({ m: memberships, unitName: units.name })
    .from(memberships)
    .leftJoin(units, eq(units.id, memberships.unitId))
    .where(and(eq(memberships.bodyId, bodyId), inArray(memberships.personId, personIds)))
    .orderBy(asc(memberships.id));
  return rows.map((r) => ({ ...r.m, unitName: r.unitName }));
}
