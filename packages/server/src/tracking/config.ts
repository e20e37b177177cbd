import {
  DEFAULT_MATTER_CONFIG,
  DEFAULT_REPORT_CONFIG,
  type MatterConfig,
  type ProposalConfig,
  type ReportConfig,
  resolveProposalConfig,
} from '@yiting/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { bodies } from '../db/schema.ts';

export interface BodyTrackingConfig {
  matter: MatterConfig;
  /** 代字 of assignment notices, e.g. 江人大督 → 江人大督〔2025〕12号. */
  matterNumberPrefix: string;
  proposal: ProposalConfig;
  report: ReportConfig;
  /** The session (届次, 会次) proposals are numbered in unless they name one. */
  proposalSession: { term: number; meeting: number } | null;
  /** 抄送 of a unit's reply letter to a proposal or suggestion; null: the standard ones (reply-letter.ts). */
  proposalReplyCopyTo: string[] | null;
}

type StoredConfig = {
  matter?: Partial<MatterConfig>;
  matterNumberPrefix?: string;
  proposal?: Parameters<typeof resolveProposalConfig>[0];
  report?: Partial<ReportConfig>;
  proposalSession?: { term: number; meeting: number };
  proposalReplyCopyTo?: string[];
};

/** A body's configuration with DOMAIN.md's defaults for whatever it does not set. */
export async function trackingConfig(db: Db, bodyId: string): Promise<BodyTrackingConfig> {
  const [row] = await db
    .select({ config: bodies.config, shortName: bodies.shortName })
    .from(bodies)
    .where(eq(bodies.id, bodyId));
  const c = (row?.config ?? {}) as StoredConfig;
  return {
    matter: {
      ...DEFAULT_MATTER_CONFIG,
      ...c.matter,
      timeLimits: { ...DEFAULT_MATTER_CONFIG.timeLimits, ...c.matter?.timeLimits },
    },
    matterNumberPrefix:
      c.matterNumberPrefix ?? `${(row?.shortName ?? '').replace(/常委会$/, '').slice(0, 4)}督`,
    proposal: resolveProposalConfig(c.proposal),
    report: { ...DEFAULT_REPORT_CONFIG, ...c.report },
    proposalSession: c.proposalSession ?? null,
    proposalReplyCopyTo: c.proposalReplyCopyTo ?? null,
  };
}
