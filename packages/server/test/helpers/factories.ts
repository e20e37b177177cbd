import { randomBytes } from 'node:crypto';
import type { Role } from '@yiting/domain';
import { searchText } from '@yiting/domain';
import type { Db } from '../../src/db/client.ts';
import { bodies, units } from '../../src/db/schema.ts';
import { newId } from '../../src/ids.ts';
import { createAccount } from '../../src/usecases/accounts.ts';

export const TEST_PASSWORD = 'Test-pass-1';

const suffix = () => randomBytes(3).toString('hex');

/** A fresh body (tenant) with its own region, so tests never see each other's data. */
export async function createBody(
  db: Db,
  opts: { kind?: string; level?: string; parentId?: string | null; regionCode?: string; name?: string } = {},
) {
  const id = newId();
  const s = suffix();
  const [row] = await db
    .insert(bodies)
    .values({
      id,
      parentId: opts.parentId ?? null,
      name: opts.name ?? `测试人大常委会-${s}`,
      shortName: null,
      kind: opts.kind ?? 'npc_standing_committee',
      level: opts.level ?? 'city',
      regionCode: opts.regionCode ?? `T${s}`,
      regionName: `测试市${s}`,
    })
    .returning();
  return row!;
}

export async function createUnit(db: Db, bodyId: string, opts: { name?: string; kind?: string } = {}) {
  const name = opts.name ?? `单位-${suffix()}`;
  const [row] = await db
    .insert(units)
    .values({
      id: newId(),
      bodyId,
      name,
      kind: opts.kind ?? 'special_committee',
      searchText: searchText(name),
    })
    .returning();
  return row!;
}

export async function createUser(
  db: Db,
  bodyId: string,
  roles: Role[],
  opts: { unitId?: string; username?: string } = {},
) {
  const username = opts.username ?? `u_${roles.join('_')}_${suffix()}`;
  const account = await createAccount({
    db,
    username,
    password: TEST_PASSWORD,
    displayName: username,
    body: bodyId,
    roles,
    unit: opts.unitId,
    skipComplexity: true,
  });
  return { ...account, password: TEST_PASSWORD };
}

/** A body with one account per role, the usual starting point of an integration test. */
export async function createTenant(db: Db, opts: Parameters<typeof createBody>[1] = {}) {
  const body = await createBody(db, opts);
  const unit = await createUnit(db, body.id);
  const admin = await createUser(db, body.id, ['admin']);
  const staff = await createUser(db, body.id, ['staff']);
  const leader = await createUser(db, body.id, ['leader']);
  const deputy = await createUser(db, body.id, ['deputy']);
  const liaison = await createUser(db, body.id, ['liaison'], { unitId: unit.id });
  return { body, unit, admin, staff, leader, deputy, liaison };
}
