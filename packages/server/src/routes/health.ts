import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TypedApp } from '../app.ts';
import { AppError } from '../errors.ts';
import type { RouteContext } from './context.ts';

export function healthRoutes(app: TypedApp, { database }: RouteContext) {
  app.get(
    '/health',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['system'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      try {
        await database.db.execute(sql`select 1`);
      } catch {
        throw new AppError('unavailable', 'database does not answer');
      }
      return { status: 'ok' as const, database: database.engine };
    },
  );
}
