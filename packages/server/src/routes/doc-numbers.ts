import { DocNumber, DocNumberInput } from '@yiting/domain';
import type { TypedApp } from '../app.ts';
import { bodyActorOf } from '../plugins/auth.ts';
import { allocateDocNumber } from '../usecases/doc-numbers.ts';
import type { RouteContext } from './context.ts';

export function docNumberRoutes(app: TypedApp, { database }: RouteContext) {
  app.post(
    '/doc-numbers',
    {
      config: { permission: 'docnumber.allocate' },
      schema: { tags: ['documents'], body: DocNumberInput, response: { 201: DocNumber } },
    },
    async (req, reply) => {
      const actor = bodyActorOf(req);
      const n = await allocateDocNumber({ db: database.db, actor, ...req.body });
      return reply.code(201).send(n);
    },
  );
}
