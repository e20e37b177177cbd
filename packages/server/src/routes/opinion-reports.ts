import {
  availableActions,
  OpinionReport,
  OpinionReportInput,
  OpinionReportListQuery,
  OpinionReportPatch,
  OpinionReportTransitionInput,
  type ReportData,
  type ReportLevel,
  type ReportState,
  type ReportSubmitterKind,
  reportMachine,
} from '@yiting/domain';
import { eq, gt, not, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TypedApp } from '../app.ts';
import { trackedItems } from '../db/schema.ts';
import { instructedAtLevelSql, reportSubmittedSql } from '../repositories/statistics.ts';
import { personNames } from '../repositories/tracked-items.ts';
import { typeDef } from '../tracking/registry.ts';
import { REPORT_COLUMNS } from '../xlsx/item-columns.ts';
import type { RouteContext } from './context.ts';
import { itemRoutes, type Presenter } from './tracked-items.ts';

export const presentReports: Presenter<OpinionReport> = async (db, actor, rows, config) => {
  const now = new Date();
  const def = typeDef('opinion_report');
  const names = await personNames(
    db,
    actor.bodyId,
    rows.map((r) => r.proposerPersonId),
  );
  return rows.map((r) => {
    const d = r.data as ReportData & { submitterName?: string | null };
    const state = r.state as ReportState;
    return {
      id: r.id,
      bodyId: r.bodyId,
      title: r.title,
      content: r.content,
      category: r.category,
      sector: r.sector,
      submitterKind: (r.submitterKind ?? d.submitterKind) as ReportSubmitterKind,
      submitterName: d.submitterName ?? null,
      proposerPersonId: r.proposerPersonId,
      proposerName: r.proposerPersonId ? (names.get(r.proposerPersonId) ?? null) : null,
      state,
      version: r.version,
      charCount: d.charCount,
      maxChars: config.report.maxChars,
      convertedFromId: d.convertedFromId,
      submittedAt: d.submittedAt,
      editedAt: d.editedAt,
      approvedAt: d.approvedAt,
      forwards: d.forwards,
      adoptions: d.adoptions,
      adoptionLevels: r.adoptionLevels as ReportLevel[],
      instructions: d.instructions,
      instructionCount: r.instructionCount,
      declineReason: d.declineReason,
      archivedAt: d.archivedAt,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      actions: availableActions(
        reportMachine,
        { state, version: r.version, data: d },
        { now, config: config.report, parties: def.parties(actor, r, []) },
      ),
    };
  });
};

/** 社情民意信息: `/api/v1/opinion-reports`. */
export function opinionReportRoutes(app: TypedApp, { database }: RouteContext) {
  itemRoutes(app, database.db, {
    type: 'opinion_report',
    path: '/opinion-reports',
    tag: 'opinion-reports',
    read: 'opinion.read',
    submit: 'opinion.submit',
    schemas: {
      item: OpinionReport,
      input: OpinionReportInput,
      patch: OpinionReportPatch,
      query: OpinionReportListQuery,
      transition: OpinionReportTransitionInput,
    },
    filters: (q: z.infer<typeof OpinionReportListQuery>, actor) => [
      q.state ? eq(trackedItems.state, q.state) : undefined,
      q.category ? eq(trackedItems.category, q.category) : undefined,
      q.sector ? eq(trackedItems.sector, q.sector) : undefined,
      q.submitterKind ? eq(trackedItems.submitterKind, q.submitterKind) : undefined,
      q.proposerPersonId ? eq(trackedItems.proposerPersonId, q.proposerPersonId) : undefined,
      q.adoptedLevel ? sql`${q.adoptedLevel} = any(${trackedItems.adoptionLevels})` : undefined,
      q.instructed === 'true' ? gt(trackedItems.instructionCount, 0) : undefined,
      q.instructed === 'false' ? eq(trackedItems.instructionCount, 0) : undefined,
      // The statistics' figures link here with these (repositories/statistics.ts builds both).
      q.year !== undefined || q.submitted === 'true' ? reportSubmittedSql(actor.bodyId, q.year) : undefined,
      q.submitted === 'false' ? not(reportSubmittedSql(actor.bodyId)) : undefined,
      q.adopted === 'true' ? sql`cardinality(${trackedItems.adoptionLevels}) > 0` : undefined,
      q.adopted === 'false' ? sql`cardinality(${trackedItems.adoptionLevels}) = 0` : undefined,
      q.instructedLevel ? instructedAtLevelSql(actor.bodyId, q.instructedLevel) : undefined,
    ],
    present: presentReports,
    export: {
      name: () => ({ zh: '社情民意信息', en: 'Opinion reports', ascii: 'opinion-reports' }),
      columns: REPORT_COLUMNS,
    },
  });
}
