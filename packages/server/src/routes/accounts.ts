import { Account, AccountInput, AccountPatch, IdParams, ListQuery, listOf, type Role } from '@yiting/domain';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { TypedApp } from '../app.ts';
import { decodeCursor, page } from '../cursor.ts';
import type { Db } from '../db/client.ts';
import { accountRoles, accounts } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { ifMatchVersion, setEtag } from '../http.ts';
import { bodyActorOf } from '../plugins/auth.ts';
import { createAccount, updateAccount } from '../usecases/accounts.ts';
import type { RouteContext } from './context.ts';

/** Accounts that hold a role in the body, with those roles. */
async function accountsOfBody(
  db: Db,
  bodyId: string,
  opts: { ids?: string[]; q?: string; after?: string; limit: number },
) {
  const rows = await db
    .select()
    .from(accounts)
    .where(
      and(
        sql`exists (select 1 from ${accountRoles} r where r.body_id = ${bodyId} and r.account_id = ${accounts.id})`,
        opts.ids ? inArray(accounts.id, opts.ids) : undefined,
        opts.q
          ? sql`(lower(${accounts.username}) like ${`%${opts.q.toLowerCase()}%`} or ${accounts.displayName} like ${`%${opts.q}%`})`
          : undefined,
        opts.after ? gt(accounts.id, opts.after) : undefined,
      ),
    )
    .orderBy(asc(accounts.id))
    .limit(opts.limit + 1);
  const roles = rows.length
    ? await db
        .select()
        .from(accountRoles)
        .where(
          and(
            eq(accountRoles.bodyId, bodyId),
            inArray(
              accountRoles.accountId,
              rows.map((r) => r.id),
            ),
          ),
        )
    : [];
  return rows.map((a) => {
    const mine = roles.filter((r) => r.accountId === a.id);
    return {
      id: a.id,
      username: a.username,
      displayName: a.displayName,
      personId: a.personId,
      roles: mine.map((r) => r.role as Role),
      unitId: mine.find((r) => r.unitId)?.unitId ?? null,
      disabled: a.disabled,
      lockedUntil: a.lockedUntil && a.lockedUntil.getTime() > Date.now() ? a.lockedUntil.toISOString() : null,
      totpEnabled: a.totpEnabled,
      version: a.version,
      createdAt: a.createdAt.toISOString(),
    };
  });
}

export function accountRoutes(app: TypedApp, { database }: RouteContext) {
  const db = database.db;

  app.get(
    '/accounts',
    {
      config: { permission: 'account.manage' },
      schema: { tags: ['accounts'], querystring: ListQuery, response: { 200: listOf(Account) } },
    },
    async (req) => {
      const actor = bodyActorOf(req);
      const { limit, cursor, q } = req.query;
      const after = decodeCursor(cursor, ['uuid'])?.[0] as string | undefined;
      const rows = await accountsOfBody(db, actor.bodyId, { q, after, limit });
      return page(rows, limit, (a) => [a.id]);
    },
  );

  app.get(
    '/accounts/:id',
    {
      config: { permission: 'account.manage' },
      schema: { tags: ['accounts'], params: IdParams, response: { 200: Account } },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const [row] = await accountsOfBody(db, actor.bodyId, { ids: [req.params.id], limit: 1 });
      if (!row) throw notFound();
      setEtag(reply, row.version);
      return row;
    },
  );

  app.post(
    '/accounts',
    {
      config: { permission: 'account.manage' },
      schema: { tags: ['accounts'], body: AccountInput, response: { 201: Account } },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const { unitId, ...rest } = req.body;
      const row = await createAccount({ db, actor, body: actor.bodyId, unit: unitId, ...rest });
      const [out] = await accountsOfBody(db, actor.bodyId, { ids: [row.id], limit: 1 });
      setEtag(reply, row.version);
      return reply.code(201).send(out!);
    },
  );

  app.patch(
    '/accounts/:id',
    {
      config: { permission: 'account.manage' },
      schema: { tags: ['accounts'], params: IdParams, body: AccountPatch, response: { 200: Account } },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const row = await updateAccount({
        db,
        actor,
        id: req.params.id,
        version: ifMatchVersion(req),
        patch: req.body,
      });
      const [out] = await accountsOfBody(db, actor.bodyId, { ids: [row.id], limit: 1 });
      setEtag(reply, row.version);
      return out!;
    },
  );
}
