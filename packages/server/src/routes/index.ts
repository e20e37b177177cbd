import type { TypedApp } from '../app.ts';
import { accountRoutes } from './accounts.ts';
import { activityRoutes } from './activities.ts';
import { auditRoutes } from './audit.ts';
import { authRoutes } from './auth.ts';
import { bodyRoutes } from './bodies.ts';
import { calendarRoutes } from './calendar.ts';
import type { RouteContext } from './context.ts';
import { dashboardRoutes } from './dashboard.ts';
import { docNumberRoutes } from './doc-numbers.ts';
import { fileRoutes } from './files.ts';
import { healthRoutes } from './health.ts';
import { importExportRoutes } from './import-export.ts';
import { matterDocumentRoutes } from './matter-documents.ts';
import { matterRoutes } from './matters.ts';
import { notificationRoutes } from './notifications.ts';
import { opinionReportRoutes } from './opinion-reports.ts';
import { peopleRoutes } from './people.ts';
import { proposalDocumentRoutes } from './proposal-documents.ts';
import { proposalRoutes } from './proposals.ts';
import { statisticsRoutes } from './statistics.ts';
import { tokenRoutes } from './tokens.ts';
import { unitRoutes } from './units.ts';

/** All API routes, mounted under /api. Each declares `config.permission` (checked by plugins/auth.ts). */
export async function registerRoutes(app: TypedApp, ctx: RouteContext) {
  healthRoutes(app, ctx);
  calendarRoutes(app, ctx);
  await app.register(
    async (api: TypedApp) => {
      authRoutes(api, ctx);
      tokenRoutes(api, ctx);
      accountRoutes(api, ctx);
      bodyRoutes(api, ctx);
      unitRoutes(api, ctx);
      peopleRoutes(api, ctx);
      importExportRoutes(api, ctx);
      auditRoutes(api, ctx);
      docNumberRoutes(api, ctx);
      fileRoutes(api, ctx);
      matterDocumentRoutes(api, ctx);
      matterRoutes(api, ctx);
      proposalDocumentRoutes(api, ctx);
      proposalRoutes(api, ctx);
      opinionReportRoutes(api, ctx);
      activityRoutes(api, ctx);
      dashboardRoutes(api, ctx);
      statisticsRoutes(api, ctx);
      notificationRoutes(api, ctx);
    },
    { prefix: '/v1' },
  );
}
