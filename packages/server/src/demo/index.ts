import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { bodies } from '../db/schema.ts';
import { newId } from '../ids.ts';
import { createAccount } from '../usecases/accounts.ts';
import { DEMO_BODIES } from './bodies.ts';

export interface DemoOptions {
  adminPassword: string;
  log?: (message: string) => void;
}

export async function isDemoLoaded(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: bodies.id }).from(bodies).where(eq(bodies.name, DEMO_BODIES[0]!.name));
  return !!row;
}

/** Loads the 2025 scenario (SCENARIO-2025.md). Returns a one-line summary. */
export async function loadDemo(db: Db, opts: DemoOptions): Promise<string> {
  const log = opts.log ?? (() => {});
  const ids = new Map<string, string>();
  for (const b of DEMO_BODIES) ids.set(b.key, newId());
  await db.insert(bodies).values(
    DEMO_BODIES.map((b) => ({
      id: ids.get(b.key)!,
      parentId: b.parent ? ids.get(b.parent)! : null,
      name: b.name,
      shortName: b.shortName,
      kind: b.kind,
      level: b.level,
      regionCode: b.regionCode,
      regionName: b.regionName,
    })),
  );
  log(`机关 bodies: ${DEMO_BODIES.length}`);
  await createAccount({
    db,
    username: 'admin',
    password: opts.adminPassword,
    displayName: '系统管理员',
    body: ids.get('npc')!,
    roles: ['admin'],
    skipComplexity: true,
  });
  return `${DEMO_BODIES.length} bodies`;
}
