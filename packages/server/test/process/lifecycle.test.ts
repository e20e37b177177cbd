import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { admin, cleanupAfterAll, freshDataDir, login, startServer, yiting } from './helpers.ts';

describe('embedded server lifecycle', () => {
  cleanupAfterAll();

  it('locks its data dir: a second `yiting start` on it exits non-zero with a clear message; the first keeps serving', async () => {
    const dataDir = freshDataDir();
    const first = await startServer({ YITING_DATA_DIR: dataDir });
    const lock = join(dataDir, 'yiting.lock');
    expect(readFileSync(lock, 'utf8').trim()).toBe(String(first.child.pid));
    const c = await login(first, admin());
    expect((await c.post('/api/v1/people', { name: '先来' })).status).toBe(201);

    const second = await yiting(['start'], { YITING_DATA_DIR: dataDir }, { PORT: '0', HOST: '127.0.0.1' });
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(/数据目录 .* 正被另一个 Yiting 进程（PID \d+）使用/);
    expect(second.stderr).toContain(`PID ${first.child.pid}`);
    expect(second.stderr).toMatch(/in use by another Yiting process/);
    // Other commands that open the database are refused the same way.
    const backup = await yiting(['backup', join(dataDir, '..', 'x.gz')], { YITING_DATA_DIR: dataDir });
    expect(backup.code).not.toBe(0);
    expect(backup.stderr).toContain('正被另一个 Yiting 进程');

    // The first server is untouched: it still reads and writes, and still holds the lock.
    expect(first.child.exitCode).toBeNull();
    expect((await c.post('/api/v1/people', { name: '后到' })).status).toBe(201);
    const names = ((await (await c.get('/api/v1/people')).json()) as { items: { name: string }[] }).items.map(
      (p) => p.name,
    );
    expect(names.sort()).toEqual(['先来', '后到'].sort());
    expect(readFileSync(lock, 'utf8').trim()).toBe(String(first.child.pid));
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
  });

  it('SIGTERM: exits 0, removes the lock file, and a restart on the same dir has all the data', async () => {
    const dataDir = freshDataDir();
    const server = await startServer({ YITING_DATA_DIR: dataDir });
    const c = await login(server, admin());
    const ids: string[] = [];
    for (const name of ['甲', '乙', '丙']) {
      const res = await c.post('/api/v1/people', { name });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dataDir, 'yiting.lock'))).toBe(false);

    const again = await startServer({ YITING_DATA_DIR: dataDir });
    const c2 = await login(again, admin());
    for (const id of ids) expect((await c2.get(`/api/v1/people/${id}`)).status).toBe(200);
    again.child.kill('SIGINT');
    expect(await again.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dataDir, 'yiting.lock'))).toBe(false);
  });
});
