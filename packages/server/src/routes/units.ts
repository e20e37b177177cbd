import { IdParams, listOf, Unit, UnitInput, UnitListQuery, UnitPatch } from '@yiting/domain';
import type { TypedApp } from '../app.ts';
import { decodeCursor, page } from '../cursor.ts';
import { notFound } from '../errors.ts';
import { ifMatchVersion, setEtag } from '../http.ts';
import { bodyActorOf } from '../plugins/auth.ts';
import { findUnit, listUnits, type UnitRow } from '../repositories/units.ts';
import { sharedUnitBodies } from '../usecases/scope.ts';
import { createUnit, updateUnit } from '../usecases/units.ts';
import type { RouteContext } from './context.ts';

export function presentUnit(u: UnitRow, bodyId: string): Unit {
  return {
    id: u.id,
    bodyId: u.bodyId,
    bodyName: u.bodyName,
    parentId: u.parentId,
    name: u.name,
    shortName: u.shortName,
    kind: u.kind as Unit['kind'],
    phone: u.phone,
    address: u.address,
    sortOrder: u.sortOrder,
    shared: u.bodyId !== bodyId,
    version: u.version,
  };
}

export function unitRoutes(app: TypedApp, { database }: RouteContext) {
  const db = database.db;

  app.get(
    '/units',
    {
      config: { permission: 'unit.read' },
      schema: { tags: ['units'], querystring: UnitListQuery, response: { 200: listOf(Unit) } },
    },
    async (req) => {
      const actor = bodyActorOf(req);
      const { limit, cursor, q, kind, includeShared } = req.query;
      const after = decodeCursor(cursor, ['int', 'uuid']) as [number, string] | undefined;
      const shared = includeShared === 'false' ? [] : await sharedUnitBodies(db, actor.bodyId);
      const rows = await listUnits(db, {
        bodyId: actor.bodyId,
        sharedBodyIds: shared,
        kind,
        q,
        after,
        limit,
      });
      const p = page(rows, limit, (u) => [u.sortOrder, u.id]);
      return { items: p.items.map((u) => presentUnit(u, actor.bodyId)), nextCursor: p.nextCursor };
    },
  );

  app.get(
    '/units/:id',
    {
      config: { permission: 'unit.read' },
      schema: { tags: ['units'], params: IdParams, response: { 200: Unit } },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const unit = await findUnit(db, req.params.id);
      if (!unit) throw notFound();
      if (unit.bodyId !== actor.bodyId) {
        const shared = await sharedUnitBodies(db, actor.bodyId);
        if (!shared.includes(unit.bodyId) || unit.kind !== 'department') throw notFound();
      }
      setEtag(reply, unit.version);
      return presentUnit(unit, actor.bodyId);
    },
  );

  app.post(
    '/units',
    {
      config: { permission: 'unit.manage' },
      schema: { tags: ['units'], body: UnitInput, response: { 201: Unit } },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const row = await createUnit({ db, actor, input: req.body });
      const unit = await findUnit(db, row.id);
      setEtag(reply, row.version);
      return reply.code(201).send(presentUnit(unit!, actor.bodyId));
    },
  );

  app.patch(
    '/units/:id',
    {
      config: { permission: 'unit.manage' },
      schema: { tags: ['units'], params: IdParams, body: UnitPatch, response: { 200: Unit } },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const version = ifMatchVersion(req);
      const row = await updateUnit({ db, actor, id: req.params.id, version, patch: req.body });
      const unit = await findUnit(db, row.id);
      setEtag(reply, row.version);
      return presentUnit(unit!, actor.bodyId);
    },
  );
}
