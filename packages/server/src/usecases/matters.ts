import {
  fire,
  type MatterAction,
  MatterActionPayloads,
  type MatterData,
  type MatterInput,
  type MatterState,
  matterMachine,
  newMatterData,
} from '@yiting/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { appendAudit } from '../audit.ts';
import type { Db } from '../db/client.ts';
import {
  accountRoles,
  activities,
  activityRecords,
  files,
  itemEvents,
  itemFiles,
  itemUnits,
  notifications,
  people,
  trackedItems,
} from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../plugins/auth.ts';
import { trackingConfig } from '../tracking/config.ts';
import { partiesOf, unitScope } from '../tracking/parties.ts';
import { allocateNumber } from './doc-numbers.ts';
import { assertUsableUnits } from './scope.ts';

type BodyActor = Actor & { bodyId: string };

function matterSearchText(m: { title: string; content: string; number?: string | null }) {
  return [m.number ?? '', m.title, m.content].join(' ').toLowerCase();
}

async function assertInBody(
  tx: Db,
  bodyId: string,
  refs: { activityId?: string | null; recordId?: string | null; personId?: string | null },
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

async function appendEvent(
  tx: Db,
  e: {
    bodyId: string;
    itemId: string;
    action: string;
    fromState: string | null;
    toState: string;
    actor: BodyActor;
    payload: unknown;
    at: Date;
  },
) {
  const [last] = await tx
    .select({ seq: sql<number>`coalesce(max(${itemEvents.seq}), 0)::int` })
    .from(itemEvents)
    .where(eq(itemEvents.itemId, e.itemId));
  const id = newId();
  await tx.insert(itemEvents).values({
    id,
    bodyId: e.bodyId,
    itemId: e.itemId,
    seq: (last?.seq ?? 0) + 1,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    actorId: e.actor.account.id,
    actorName: e.actor.account.displayName,
    actorUnitId: e.actor.roles.includes('liaison') ? e.actor.unitId : null,
    at: e.at,
    payload: e.payload ?? {},
  });
  return id;
}

/** Creates a draft matter, usually from a research finding or a meeting's agreed item. */
export async function createMatter(opts: { db: Db; actor: BodyActor; input: MatterInput; now?: Date }) {
  const { db, actor, input } = opts;
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
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
    const id = newId();
    // `now` lets the demo play a past year in order; requests always use the clock.
    const now = opts.now ?? new Date();
    const [row] = await tx
      .insert(trackedItems)
      .values({
        id,
        bodyId: actor.bodyId,
        type: 'matter',
        title: input.title,
        content: input.content,
        requirements: input.requirements ?? null,
        state: matterMachine.initial,
        data: newMatterData(input.source),
        source: input.source,
        sourceActivityId,
        sourceRecordId: input.sourceRecordId ?? null,
        supervisorPersonId: input.supervisorPersonId ?? null,
        contact: input.contact ?? null,
        reportEveryDays: input.reportEveryDays ?? null,
        issuerId: actor.account.id,
        searchText: matterSearchText(input),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await appendEvent(tx, {
      bodyId: actor.bodyId,
      itemId: id,
      action: 'create',
      fromState: null,
      toState: matterMachine.initial,
      actor,
      payload: { title: input.title, source: input.source },
      at: now,
    });
    await appendAudit(tx, {
      bodyId: actor.bodyId,
      actorId: actor.account.id,
      actorName: actor.account.displayName,
      action: 'matter.create',
      targetType: 'matter',
      targetId: id,
      after: row,
    });
    return row!;
  });
}

/** Edits the text of a matter that is not yet finished (the office corrects wording, requirements). */
export async function updateMatter(opts: {
  db: Db;
  actor: BodyActor;
  id: string;
  version: number;
  patch: Partial<MatterInput>;
}) {
  const { db, actor, id, version, patch } = opts;
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [before] = await tx
      .select()
      .from(trackedItems)
      .where(
        and(eq(trackedItems.id, id), eq(trackedItems.bodyId, actor.bodyId), eq(trackedItems.type, 'matter')),
      )
      .for('update');
    if (!before) throw new AppError('not_found');
    if (before.version !== version)
      throw new AppError('version_conflict', undefined, undefined, { currentVersion: before.version });
    if (matterMachine.final.includes(before.state as MatterState)) throw new AppError('invalid_state');
    await assertInBody(tx, actor.bodyId, {
      activityId: patch.sourceActivityId,
      personId: patch.supervisorPersonId,
    });
    const title = patch.title ?? before.title;
    const content = patch.content ?? before.content;
    const data = before.data as MatterData;
    const [after] = await tx
      .update(trackedItems)
      .set({
        ...(patch.title !== undefined && { title: patch.title }),
        ...(patch.content !== undefined && { content: patch.content }),
        ...(patch.requirements !== undefined && { requirements: patch.requirements }),
        ...(patch.source !== undefined && { source: patch.source, data: { ...data, source: patch.source } }),
        ...(patch.sourceActivityId !== undefined && { sourceActivityId: patch.sourceActivityId }),
        ...(patch.supervisorPersonId !== undefined && { supervisorPersonId: patch.supervisorPersonId }),
        ...(patch.contact !== undefined && { contact: patch.contact }),
        ...(patch.reportEveryDays !== undefined && { reportEveryDays: patch.reportEveryDays }),
        searchText: matterSearchText({ title, content, number: before.number }),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(trackedItems.id, id))
      .returning();
    await appendEvent(tx, {
      bodyId: actor.bodyId,
      itemId: id,
      action: 'edit',
      fromState: before.state,
      toState: before.state,
      actor,
      payload: patch,
      at: new Date(),
    });
    await appendAudit(tx, {
      bodyId: actor.bodyId,
      actorId: actor.account.id,
      actorName: actor.account.displayName,
      action: 'matter.update',
      targetType: 'matter',
      targetId: id,
      before,
      after,
    });
    return after!;
  });
}

function payloadIssues(error: z.ZodError) {
  return error.issues.map((i) => ({
    path: ['payload', ...i.path.map(String)].join('.'),
    message: /^[a-z_]+$/.test(i.message) ? i.message : i.code,
  }));
}

/**
 * Fires one transition of a matter: checks the version read, who the actor is towards the matter, the
 * machine's rules and the references (units, files); then updates the row, writes the timeline event,
 * attaches files, notifies the unit, and appends the audit entry — all in one transaction.
 */
export async function fireMatterAction(opts: {
  db: Db;
  actor: BodyActor;
  id: string;
  version: number;
  action: string;
  payload: unknown;
  now?: Date;
}) {
  const { db, actor, id, version } = opts;
  const schema = (MatterActionPayloads as Record<string, z.ZodType>)[opts.action];
  if (!schema) throw new AppError('unknown_action');
  const parsed = schema.safeParse(opts.payload ?? {});
  if (!parsed.success) throw new AppError('validation_failed', undefined, payloadIssues(parsed.error));
  const payload = parsed.data as Record<string, unknown>;
  const action = opts.action as MatterAction;
  const config = await trackingConfig(db, actor.bodyId);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const now = opts.now ?? new Date();
    const scope = unitScope(actor);
    const [item] = await tx
      .select()
      .from(trackedItems)
      .where(
        and(eq(trackedItems.id, id), eq(trackedItems.bodyId, actor.bodyId), eq(trackedItems.type, 'matter')),
      )
      .for('update');
    const units = item
      ? await tx
          .select({ unitId: itemUnits.unitId, role: itemUnits.role })
          .from(itemUnits)
          .where(eq(itemUnits.itemId, item.id))
      : [];
    if (!item || (scope && !units.some((u) => u.unitId === scope))) throw new AppError('not_found');
    if (item.version !== version) {
      throw new AppError('version_conflict', undefined, undefined, { currentVersion: item.version });
    }
    const data = item.data as MatterData;
    const result = fire(
      matterMachine,
      { state: item.state as MatterState, version: item.version, data },
      action,
      payload,
      { now, config: config.matter, parties: partiesOf(actor, item, units) },
    );
    if (!result.ok) {
      if (result.code === 'wrong_state') throw new AppError('invalid_state', `${item.state} → ${action}`);
      if (result.code === 'not_allowed') throw new AppError('transition_not_allowed');
      if (result.code === 'unknown_action') throw new AppError('unknown_action');
      throw new AppError(
        'rule_failed',
        undefined,
        (result.issues ?? []).map((i) => ({
          path: i.path ? `payload.${i.path}` : 'payload',
          message: i.message,
        })),
      );
    }
    const set = result.set as Partial<MatterData> & { coUnitIds?: string[] };

    // References the pure machine cannot check.
    if (action === 'assign' || action === 'reassign') {
      const p = payload as { leadUnitId: string; coUnitIds?: string[] };
      const co = [...new Set(p.coUnitIds ?? [])].filter((u) => u !== p.leadUnitId);
      await assertUsableUnits(tx, actor.bodyId, [
        { id: p.leadUnitId, path: 'payload.leadUnitId' },
        ...co.map((u, i) => ({ id: u, path: `payload.coUnitIds.${i}` })),
      ]);
      await tx.delete(itemUnits).where(eq(itemUnits.itemId, id));
      await tx
        .insert(itemUnits)
        .values([
          { bodyId: actor.bodyId, itemId: id, unitId: p.leadUnitId, role: 'lead', assignedAt: now },
          ...co.map((u) => ({ bodyId: actor.bodyId, itemId: id, unitId: u, role: 'co', assignedAt: now })),
        ]);
    }
    const fileIds = [...new Set((payload.evidenceFileIds as string[] | undefined) ?? [])];
    if (fileIds.length) {
      const found = await tx
        .select({ id: files.id })
        .from(files)
        .where(and(eq(files.bodyId, actor.bodyId), inArray(files.id, fileIds)));
      const known = new Set(found.map((f) => f.id));
      const missing = fileIds.map((f, i) => ({ f, i })).filter(({ f }) => !known.has(f));
      if (missing.length) {
        throw new AppError(
          'validation_failed',
          undefined,
          missing.map(({ i }) => ({ path: `payload.evidenceFileIds.${i}`, message: 'unknown_file' })),
        );
      }
    }

    let number = item.number;
    if (action === 'assign' && !number) {
      const given = (payload as { noticeNumber?: string }).noticeNumber;
      number =
        given ?? (await allocateNumber(tx, actor.bodyId, config.matterNumberPrefix, now.getFullYear())).text;
    }
    const { coUnitIds: _co, ...machineSet } = set;
    const newData: MatterData = { ...data, ...machineSet };
    const [after] = await tx
      .update(trackedItems)
      .set({
        state: result.to,
        version: item.version + 1,
        data: newData,
        number,
        leadUnitId: newData.leadUnitId,
        deadline: newData.deadline,
        lastReportAt: newData.lastReportAt ? new Date(newData.lastReportAt) : null,
        closedAt: newData.closedAt ? new Date(newData.closedAt) : null,
        searchText: matterSearchText({ title: item.title, content: item.content, number }),
        updatedAt: now,
      })
      .where(eq(trackedItems.id, id))
      .returning();
    const eventId = await appendEvent(tx, {
      bodyId: actor.bodyId,
      itemId: id,
      action,
      fromState: result.from,
      toState: result.to,
      actor,
      payload: number !== item.number ? { ...payload, number } : payload,
      at: now,
    });
    if (fileIds.length) {
      await tx
        .insert(itemFiles)
        .values(fileIds.map((fileId) => ({ bodyId: actor.bodyId, itemId: id, eventId, fileId })))
        .onConflictDoNothing();
    }
    await notifyUnits(tx, actor.bodyId, after!, action);
    await appendAudit(tx, {
      bodyId: actor.bodyId,
      actorId: actor.account.id,
      actorName: actor.account.displayName,
      action: `matter.${action}`,
      targetType: 'matter',
      targetId: id,
      before: { state: item.state, version: item.version, data },
      after: { state: result.to, version: item.version + 1, data: newData, payload },
    });
    return after!;
  });
}

/** Actions the handling unit must hear of at once, in-app (reminders by e-mail are the jobs' work). */
const UNIT_NOTICES: Partial<Record<MatterAction, { zh: string }>> = {
  assign: { zh: '新交办事项' },
  reassign: { zh: '改派交办事项' },
  dismiss_objection: { zh: '异议未被采纳，请签收办理' },
  return: { zh: '事项被退回重办' },
  urge: { zh: '催办通知' },
  approve_extension: { zh: '延期申请已批准' },
  reject_extension: { zh: '延期申请未获批准' },
  reopen: { zh: '事项重新启动' },
};

async function notifyUnits(
  tx: Db,
  bodyId: string,
  item: typeof trackedItems.$inferSelect,
  action: MatterAction,
) {
  const notice = UNIT_NOTICES[action];
  if (!notice || !item.leadUnitId) return;
  const liaisons = await tx
    .select({ accountId: accountRoles.accountId })
    .from(accountRoles)
    .where(
      and(
        eq(accountRoles.bodyId, bodyId),
        eq(accountRoles.role, 'liaison'),
        eq(accountRoles.unitId, item.leadUnitId),
      ),
    );
  if (liaisons.length === 0) return;
  await tx.insert(notifications).values(
    liaisons.map((l) => ({
      id: newId(),
      bodyId,
      accountId: l.accountId,
      kind: `matter.${action}`,
      title: `${notice.zh}：${item.title}`,
      body: item.number ?? '',
      itemId: item.id,
    })),
  );
}
