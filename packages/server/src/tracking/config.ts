import { DEFAULT_MATTER_CONFIG, type MatterConfig } from '@yiting/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { bodies } from '../db/schema.ts';

export interface BodyTrackingConfig {
  matter: MatterConfig;
  /** 代字 of assignment notices, e.g. 江人大督 → 江人大督〔2025〕12号. */
  matterNumberPrefix: string;
}

/** A body's configuration with DOMAIN.md's defaults for whatever it does not set. */
export async function trackingConfig(db: Db, bodyId: string): Promise<BodyTrackingConfig> {
  const [row] = await db
    .select({ config: bodies.config, shortName: bodies.shortName })
    .from(bodies)
    .where(eq(bodies.id, bodyId));
  const c = (row?.config ?? {}) as { matter?: Partial<MatterConfig>; matterNumberPrefix?: string };
  return {
    matter: {
      ...DEFAULT_MATTER_CONFIG,
      ...c.matter,
      timeLimits: { ...DEFAULT_MATTER_CONFIG.timeLimits, ...c.matter?.timeLimits },
    },
    matterNumberPrefix:
      c.matterNumberPrefix ?? `${(row?.shortName ?? '').replace(/常委会$/, '').slice(0, 4)}督`,
  };
}
