import { IdParams, listOf, Person, PersonInput, PersonListQuery, PersonPatch } from '@yiting/domain';
import type { TypedApp } from '../app.ts';
import { decodeCursor, page } from '../cursor.ts';
import type { Db } from '../db/client.ts';
import { notFound } from '../errors.ts';
import { ifMatchVersion, setEtag } from '../http.ts';
import { bodyActorOf } from '../plugins/auth.ts';
import {
  findPerson,
  listPeople,
  type MembershipRow,
  membershipsOf,
  type PersonRow,
} from '../repositories/people.ts';
import { createPerson, deletePerson, updatePerson } from '../usecases/people.ts';
import type { RouteContext } from './context.ts';

export function presentPerson(p: PersonRow, ms: MembershipRow[]): Person {
  return {
    id: p.id,
    bodyId: p.bodyId,
    name: p.name,
    gender: p.gender as Person['gender'],
    birthDate: p.birthDate,
    ethnicity: p.ethnicity,
    party: p.party,
    organization: p.organization,
    position: p.position,
    phone: p.phone,
    email: p.email,
    notes: p.notes,
    memberships: ms.map((m) => ({
      id: m.id,
      role: m.role as Person['memberships'][number]['role'],
      unitId: m.unitId,
      unitName: m.unitName,
      termId: m.termId,
      title: m.title,
      deputyLevel: m.deputyLevel as Person['memberships'][number]['deputyLevel'],
      delegation: m.delegation,
      sector: m.sector,
      startDate: m.startDate,
      endDate: m.endDate,
    })),
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export async function presentPeople(db: Db, bodyId: string, rows: PersonRow[]) {
  const ms = await membershipsOf(
    db,
    bodyId,
    rows.map((r) => r.id),
  );
  const byPerson = new Map<string, MembershipRow[]>();
  for (const m of ms) byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), m]);
  return rows.map((r) => presentPerson(r, byPerson.get(r.id) ?? []));
}

export function peopleRoutes(app: TypedApp, { database }: RouteContext) {
  const db = database.db;

  app.get(
    '/people',
    {
      config: { permission: 'person.read' },
      schema: { tags: ['people'], querystring: PersonListQuery, response: { 200: listOf(Person) } },
    },
    async (req) => {
      const actor = bodyActorOf(req);
      const { limit, cursor, ...filter } = req.query;
      const after = decodeCursor(cursor, ['uuid'])?.[0] as string | undefined;
      const rows = await listPeople(db, { ...filter, bodyId: actor.bodyId, after, limit });
      const p = page(rows, limit, (r) => [r.id]);
      return { items: await presentPeople(db, actor.bodyId, p.items), nextCursor: p.nextCursor };
    },
  );

  app.get(
    '/people/:id',
    {
      config: { permission: 'person.read' },
      schema: { tags: ['people'], params: IdParams, response: { 200: Person } },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const row = await findPerson(db, actor.bodyId, req.params.id);
      if (!row) throw notFound();
      setEtag(reply, row.version);
      return (await presentPeople(db, actor.bodyId, [row]))[0]!;
    },
  );

  app.post(
    '/people',
    {
      config: { permission: 'person.manage' },
      schema: { tags: ['people'], body: PersonInput, response: { 201: Person } },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const row = await createPerson({ db, actor, input: req.body });
      setEtag(reply, row.version);
      return reply.code(201).send((await presentPeople(db, actor.bodyId, [row]))[0]!);
    },
  );

  app.patch(
    '/people/:id',
    {
      config: { permission: 'person.manage' },
      schema: { tags: ['people'], params: IdParams, body: PersonPatch, response: { 200: Person } },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const version = ifMatchVersion(req);
      const row = await updatePerson({ db, actor, id: req.params.id, version, patch: req.body });
      setEtag(reply, row.version);
      return (await presentPeople(db, actor.bodyId, [row]))[0]!;
    },
  );

  app.delete(
    '/people/:id',
    { config: { permission: 'person.manage' }, schema: { tags: ['people'], params: IdParams } },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      await deletePerson({ db, actor, id: req.params.id, version: ifMatchVersion(req) });
      return reply.code(204).send();
    },
  );
}
