import { MatterDashboard } from '@yiting/domain';
import type { TypedApp } from '../app.ts';
import { bodyActorOf } from '../plugins/auth.ts';
import { matterDashboard } from '../repositories/dashboard.ts';
import { trackingConfig } from '../tracking/config.ts';
import type { RouteContext } from './context.ts';

export function dashboardRoutes(app: TypedApp, { database }: RouteContext) {
  app.get(
    '/dashboard/matters',
    {
      config: { permission: 'dashboard.read' },
      schema: { tags: ['matters'], response: { 200: MatterDashboard } },
    },
    async (req) => {
      const actor = bodyActorOf(req);
      const config = await trackingConfig(database.db, actor.bodyId);
      return matterDashboard(database.db, actor.bodyId, config.matter.yellowDays);
    },
  );
}
