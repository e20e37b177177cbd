import { and, asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { auditLog } from '../../src/db/schema.ts';
import { createTenant } from '../helpers/factories.ts';
import { admin, cleanupAfterAll, freshDataDir, yiting } from './helpers.ts';

describe('yiting audit verify', () => {
  cleanupAfterAll();

  it('exits 0 on whole chains; after tampering exits non-zero and names the first broken entry', async () => {
    const dataDir = freshDataDir();
    const env = { YITING_DATA_DIR: dataDir };
    const bodyId = admin().bodyId;
    // A second body with a longer chain: tampering in one body must not be blamed on another.
    const other = await (async () => {
      const d = await openDatabase({ dataDir });
      try {
        const t = await createTenant(d.db);
        return t.body.id;
      } finally {
        await d.close();
      }
    })();

    const ok = await yiting(['audit', 'verify'], env);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`ok      body ${bodyId}`);
    expect(ok.stdout).toMatch(new RegExp(`ok {6}body ${other}: [3-9]\\d* entries`));

    // Alter one entry's `after` behind the application's back, the way someone with database access could.
    const tampered = await (async () => {
      const d = await openDatabase({ dataDir });
      try {
        const rows = await d.db
          .select()
          .from(auditLog)
          .where(eq(auditLog.bodyId, other))
          .orderBy(asc(auditLog.seq));
        const victim = rows[2]!;
        await d.db.execute(
          sql`update audit_log set after = '{"username":"mallory"}'::jsonb where id = ${victim.id}`,
        );
        return victim;
      } finally {
        await d.close();
      }
    })();
    const bad = await yiting(['audit', 'verify'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toContain(
      `BROKEN  body ${other}: first bad entry seq ${tampered.seq} (id ${tampered.id}): hash_mismatch`,
    );
    expect(bad.stdout).toContain(`ok      body ${bodyId}`);

    // Deleting an entry instead is named as missing.
    await (async () => {
      const d = await openDatabase({ dataDir });
      try {
        await d.db.execute(
          sql`update audit_log set after = ${JSON.stringify(tampered.after)}::jsonb where id = ${tampered.id}`,
        );
        await d.db.delete(auditLog).where(and(eq(auditLog.bodyId, other), eq(auditLog.seq, 2)));
      } finally {
        await d.close();
      }
    })();
    const missing = await yiting(['audit', 'verify'], env);
    expect(missing.code).not.toBe(0);
    expect(missing.stdout).toContain(`BROKEN  body ${other}: first bad entry seq 2: missing`);
  });
});
