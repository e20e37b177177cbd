import { type FieldIssue, type Permission, roleAllows } from '@yiting/domain';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { memberships, people } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Env } from '../registry.ts';

/**
 * Who authors a proposal or report. A member or deputy always writes for themselves (their account's
 * person); only the office names another author, and then it acts on their behalf (a paper submission).
 */
export function authorOf(
  env: Env,
  manage: Permission,
  given: string | null | undefined,
  needsPerson: boolean,
): { personId: string | null; onBehalf: boolean } {
  const own = env.actor.account.personId;
  if (!roleAllows(env.actor.roles, manage)) {
    if (!own) throw new AppError('forbidden', 'this account is not linked to a person');
    if (given && given !== own) throw new AppError('forbidden', 'members submit for themselves only');
    return { personId: own, onBehalf: false };
  }
  const personId = given ?? null;
  if (!personId && needsPerson)
    throw new AppError('validation_failed', undefined, [{ path: 'proposerPersonId', message: 'required' }]);
  // Entered by the office for someone else, or for an organisation: the office acts for the author.
  return { personId, onBehalf: !personId || personId !== own };
}

/** Every id must be a person of this body; reported at `path.i` (or `path` alone for one id). */
export async function assertPeople(tx: Db, bodyId: string, ids: { id: string; path: string }[]) {
  const wanted = ids.filter((x) => x.id);
  if (!wanted.length) return;
  const found = await tx
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.bodyId, bodyId),
        inArray(
          people.id,
          wanted.map((x) => x.id),
        ),
      ),
    );
  const known = new Set(found.map((p) => p.id));
  const bad = wanted.filter((x) => !known.has(x.id));
  if (bad.length)
    throw new AppError(
      'validation_failed',
      undefined,
      bad.map((x) => ({ path: x.path, message: 'unknown_person' })),
    );
}

/** Co-signers: named once each, never the proposer, people of this body. */
export async function checkCosigners(tx: Db, bodyId: string, proposer: string | null, ids: string[]) {
  const issues: FieldIssue[] = [];
  ids.forEach((id, i) => {
    if (id === proposer) issues.push({ path: `cosignerIds.${i}`, message: 'cosigner_is_proposer' });
    else if (ids.indexOf(id) !== i) issues.push({ path: `cosignerIds.${i}`, message: 'duplicate_person' });
  });
  if (issues.length) throw new AppError('validation_failed', undefined, issues);
  await assertPeople(
    tx,
    bodyId,
    ids.map((id, i) => ({ id, path: `cosignerIds.${i}` })),
  );
}

/** The author's sector (界别) from their membership in this body, when the form leaves it out. */
export async function sectorOf(tx: Db, bodyId: string, personId: string | null): Promise<string | null> {
  if (!personId) return null;
  const [m] = await tx
    .select({ sector: memberships.sector })
    .from(memberships)
    .where(
      and(eq(memberships.bodyId, bodyId), eq(memberships.personId, personId), isNotNull(memberships.sector)),
    )
    .limit(1);
  return m?.sector ?? null;
}

/** Organisations submit under their own name. */
export function requireName(needed: boolean, name: string | null | undefined) {
  if (needed && !name)
    throw new AppError('validation_failed', undefined, [{ path: 'submitterName', message: 'required' }]);
}
