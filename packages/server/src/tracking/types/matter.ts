import {
  label,
  type MachineDef,
  MatterActionPayloads,
  type MatterData,
  type MatterInput,
  matterMachine,
  newMatterData,
} from '@yiting/domain';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { activities, activityRecords, people, trackedItems, units } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { ACTIVE_MATTER_STATES, warningSql } from '../../repositories/matters.ts';
import { allocateNumber } from '../../usecases/doc-numbers.ts';
import { partiesOf, unitScopeSql } from '../parties.ts';
import type { DeadlineSpec, Due, ItemData, ItemTypeDef } from '../registry.ts';

async function assertInBody(
  tx: Db,
  bodyId: string,
  refs: { activityId?: string | null | undefined; personId?: string | null | undefined },
) {
  const issues: { path: string; message: string }[] = [];
  if (refs.activityId) {
    const [a] = await tx
      .select({ id: activities.id })
      .from(activities)
      .where(and(eq(activities.id, refs.activityId), eq(activities.bodyId, bodyId)));
    if (!a) issues.push({ path: 'sourceActivityId', message: 'unknown_activity' });
  }
  if (refs.personId) {
    const [p] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.id, refs.personId), eq(people.bodyId, bodyId)));
    if (!p) issues.push({ path: 'supervisorPersonId', message: 'unknown_person' });
  }
  if (issues.length) throw new AppError('validation_failed', undefined, issues);
}

const iso = (v: string | null) => (v ? new Date(v) : null);

/**
 * 督办: the lead unit's liaisons are reminded every day a matter is yellow (due within `yellowDays`, or a
 * progress report late) or red (overdue); an overdue matter is escalated to its supervising leader.
 */
const deadlines: DeadlineSpec = {
  jobs: 'matters',
  states: ACTIVE_MATTER_STATES,
  daily: true,
  scan: async (db, bodyId, config) => {
    const reminders: Due[] = [];
    for (const level of ['yellow', 'red'] as const) {
      const due = await db
        .select({ id: trackedItems.id, deadline: trackedItems.deadline })
        .from(trackedItems)
        .where(
          and(
            eq(trackedItems.bodyId, bodyId),
            eq(trackedItems.type, 'matter'),
            warningSql(level, config.matter.yellowDays),
          ),
        )
        .limit(5000);
      for (const m of due)
        reminders.push({ itemId: m.id, deadline: 'deadline', level, date: m.deadline ?? '' });
    }
    return { reminders, actions: [] };
  },
  reminder: async (db, m, due) => {
    if (!ACTIVE_MATTER_STATES.includes(m.state as never)) return null;
    const [unit] = m.leadUnitId
      ? await db.select({ name: units.name }).from(units).where(eq(units.id, m.leadUnitId))
      : [];
    const red = due.level === 'red';
    const data = m.data as MatterData;
    const text = [
      `交办事项「${m.title}」${red ? '已逾期' : '即将到期'}。`,
      `文号：${m.number ?? '—'}`,
      `承办单位：${unit?.name ?? '—'}`,
      `办理期限：${m.deadline ?? '—'}`,
      `当前状态：${label('matterState', m.state as never, 'zh-CN')}`,
      data.pendingExtension ? `延期申请待审批：至 ${data.pendingExtension.until}` : '',
      '',
      '请登录议厅系统办理。',
    ]
      .filter((l) => l !== '')
      .join('\n');
    return {
      kind: `matter.reminder.${due.level}`,
      title: `【${red ? '逾期督办' : '到期提醒'}】${m.number ?? ''} ${m.title}`,
      text,
      unitIds: m.leadUnitId ? [m.leadUnitId] : [],
      personIds: [],
      escalateTo: red ? m.supervisorPersonId : null,
    };
  },
};

/** 交办事项: assigned by the office to a lead unit (with co-units), followed until closed out. */
export const matterType: ItemTypeDef = {
  types: ['matter'],
  name: 'matter',
  machine: matterMachine as unknown as MachineDef<string, string, unknown>,
  payloads: MatterActionPayloads,
  config: (c) => c.matter,
  scope: unitScopeSql,
  parties: (actor, item, units) => partiesOf(actor, item, units),
  columns: (raw) => {
    const d = raw as MatterData;
    return {
      leadUnitId: d.leadUnitId,
      deadline: d.deadline,
      lastReportAt: iso(d.lastReportAt),
      closedAt: iso(d.closedAt),
    };
  },
  // The machine reports the co-units it assigned; they live in item_units, not in the data.
  transient: ['coUnitIds'],
  assignment: {
    actions: ['assign', 'reassign'],
    unitRefs: (p) => {
      const { leadUnitId, coUnitIds } = p as { leadUnitId: string; coUnitIds?: string[] };
      const co = [...new Set(coUnitIds ?? [])].filter((u) => u !== leadUnitId);
      return [
        { id: leadUnitId, path: 'payload.leadUnitId' },
        ...co.map((u, i) => ({ id: u, path: `payload.coUnitIds.${i}` })),
      ];
    },
    units: (p) => {
      const { leadUnitId, coUnitIds, unitLeaders } = p as {
        leadUnitId: string;
        coUnitIds?: string[];
        unitLeaders?: Record<string, string>;
      };
      const co = [...new Set(coUnitIds ?? [])].filter((u) => u !== leadUnitId);
      const leader = (unitId: string) => unitLeaders?.[unitId] ?? null;
      return [
        { unitId: leadUnitId, role: 'lead', responsibleLeader: leader(leadUnitId) },
        ...co.map((unitId) => ({ unitId, role: 'co', responsibleLeader: leader(unitId) })),
      ];
    },
  },
  fileFields: ['evidenceFileIds'],
  // The assignment notice's number: given by the office, or the next of the body's 督 sequence.
  number: async (env, row, action, payload) => {
    if (action !== 'assign' || row.number) return null;
    const given = (payload as { noticeNumber?: string }).noticeNumber;
    return {
      number:
        given ??
        (await allocateNumber(env.tx, env.actor.bodyId, env.config.matterNumberPrefix, env.now.getFullYear()))
          .text,
    };
  },
  // Actions the handling unit must hear of at once, in-app (reminders by e-mail are the jobs' work).
  notices: {
    assign: { to: 'lead_unit', zh: '新交办事项' },
    reassign: { to: 'lead_unit', zh: '改派交办事项' },
    dismiss_objection: { to: 'lead_unit', zh: '异议未被采纳，请签收办理' },
    return: { to: 'lead_unit', zh: '事项被退回重办' },
    urge: { to: 'lead_unit', zh: '催办通知' },
    approve_extension: { to: 'lead_unit', zh: '延期申请已批准' },
    reject_extension: { to: 'lead_unit', zh: '延期申请未获批准' },
    reopen: { to: 'lead_unit', zh: '事项重新启动' },
  },
  deadlines,

  /** A draft matter, usually from a research finding or a meeting's agreed item. */
  create: async (env, raw) => {
    const input = raw as MatterInput;
    const { tx, actor } = env;
    let sourceActivityId = input.sourceActivityId ?? null;
    if (input.sourceRecordId) {
      const [rec] = await tx
        .select({ activityId: activityRecords.activityId })
        .from(activityRecords)
        .where(and(eq(activityRecords.id, input.sourceRecordId), eq(activityRecords.bodyId, actor.bodyId)));
      if (!rec)
        throw new AppError('validation_failed', undefined, [
          { path: 'sourceRecordId', message: 'invalid_value' },
        ]);
      sourceActivityId ??= rec.activityId;
    }
    await assertInBody(tx, actor.bodyId, {
      activityId: sourceActivityId,
      personId: input.supervisorPersonId,
    });
    return {
      type: 'matter',
      columns: {
        title: input.title,
        content: input.content,
        requirements: input.requirements ?? null,
        source: input.source,
        sourceActivityId,
        sourceRecordId: input.sourceRecordId ?? null,
        supervisorPersonId: input.supervisorPersonId ?? null,
        contact: input.contact ?? null,
        reportEveryDays: input.reportEveryDays ?? null,
      },
      data: newMatterData(input.source),
      eventPayload: { title: input.title, source: input.source },
    };
  },

  // The office corrects wording, requirements, source or supervisor of a matter not yet finished.
  edit: {
    states: 'open',
    parties: null,
    apply: async (env, row, raw) => {
      const patch = raw as Partial<MatterInput>;
      await assertInBody(env.tx, env.actor.bodyId, {
        activityId: patch.sourceActivityId,
        personId: patch.supervisorPersonId,
      });
      const data = row.data as ItemData;
      return {
        columns: {
          ...(patch.title !== undefined && { title: patch.title }),
          ...(patch.content !== undefined && { content: patch.content }),
          ...(patch.requirements !== undefined && { requirements: patch.requirements }),
          ...(patch.source !== undefined && { source: patch.source }),
          ...(patch.sourceActivityId !== undefined && { sourceActivityId: patch.sourceActivityId }),
          ...(patch.supervisorPersonId !== undefined && { supervisorPersonId: patch.supervisorPersonId }),
          ...(patch.contact !== undefined && { contact: patch.contact }),
          ...(patch.reportEveryDays !== undefined && { reportEveryDays: patch.reportEveryDays }),
        },
        ...(patch.source !== undefined && { data: { ...data, source: patch.source } }),
      };
    },
  },
};
