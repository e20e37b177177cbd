import { createHash } from 'node:crypto';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { auditHeads, auditLog } from './db/schema.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  bodyId: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  outcome?: 'success' | 'failure';
  before?: unknown;
  after?: unknown;
}

/** JSON with object keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** Plain JSON of a value as jsonb will give it back (Dates become strings, undefined is dropped). */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

interface HashedContent {
  bodyId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  outcome: string;
  before: unknown;
  after: unknown;
  prevHash: string;
}

export function entryHash(e: HashedContent): string {
  const content = canonicalJson({ ...e, at: e.at.toISOString() });
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Appends one entry to the body's chain. Call it inside the transaction of the write it records: the
 * UPDATE of the chain head row serialises appends per body, on PGlite and on PostgreSQL alike.
 */
export async function appendAudit(tx: Db, input: AuditInput): Promise<void> {
  await tx
    .insert(auditHeads)
    .values({ bodyId: input.bodyId, seq: 0, hash: GENESIS_HASH })
    .onConflictDoNothing();
  const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.bodyId, input.bodyId)).for('update');
  if (!head) throw new Error('audit head missing');
  const content: HashedContent = {
    bodyId: input.bodyId,
    seq: head.seq + 1,
    at: new Date(),
    actorId: input.actorId,
    actorName: input.actorName,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId ?? null,
    outcome: input.outcome ?? 'success',
    before: plain(input.before),
    after: plain(input.after),
    prevHash: head.hash,
  };
  const hash = entryHash(content);
  await tx.insert(auditLog).values({ ...content, hash });
  await tx.update(auditHeads).set({ seq: content.seq, hash }).where(eq(auditHeads.bodyId, input.bodyId));
}

export interface VerifyResult {
  bodyId: string;
  entries: number;
  ok: boolean;
  /** The first entry that does not match, and why. */
  broken?: {
    seq: number;
    id: number | null;
    reason: 'hash_mismatch' | 'chain_broken' | 'missing' | 'head_mismatch';
  };
}

/** Recomputes a body's chain in pages; names the first entry that was altered, removed or reordered. */
export async function verifyAuditChain(db: Db, bodyId: string): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let lastSeq = 0;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.bodyId, bodyId), gt(auditLog.seq, lastSeq)))
      .orderBy(asc(auditLog.seq))
      .limit(2000);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.seq !== expectedSeq) {
        return {
          bodyId,
          entries: count,
          ok: false,
          broken: { seq: expectedSeq, id: null, reason: 'missing' },
        };
      }
      if (r.prevHash !== prevHash) {
        return {
          bodyId,
          entries: count,
          ok: false,
          broken: { seq: r.seq, id: r.id, reason: 'chain_broken' },
        };
      }
      const { id: _id, hash, ...content } = r;
      if (entryHash(content) !== hash) {
        return {
          bodyId,
          entries: count,
          ok: false,
          broken: { seq: r.seq, id: r.id, reason: 'hash_mismatch' },
        };
      }
      prevHash = hash;
      expectedSeq++;
      lastSeq = r.seq;
      count++;
    }
  }
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.bodyId, bodyId));
  if (head && (head.seq !== lastSeq || head.hash !== prevHash)) {
    // Entries at the end were deleted: the head still remembers them.
    return { bodyId, entries: count, ok: false, broken: { seq: lastSeq + 1, id: null, reason: 'missing' } };
  }
  return { bodyId, entries: count, ok: true };
}

export async function bodiesWithAudit(db: Db): Promise<string[]> {
  const rows = await db.execute<{ body_id: string }>(
    sql`select body_id from audit_heads union select distinct body_id from audit_log`,
  );
  return (rows as unknown as { rows: { body_id: string }[] }).rows.map((r) => r.body_id);
}

/** Appends an entry in a transaction of its own, for events that change nothing else (e.g. a failed sign-in). */
export async function recordAudit(db: Db, input: AuditInput): Promise<void> {
  await db.transaction(async (tx) => appendAudit(tx as unknown as Db, input));
}
