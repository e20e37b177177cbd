import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { admin, cleanupAfterAll, freshDataDir, listAll, login, startServer, yiting } from './helpers.ts';

/**
 * ARCHITECTURE §1: in the embedded mode a process crash (kill -9) loses no committed write. PGlite runs
 * with fsync off, but its files are written through to the operating system on each commit, so the kernel
 * keeps them when the process dies (power loss is another matter). This test holds that to account.
 */
describe('kill -9 in the middle of writes (embedded mode)', () => {
  cleanupAfterAll();

  it('every write acknowledged before the crash is there after a restart', async () => {
    const dataDir = freshDataDir();
    const server = await startServer({ YITING_DATA_DIR: dataDir });
    const c = await login(server, admin());

    const acked: { id: string; name: string }[] = [];
    const docNumbers: string[] = [];
    let failed = 0;
    let cut = 0; // requests in flight when the server died
    let stop = false;
    let n = 0;
    const worker = async (w: number) => {
      while (!stop) {
        const i = n++;
        try {
          if (w === 0) {
            const res = await c.post('/api/v1/doc-numbers', { prefix: '崩溃', year: 2025 });
            if (res.status === 201) docNumbers.push(((await res.json()) as { text: string }).text);
            else failed++;
          } else {
            // Names may not hold digits: spell the counter in letters.
            const name = `写入${i.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)]!)}`;
            const res = await c.post('/api/v1/people', { name });
            if (res.status === 201) acked.push({ id: ((await res.json()) as { id: string }).id, name });
            else failed++;
          }
        } catch {
          cut++;
          return; // the connection died with the server: this write was never acknowledged
        }
      }
    };
    const workers = Array.from({ length: 8 }, (_, w) => worker(w));
    // Let writes flow for a while, then kill while several are in flight.
    const until = Date.now() + 20_000;
    while ((acked.length < 150 || docNumbers.length < 10) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 50));
    server.child.kill('SIGKILL');
    const exit = await server.exited;
    stop = true;
    await Promise.all(workers);
    expect(exit.signal).toBe('SIGKILL');
    expect(failed).toBe(0);
    expect(cut).toBeGreaterThan(0);
    expect(acked.length).toBeGreaterThanOrEqual(50);
    // The dead process left its lock behind; the next start takes it over.
    expect(existsSync(join(dataDir, 'yiting.lock'))).toBe(true);
    expect(readFileSync(join(dataDir, 'yiting.lock'), 'utf8').trim()).toBe(String(server.child.pid));

    const again = await startServer({ YITING_DATA_DIR: dataDir });
    const c2 = await login(again, admin());
    const people = await listAll<{ id: string; name: string }>(c2, '/api/v1/people');
    const present = new Map(people.map((p) => [p.id, p.name]));
    const lost = acked.filter((a) => present.get(a.id) !== a.name);
    expect(lost).toEqual([]);
    // At most the writes in flight at the kill may have committed without being acknowledged.
    expect(people.length).toBeGreaterThanOrEqual(acked.length);
    expect(people.length).toBeLessThanOrEqual(acked.length + 8);

    // Doc numbers: the sequence continues after every number handed out, never reusing one.
    const next = await c2.post('/api/v1/doc-numbers', { prefix: '崩溃', year: 2025 });
    const seq = ((await next.json()) as { seq: number }).seq;
    expect(seq).toBeGreaterThan(docNumbers.length);
    const audited = await listAll<{ targetId: string }>(c2, '/api/v1/audit?action=docnumber.allocate');
    const auditedTexts = new Set(audited.map((e) => e.targetId));
    expect(docNumbers.filter((t) => !auditedTexts.has(t))).toEqual([]);

    again.child.kill('SIGTERM');
    expect((await again.exited).code).toBe(0);
    // …and the audit chain written by the crashed process is whole.
    const verify = await yiting(['audit', 'verify'], { YITING_DATA_DIR: dataDir });
    expect(verify.stdout).not.toContain('BROKEN');
    expect(verify.code).toBe(0);
  });
});
