import type { AccountPatch, Role } from '@yiting/domain';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { appendAudit } from '../audit.ts';
import { hashPassword, passwordProblems } from '../auth/passwords.ts';
import type { Db } from '../db/client.ts';
import { accountRoles, accounts, bodies, people, sessions, units } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../plugins/auth.ts';
import { assertUsableUnits, sharedUnitBodies } from './scope.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findBodyByNameOrId(db: Db, ref: string) {
  const [row] = await db
    .select()
    .from(bodies)
    .where(UUID.test(ref) ? eq(bodies.id, ref) : or(eq(bodies.name, ref), eq(bodies.shortName, ref)));
  return row;
}

function assertPassword(password: string) {
  const problems = passwordProblems(password);
  if (problems.length) {
    throw new AppError(
      'validation_failed',
      undefined,
      problems.map((p) => ({ path: 'password', message: p })),
    );
  }
}

/** Role rules that need more than the schema: a liaison answers for exactly one handling unit. */
async function assertRoleRefs(
  tx: Db,
  bodyId: string,
  roles: Role[],
  unitId: string | null | undefined,
  personId: string | null | undefined,
) {
  if (roles.includes('liaison') && !unitId) {
    throw new AppError('validation_failed', undefined, [
      { path: 'unitId', message: 'unit_required_for_liaison' },
    ]);
  }
  if (unitId) await assertUsableUnits(tx, bodyId, [{ id: unitId, path: 'unitId' }]);
  if (personId) {
    const [p] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.id, personId), eq(people.bodyId, bodyId)));
    if (!p)
      throw new AppError('validation_failed', undefined, [{ path: 'personId', message: 'invalid_value' }]);
  }
}

export interface CreateAccountOptions {
  db: Db;
  username: string;
  password: string;
  displayName: string;
  /** Body name, short name or id (the CLI passes names). */
  body: string;
  roles: Role[];
  /** A liaison's handling unit (name or id). */
  unit?: string | null | undefined;
  personId?: string | null | undefined;
  /** Who does it; the CLI and the demo act as the system. */
  actor?: Actor | undefined;
  /** Demo and test data may use simple passwords; real accounts may not. */
  skipComplexity?: boolean;
}

export async function createAccount(opts: CreateAccountOptions) {
  const { db } = opts;
  if (!opts.skipComplexity) assertPassword(opts.password);
  const body = await findBodyByNameOrId(db, opts.body);
  if (!body) throw new AppError('not_found', `body ${opts.body}`);
  let unitId: string | null = null;
  if (opts.unit) {
    // A name is looked up among the units this body may use (its own and its region's departments):
    // names such as 办公室 repeat across bodies.
    const usable = [body.id, ...(await sharedUnitBodies(db, body.id))];
    const matches = await db
      .select({ id: units.id })
      .from(units)
      .where(
        and(
          inArray(units.bodyId, usable),
          UUID.test(opts.unit)
            ? eq(units.id, opts.unit)
            : or(eq(units.name, opts.unit), eq(units.shortName, opts.unit)),
        ),
      );
    if (matches.length !== 1) {
      throw new AppError('validation_failed', undefined, [{ path: 'unitId', message: 'unknown_unit' }]);
    }
    unitId = matches[0]!.id;
  }
  const passwordHash = await hashPassword(opts.password);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await assertRoleRefs(tx, body.id, opts.roles, unitId, opts.personId);
    const [dup] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(sql`lower(${accounts.username}) = lower(${opts.username})`);
    if (dup) throw new AppError('duplicate', undefined, [{ path: 'username', message: 'duplicate' }]);
    const id = newId();
    const [row] = await tx
      .insert(accounts)
      .values({
        id,
        username: opts.username,
        displayName: opts.displayName,
        passwordHash,
        personId: opts.personId ?? null,
        homeBodyId: body.id,
      })
      .returning();
    await tx
      .insert(accountRoles)
      .values([...new Set(opts.roles)].map((role) => ({ bodyId: body.id, accountId: id, role, unitId })));
    await appendAudit(tx, {
      bodyId: body.id,
      actorId: opts.actor?.account.id ?? null,
      actorName: opts.actor?.account.displayName ?? 'system',
      action: 'account.create',
      targetType: 'account',
      targetId: id,
      after: { username: opts.username, displayName: opts.displayName, roles: opts.roles, unitId },
    });
    return row!;
  });
}

/**
 * Changes an account as the admin of a body: its roles in THIS body only, name, link to a person,
 * disabling (which ends its sessions), a new password, or clearing a lockout.
 */
export async function updateAccount(opts: {
  db: Db;
  actor: Actor & { bodyId: string };
  id: string;
  version: number;
  patch: AccountPatch;
}) {
  const { db, actor, id, version, patch } = opts;
  if (patch.password) assertPassword(patch.password);
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [before] = await tx.select().from(accounts).where(eq(accounts.id, id)).for('update');
    const held = await tx
      .select()
      .from(accountRoles)
      .where(and(eq(accountRoles.accountId, id), eq(accountRoles.bodyId, actor.bodyId)));
    // An account without a role here belongs to another body: not found, as for any other resource.
    if (!before || held.length === 0) throw new AppError('not_found');
    if (before.version !== version) {
      throw new AppError('version_conflict', undefined, undefined, { currentVersion: before.version });
    }
    if (id === actor.account.id && (patch.disabled || (patch.roles && !patch.roles.includes('admin')))) {
      throw new AppError('conflict', 'you cannot disable yourself or drop your own admin role');
    }
    const roles = patch.roles ?? (held.map((r) => r.role) as Role[]);
    const unitId = patch.unitId !== undefined ? patch.unitId : (held.find((r) => r.unitId)?.unitId ?? null);
    await assertRoleRefs(tx, actor.bodyId, roles, unitId, patch.personId);
    const [after] = await tx
      .update(accounts)
      .set({
        ...(patch.displayName !== undefined && { displayName: patch.displayName }),
        ...(patch.personId !== undefined && { personId: patch.personId }),
        ...(patch.disabled !== undefined && { disabled: patch.disabled }),
        ...(passwordHash && { passwordHash }),
        ...(patch.unlock && { failedLogins: 0, lockedUntil: null }),
        version: before.version + 1,
      })
      .where(eq(accounts.id, id))
      .returning();
    if (patch.roles || patch.unitId !== undefined) {
      await tx
        .delete(accountRoles)
        .where(and(eq(accountRoles.accountId, id), eq(accountRoles.bodyId, actor.bodyId)));
      await tx
        .insert(accountRoles)
        .values([...new Set(roles)].map((role) => ({ bodyId: actor.bodyId, accountId: id, role, unitId })));
    }
    if (patch.disabled || passwordHash) await tx.delete(sessions).where(eq(sessions.accountId, id));
    const visible = (a: typeof before) => ({
      username: a.username,
      displayName: a.displayName,
      personId: a.personId,
      disabled: a.disabled,
      lockedUntil: a.lockedUntil,
    });
    await appendAudit(tx, {
      bodyId: actor.bodyId,
      actorId: actor.account.id,
      actorName: actor.account.displayName,
      action: 'account.update',
      targetType: 'account',
      targetId: id,
      before: { ...visible(before), roles: held.map((r) => r.role) },
      after: { ...visible(after!), roles, unitId, passwordChanged: !!passwordHash },
    });
    return after!;
  });
}
