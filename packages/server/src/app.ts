import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { type AppConfig, defaultConfig } from './config.ts';
import type { Database } from './db/client.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerProblemHandling, sendProblem } from './plugins/problem.ts';
import { registerRoutes } from './routes/index.ts';

export type App = FastifyInstance;
export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface BuildOptions {
  database: Database;
  config?: Partial<AppConfig>;
  logger?: boolean;
}

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const config: AppConfig = { ...defaultConfig(), ...opts.config };
  const app = Fastify({
    logger: opts.logger ? { level: config.logLevel } : false,
    bodyLimit: config.bodyLimit,
    trustProxy: true,
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandling(app);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: config.fileLimit, files: 1, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '议厅 Yiting API',
        version: '1.0.0',
        description: 'Work platform of people’s congresses and CPPCC committees',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'yiting_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  registerAuth(app, opts.database.db, config);

  await app.register(
    async (api) => {
      await registerRoutes(api.withTypeProvider<ZodTypeProvider>(), { database: opts.database, config });
    },
    { prefix: '/api' },
  );

  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  const webDist = config.webDist;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    // Files are looked up per request (wildcard), so a rebuilt app is served without a restart.
    await app.register(fastifyStatic, { root: webDist, wildcard: true, index: ['index.html'] });
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/')) return sendProblem(reply, req, 'route_not_found');
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendProblem(reply, req, 'route_not_found');
      // A missing built asset (e.g. after a rebuild) is a 404, not the app's page with status 200.
      if (req.url.startsWith('/assets/')) return sendProblem(reply, req, 'not_found');
      // Client-side routes: the single-page app decides (including its own 404 page).
      return reply.type('text/html').sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((req, reply) => sendProblem(reply, req, 'route_not_found'));
  }
  return app;
}
