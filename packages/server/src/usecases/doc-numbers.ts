import { sql } from 'drizzle-orm';
import { appendAudit } from '../audit.ts';
import type { Db } from '../db/client.ts';
import { docNumberSequences } from '../db/schema.ts';
import type { Actor } from '../plugins/auth.ts';

/** 江人大交〔2025〕12号: the GB/T 9704 form of a document number. */
export function formatDocNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕${seq}号`;
}

/** Allocates the next number inside the caller's transaction (e.g. when a matter is assigned). */
export async function allocateNumber(tx: Db, bodyId: string, prefix: string, year: number) {
  const [row] = await tx
    .insert(docNumberSequences)
    .values({ bodyId, prefix, year, value: 1 })
    .onConflictDoUpdate({
      target: [docNumberSequences.bodyId, docNumberSequences.prefix, docNumberSequences.year],
      set: { value: sql`${docNumberSequences.value} + 1` },
    })
    .returning({ value: docNumberSequences.value });
  const seq = row!.value;
  return { prefix, year, seq, text: formatDocNumber(prefix, year, seq) };
}

/**
 * Allocates the next number of a sequence. One atomic upsert-increment: on PostgreSQL concurrent
 * callers queue on the row lock and each gets its own number, never a duplicate or a gap.
 */
export async function allocateDocNumber(opts: {
  db: Db;
  actor: Actor & { bodyId: string };
  prefix: string;
  year: number;
}) {
  const { db, actor, prefix, year } = opts;
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const n = await allocateNumber(tx, actor.bodyId, prefix, year);
    await appendAudit(tx, {
      bodyId: actor.bodyId,
      actorId: actor.account.id,
      actorName: actor.account.displayName,
      action: 'docnumber.allocate',
      targetType: 'doc_number',
      targetId: n.text,
      after: { prefix, year, seq: n.seq },
    });
    return n;
  });
}
