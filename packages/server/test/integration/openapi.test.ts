import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.ts';
import { engineUnavailable, testEngine } from '../helpers/db.ts';

describe.skipIf(engineUnavailable())('OpenAPI and health', () => {
  const t = useTestApp();

  it('GET /api/openapi.json is a valid OpenAPI 3.1 document listing the routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    // The validator does refuse a broken document, so the check above means something.
    const broken = await new Validator().validate({ ...doc, info: { title: 'x' } });
    expect(broken.valid).toBe(false);

    const paths = doc.paths as Record<string, Record<string, unknown>>;
    for (const [path, method] of [
      ['/api/health', 'get'],
      ['/api/v1/auth/login', 'post'],
      ['/api/v1/me', 'get'],
      ['/api/v1/people', 'get'],
      ['/api/v1/people', 'post'],
      ['/api/v1/people/{id}', 'patch'],
      ['/api/v1/people/{id}', 'delete'],
      ['/api/v1/units', 'post'],
      ['/api/v1/audit', 'get'],
      ['/api/v1/doc-numbers', 'post'],
      ['/api/v1/api-tokens', 'post'],
    ] as const) {
      expect(paths[path]?.[method], `${method.toUpperCase()} ${path}`).toBeDefined();
    }
    // The request schemas come from the same zod schemas: strict objects say so.
    const personBody = (
      paths['/api/v1/people']!.post as {
        requestBody: { content: Record<string, { schema: Record<string, unknown> }> };
      }
    ).requestBody.content['application/json']!.schema;
    expect(personBody.additionalProperties).toBe(false);
    expect(personBody.required).toContain('name');
  });

  it('GET /api/health answers 200 {status: ok} without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: testEngine() });
  });
});
