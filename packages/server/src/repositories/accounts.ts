import { PERMISSIONS, type Permission, type Role, roleAllows } from '@yiting/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { accountRoles, accounts, apiTokens, bodies, sessions } from '../db/schema.ts';

export type AccountRow = typeof accounts.$inferSelect;

export async function findAccountByUsername(db: Db, username: string) {
  const [row] = await db.select().from(accounts).where(sql`lower(${accounts.username}) = lower(${username})`);
  return row;
}

export async function findAccount(db: Db, id: string) {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  return row;
}

/** Counts a failed sign-in atomically; locks the account when the threshold is reached. */
export async function recordFailedLogin(db: Db, accountId: string, threshold: number, lockMinutes: number) {
  const [row] = await db
    .update(accounts)
    .set({
      failedLogins: sql`case when ${accounts.failedLogins} + 1 >= ${threshold} then 0 else ${accounts.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${accounts.failedLogins} + 1 >= ${threshold} then now() + make_interval(mins => ${lockMinutes}) else ${accounts.lockedUntil} end`,
    })
    .where(eq(accounts.id, accountId))
    .returning({ lockedUntil: accounts.lockedUntil });
  return row;
}

export async function clearFailedLogins(db: Db, accountId: string) {
  await db.update(accounts).set({ failedLogins: 0, lockedUntil: null }).where(eq(accounts.id, accountId));
}

export interface BodyRoles {
  body: { id: string; name: string; kind: string; level: string; requireTotpForAdmin: boolean };
  roles: Role[];
  unitId: string | null;
}

export async function rolesOfAccount(db: Db, accountId: string): Promise<BodyRoles[]> {
  const rows = await db
    .select({
      bodyId: bodies.id,
      name: bodies.name,
      kind: bodies.kind,
      level: bodies.level,
      requireTotpForAdmin: bodies.requireTotpForAdmin,
      role: accountRoles.role,
      unitId: accountRoles.unitId,
    })
    .from(accountRoles)
    .innerJoin(bodies, eq(bodies.id, accountRoles.bodyId))
    .where(eq(accountRoles.accountId, accountId))
    .orderBy(bodies.createdAt, bodies.id);
  const map = new Map<string, BodyRoles>();
  for (const r of rows) {
    let entry = map.get(r.bodyId);
    if (!entry) {
      entry = {
        body: {
          id: r.bodyId,
          name: r.name,
          kind: r.kind,
          level: r.level,
          requireTotpForAdmin: r.requireTotpForAdmin,
        },
        roles: [],
        unitId: null,
      };
      map.set(r.bodyId, entry);
    }
    entry.roles.push(r.role as Role);
    if (r.unitId) entry.unitId = r.unitId;
  }
  return [...map.values()];
}

/** Permissions of a set of roles. A body that requires TOTP for admins withholds admin rights until it is on. */
export function effectiveRoles(entry: BodyRoles | undefined, totpEnabled: boolean): Role[] {
  if (!entry) return [];
  if (entry.body.requireTotpForAdmin && !totpEnabled) return entry.roles.filter((r) => r !== 'admin');
  return entry.roles;
}

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return PERMISSIONS.filter((p) => p !== 'public' && p !== 'authenticated' && roleAllows(roles, p));
}

export async function insertSession(
  db: Db,
  values: { id: string; accountId: string; bodyId: string | null; csrfToken: string; expiresAt: Date },
) {
  await db.insert(sessions).values(values);
}

export async function findSession(db: Db, id: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row;
}

export async function touchSession(db: Db, id: string) {
  await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function setSessionBody(db: Db, id: string, bodyId: string) {
  await db.update(sessions).set({ bodyId }).where(eq(sessions.id, id));
}

export async function findApiToken(db: Db, tokenHash: string) {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash));
  return row;
}

export async function touchApiToken(db: Db, id: string) {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id)));
}
