import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.ts';
import { engineUnavailable } from '../helpers/db.ts';

const dist = mkdtempSync(join(tmpdir(), 'yiting-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>议厅</title>');
writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log(1)');

describe.skipIf(engineUnavailable())('serving the web app', () => {
  const t = useTestApp({ webDist: dist });

  it('serves files, falls back to the app for client routes, and 404s missing assets and API routes', async () => {
    const root = await t.app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('议厅');
    const route = await t.app.inject({ method: 'GET', url: '/matters/123' });
    expect(route.statusCode).toBe(200);
    expect(route.headers['content-type']).toContain('text/html');
    expect((await t.app.inject({ method: 'GET', url: '/assets/app-1.js' })).body).toBe('console.log(1)');
    // A file added after start (a rebuild) is served without a restart.
    writeFileSync(join(dist, 'assets', 'app-2.js'), 'console.log(2)');
    expect((await t.app.inject({ method: 'GET', url: '/assets/app-2.js' })).body).toBe('console.log(2)');
    expect((await t.app.inject({ method: 'GET', url: '/assets/gone.js' })).statusCode).toBe(404);
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });
});
