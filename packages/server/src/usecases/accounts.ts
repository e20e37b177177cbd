import type { Role } from '@yiting/domain';
import { eq, or, sql } from 'drizzle-orm';
import { appendAudit } from '../audit.ts';
import { hashPassword, passwordProblems } from '../auth/passwords.ts';
import type { Db } from '../db/client.ts';
import { accountRoles, accounts, bodies, units } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findBodyByNameOrId(db: Db, ref: string) {
  const [row] = await db
    .select()
    .from(bodies)
    .where(UUID.test(ref) ? eq(bodies.id, ref) : or(eq(bodies.name, ref), eq(bodies.shortName, ref)));
  return row;
}

export interface CreateAccountOptions {
  db: Db;
  username: string;
  password: string;
  displayName: string;
  /** Body name, short name or id. */
  body: string;
  roles: Role[];
  /** A liaison's handling unit (name or id). */
  unit?: string | undefined;
  personId?: string | null;
  /** Demo and test data may use simple passwords; real accounts may not. */
  skipComplexity?: boolean;
}

export async function createAccount(opts: CreateAccountOptions) {
  const { db } = opts;
  if (!opts.skipComplexity) {
    const problems = passwordProblems(opts.password);
    if (problems.length)
      throw new AppError(
        'validation_failed',
        undefined,
        problems.map((p) => ({ path: 'password', message: p })),
      );
  }
  const body = await findBodyByNameOrId(db, opts.body);
  if (!body) throw new AppError('not_found', `body ${opts.body}`);
  let unitId: string | null = null;
  if (opts.unit) {
    const [u] = await db
      .select()
      .from(units)
      .where(UUID.test(opts.unit) ? eq(units.id, opts.unit) : eq(units.name, opts.unit));
    if (!u) throw new AppError('not_found', `unit ${opts.unit}`);
    unitId = u.id;
  }
  const passwordHash = await hashPassword(opts.password);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [dup] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(sql`lower(${accounts.username}) = lower(${opts.username})`);
    if (dup) throw new AppError('duplicate', `username ${opts.username}`);
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
      .values(opts.roles.map((role) => ({ bodyId: body.id, accountId: id, role, unitId })));
    await appendAudit(tx, {
      bodyId: body.id,
      actorId: null,
      actorName: 'system',
      action: 'account.create',
      targetType: 'account',
      targetId: id,
      after: { username: opts.username, roles: opts.roles, unitId },
    });
    return row!;
  });
}
