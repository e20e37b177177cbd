import { type FireResult, fire } from '@yiting/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { appendAudit } from '../audit.ts';
import type { Db } from '../db/client.ts';
import {
  accountRoles,
  accounts,
  files,
  itemEvents,
  itemFiles,
  itemSigners,
  itemUnits,
  notifications,
  trackedItems,
} from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import { trackingConfig } from '../tracking/config.ts';
import {
  type BodyActor,
  type Env,
  type ItemColumns,
  type ItemData,
  type ItemRow,
  type ItemTypeDef,
  type Payload,
  type Recipients,
  typeDef,
  type UnitRef,
} from '../tracking/registry.ts';
import { indexItem } from '../tracking/search.ts';
import { assertUsableUnits } from './scope.ts';

/**
 * The one write path of every tracked item (ARCHITECTURE §3): create, edit, and fire a transition of a
 * matter, a proposal or a report. What differs between types is in `tracking/registry.ts`; here is what
 * never does — the transaction, the version check (409), the scope (404), the machine, the reference
 * checks, the columns, the units, the timeline event, the files, the notifications and the audit entry.
 */

const SYSTEM_NAME = '系统';
/** The account recorded for an actor; none for the system. */
const accountIdOf = (actor: BodyActor) => (actor.via === 'system' ? null : actor.account.id);

/**
 * The job runner when a deadline passes (a joint proposal's signature window): it sees the body's items,
 * plays the machine's `system` party alone, and is recorded as 系统 with no account.
 */
export function systemActor(bodyId: string): BodyActor {
  return {
    account: {
      id: '00000000-0000-0000-0000-000000000000', // never written: events and audit get a null actor
      username: 'system',
      displayName: SYSTEM_NAME,
      passwordHash: '',
      personId: null,
      homeBodyId: bodyId,
      totpSecret: null,
      totpEnabled: false,
      failedLogins: 0,
      lockedUntil: null,
      disabled: true,
      version: 0,
      createdAt: new Date(0),
    },
    via: 'system',
    sessionId: null,
    csrfToken: null,
    bodyId,
    roles: [],
    unitId: null,
  };
}

export async function appendEvent(
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
    actorId: accountIdOf(e.actor),
    actorName: e.actor.account.displayName,
    actorUnitId: e.actor.roles.includes('liaison') ? e.actor.unitId : null,
    at: e.at,
    payload: e.payload ?? {},
  });
  return id;
}

function payloadIssues(error: z.ZodError) {
  return error.issues.map((i) => ({
    path: ['payload', ...i.path.map(String)].join('.'),
    message: /^[a-z_]+$/.test(i.message) ? i.message : i.code,
  }));
}

/** Locks the item for this transaction; absent, of another type or outside the actor's scope is a 404. */
async function lockItem(tx: Db, def: ItemTypeDef, actor: BodyActor, id: string): Promise<ItemRow> {
  const [item] = await tx
    .select()
    .from(trackedItems)
    .where(
      and(
        eq(trackedItems.id, id),
        eq(trackedItems.bodyId, actor.bodyId),
        inArray(trackedItems.type, [...def.types]),
        def.scope(actor) ?? undefined,
      ),
    )
    .for('update');
  if (!item) throw new AppError('not_found');
  return item;
}

function checkVersion(item: ItemRow, version: number) {
  if (item.version !== version)
    throw new AppError('version_conflict', undefined, undefined, { currentVersion: item.version });
}

async function unitsOf(tx: Db, itemId: string): Promise<UnitRef[]> {
  return tx
    .select({ unitId: itemUnits.unitId, role: itemUnits.role })
    .from(itemUnits)
    .where(eq(itemUnits.itemId, itemId));
}

const actorRef = (actor: BodyActor) => ({
  personId: actor.account.personId,
  unitId: actor.roles.includes('liaison') ? actor.unitId : null,
});

/** Rewrites item_signers when the type keeps signers and they changed. */
async function syncSigners(tx: Db, def: ItemTypeDef, row: ItemRow) {
  if (!def.signers) return;
  const wanted = def.signers(row.data as ItemData, row);
  const have = await tx
    .select({ personId: itemSigners.personId, role: itemSigners.role, status: itemSigners.status })
    .from(itemSigners)
    .where(eq(itemSigners.itemId, row.id));
  const key = (s: { personId: string; role: string; status: string }) =>
    `${s.personId}/${s.role}/${s.status}`;
  const a = have.map(key).sort().join();
  const b = wanted.map(key).sort().join();
  if (a === b) return;
  await tx.delete(itemSigners).where(eq(itemSigners.itemId, row.id));
  if (wanted.length)
    await tx.insert(itemSigners).values(wanted.map((s) => ({ ...s, bodyId: row.bodyId, itemId: row.id })));
}

/** File ids of the payload's file fields: each must be a file of this body. */
async function checkFiles(tx: Db, def: ItemTypeDef, bodyId: string, payload: Payload): Promise<string[]> {
  const refs = def.fileFields.flatMap((field) =>
    ((payload[field] as string[] | undefined) ?? []).map((id, i) => ({ id, path: `payload.${field}.${i}` })),
  );
  if (!refs.length) return [];
  const ids = [...new Set(refs.map((r) => r.id))];
  const found = await tx
    .select({ id: files.id })
    .from(files)
    .where(and(eq(files.bodyId, bodyId), inArray(files.id, ids)));
  const known = new Set(found.map((f) => f.id));
  const missing = refs.filter((r) => !known.has(r.id));
  if (missing.length)
    throw new AppError(
      'validation_failed',
      undefined,
      missing.map((r) => ({ path: r.path, message: 'unknown_file' })),
    );
  return ids;
}

function refusal(result: Exclude<FireResult<string>, { ok: true }>, state: string, action: string): AppError {
  if (result.code === 'wrong_state') return new AppError('invalid_state', `${state} → ${action}`);
  if (result.code === 'not_allowed') return new AppError('transition_not_allowed');
  if (result.code === 'unknown_action') return new AppError('unknown_action');
  return new AppError(
    'rule_failed',
    undefined,
    (result.issues ?? []).map((i) => ({
      path: i.path ? `payload.${i.path}` : 'payload',
      message: i.message,
    })),
  );
}

async function accountsToNotify(tx: Db, bodyId: string, row: ItemRow, to: Recipients): Promise<string[]> {
  if (to === 'lead_unit' || to === 'units') {
    const unitIds =
      to === 'lead_unit'
        ? row.leadUnitId
          ? [row.leadUnitId]
          : []
        : (await unitsOf(tx, row.id)).map((u) => u.unitId);
    if (!unitIds.length) return [];
    const rows = await tx
      .select({ accountId: accountRoles.accountId })
      .from(accountRoles)
      .where(
        and(
          eq(accountRoles.bodyId, bodyId),
          eq(accountRoles.role, 'liaison'),
          inArray(accountRoles.unitId, unitIds),
        ),
      );
    return rows.map((r) => r.accountId);
  }
  const personIds =
    to === 'proposer'
      ? row.proposerPersonId
        ? [row.proposerPersonId]
        : []
      : (((row.data as ItemData).cosigners as { personId: string; status: string }[] | undefined)
          ?.filter((c) => c.status === 'pending')
          .map((c) => c.personId) ?? []);
  if (!personIds.length) return [];
  const rows = await tx
    .selectDistinct({ accountId: accounts.id })
    .from(accounts)
    .innerJoin(accountRoles, and(eq(accountRoles.accountId, accounts.id), eq(accountRoles.bodyId, bodyId)))
    .where(and(inArray(accounts.personId, personIds), eq(accounts.disabled, false)));
  return rows.map((r) => r.accountId);
}

async function notify(tx: Db, def: ItemTypeDef, row: ItemRow, action: string, from: string, to: string) {
  const notice = def.notices[action];
  if (!notice || (notice.when && !notice.when(from, to))) return;
  const ids = [...new Set(await accountsToNotify(tx, row.bodyId, row, notice.to))];
  if (!ids.length) return;
  const title = def.noticeTitle?.(row, notice.zh) ?? `${notice.zh}：${row.title}`;
  await tx.insert(notifications).values(
    ids.map((accountId) => ({
      id: newId(),
      bodyId: row.bodyId,
      accountId,
      kind: `${def.name}.${action}`,
      title,
      body: row.number ?? '',
      itemId: row.id,
    })),
  );
}

/** Fires one action on a locked item, inside the caller's transaction; see `fireItemAction`. */
async function applyAction(
  env: Env,
  def: ItemTypeDef,
  item: ItemRow,
  action: string,
  payload: Payload,
): Promise<ItemRow> {
  const { tx, actor, now } = env;
  const units = await unitsOf(tx, item.id);
  const data = item.data as ItemData;
  const result = fire(def.machine, { state: item.state, version: item.version, data }, action, payload, {
    now,
    config: def.config(env.config),
    parties: def.parties(actor, item, units),
    actor: actorRef(actor),
  });
  if (!result.ok) throw refusal(result, item.state, action);

  // References the pure machine cannot check.
  const assigns = def.assignment?.actions.includes(action) ?? false;
  if (assigns) await assertUsableUnits(tx, actor.bodyId, def.assignment!.unitRefs(payload));
  await def.references?.(env, item, action, payload);
  const fileIds = await checkFiles(tx, def, actor.bodyId, payload);

  const set = { ...result.set };
  for (const k of def.transient ?? []) delete set[k];
  const newData: ItemData = { ...data, ...set };
  // Items of another type the action brings about (a proposal converted into a public-opinion report).
  const spawned: Payload = {};
  for (const spawn of def.spawns?.(item, action, payload) ?? []) {
    const made = await insertItem(env, typeDef(spawn.type), spawn.input, spawn.data);
    Object.assign(newData, spawn.record(made.id));
    Object.assign(spawned, spawn.record(made.id));
  }
  if (assigns) {
    await tx.delete(itemUnits).where(eq(itemUnits.itemId, item.id));
    const next = def.assignment!.units(payload, newData);
    if (next.length)
      await tx
        .insert(itemUnits)
        .values(next.map((u) => ({ ...u, bodyId: actor.bodyId, itemId: item.id, assignedAt: now })));
  }
  const numbered: ItemColumns = (await def.number?.(env, item, action, payload)) ?? {};
  const number = numbered.number ?? item.number;
  const [after] = await tx
    .update(trackedItems)
    .set({
      ...def.columns(newData, result.to, item),
      ...def.payloadColumns?.(action, payload),
      ...numbered,
      state: result.to,
      version: item.version + 1,
      data: newData,
      updatedAt: now,
    })
    .where(eq(trackedItems.id, item.id))
    .returning();
  if (after!.number !== item.number || after!.content !== item.content) await indexItem(tx, item.id, after!);
  const eventId = await appendEvent(tx, {
    bodyId: actor.bodyId,
    itemId: item.id,
    action,
    fromState: result.from,
    toState: result.to,
    actor,
    payload: { ...payload, ...(number !== item.number && { number }), ...spawned },
    at: now,
  });
  if (fileIds.length)
    await tx
      .insert(itemFiles)
      .values(fileIds.map((fileId) => ({ bodyId: actor.bodyId, itemId: item.id, eventId, fileId })))
      .onConflictDoNothing();
  await syncSigners(tx, def, after!);

  // Consequences on other items of the type (a merge recorded on its target), in the same transaction.
  for (const effect of def.effects?.(after!, action, payload) ?? []) {
    const refused = () =>
      new AppError('rule_failed', undefined, [{ path: effect.path, message: effect.message }]);
    const [target] = await tx
      .select()
      .from(trackedItems)
      .where(
        and(
          eq(trackedItems.id, effect.id),
          eq(trackedItems.bodyId, actor.bodyId),
          inArray(trackedItems.type, [...def.types]),
        ),
      )
      .for('update');
    if (!target) throw refused();
    try {
      await applyAction(env, def, target, effect.action, effect.payload);
    } catch (e) {
      if (
        e instanceof AppError &&
        ['invalid_state', 'transition_not_allowed', 'rule_failed'].includes(e.code)
      )
        throw refused();
      throw e;
    }
  }

  await notify(tx, def, after!, action, result.from, result.to);
  await appendAudit(tx, {
    bodyId: actor.bodyId,
    actorId: accountIdOf(actor),
    actorName: actor.account.displayName,
    action: `${def.name}.${action}`,
    targetType: def.name,
    targetId: item.id,
    before: { state: item.state, version: item.version, data },
    after: { state: result.to, version: item.version + 1, data: newData, payload },
  });
  return after!;
}

/**
 * Fires one transition of any tracked item: checks the payload's shape, the version read, that the actor
 * may see the item, the machine's rules and the references (units, people, items, files); then updates
 * the row and its mirrored columns, rewrites the units on assignment, writes the timeline event, attaches
 * files, keeps the signers, notifies, and appends the audit entry — all in one transaction.
 */
export async function fireItemAction(opts: {
  db: Db;
  actor: BodyActor;
  type: string;
  id: string;
  version: number;
  action: string;
  payload: unknown;
  /** The demo plays a past year in order; requests always use the clock. */
  now?: Date | undefined;
}): Promise<ItemRow> {
  const { db, actor } = opts;
  const def = typeDef(opts.type);
  const schema = def.payloads[opts.action];
  if (!schema) throw new AppError('unknown_action');
  const parsed = schema.safeParse(opts.payload ?? {});
  if (!parsed.success) throw new AppError('validation_failed', undefined, payloadIssues(parsed.error));
  const config = await trackingConfig(db, actor.bodyId);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const env: Env = { tx, actor, config, now: opts.now ?? new Date() };
    const item = await lockItem(tx, def, actor, opts.id);
    checkVersion(item, opts.version);
    return applyAction(env, def, item, opts.action, parsed.data as Payload);
  });
}

/** Creates an item in its machine's initial state, with its first timeline event. */
export async function createItem(opts: {
  db: Db;
  actor: BodyActor;
  type: string;
  input: unknown;
  now?: Date | undefined;
}): Promise<ItemRow> {
  const { db, actor } = opts;
  const def = typeDef(opts.type);
  const config = await trackingConfig(db, actor.bodyId);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const now = opts.now ?? new Date();
    return insertItem({ tx, actor, config, now }, def, opts.input);
  });
}

/** Makes, stores and records a new item inside the caller's transaction; `extra` joins its data. */
async function insertItem(
  env: Env,
  def: ItemTypeDef,
  input: unknown,
  extra: ItemData = {},
): Promise<ItemRow> {
  const { tx, actor, now } = env;
  const made = await def.create(env, input);
  const id = newId();
  const [row] = await tx
    .insert(trackedItems)
    .values({
      ...made.columns,
      id,
      bodyId: actor.bodyId,
      type: made.type,
      state: def.machine.initial,
      data: { ...made.data, ...extra },
      issuerId: actor.account.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await indexItem(tx, id, row!);
  await syncSigners(tx, def, row!);
  await appendEvent(tx, {
    bodyId: actor.bodyId,
    itemId: id,
    action: 'create',
    fromState: null,
    toState: def.machine.initial,
    actor,
    payload: { ...made.eventPayload, ...extra },
    at: now,
  });
  await appendAudit(tx, {
    bodyId: actor.bodyId,
    actorId: actor.account.id,
    actorName: actor.account.displayName,
    action: `${def.name}.create`,
    targetType: def.name,
    targetId: id,
    after: row,
  });
  return row!;
}

/** Edits an item's text outside its machine (a draft, a returned proposal, a matter's wording). */
export async function editItem(opts: {
  db: Db;
  actor: BodyActor;
  type: string;
  id: string;
  version: number;
  patch: unknown;
  now?: Date | undefined;
}): Promise<ItemRow> {
  const { db, actor } = opts;
  const def = typeDef(opts.type);
  const config = await trackingConfig(db, actor.bodyId);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const now = opts.now ?? new Date();
    const before = await lockItem(tx, def, actor, opts.id);
    checkVersion(before, opts.version);
    const { states, parties } = def.edit;
    const editable =
      states === 'open' ? !def.machine.final.includes(before.state) : states.includes(before.state);
    if (!editable) throw new AppError('invalid_state', `${before.state} → edit`);
    if (parties) {
      const mine = def.parties(actor, before, await unitsOf(tx, before.id));
      if (!parties.some((p) => mine.includes(p))) throw new AppError('transition_not_allowed');
    }
    const change = await def.edit.apply({ tx, actor, config, now }, before, opts.patch);
    const [after] = await tx
      .update(trackedItems)
      .set({
        ...change.columns,
        ...(change.data && { data: change.data }),
        version: before.version + 1,
        updatedAt: now,
      })
      .where(eq(trackedItems.id, before.id))
      .returning();
    await indexItem(tx, before.id, after!);
    await syncSigners(tx, def, after!);
    await appendEvent(tx, {
      bodyId: actor.bodyId,
      itemId: before.id,
      action: 'edit',
      fromState: before.state,
      toState: before.state,
      actor,
      payload: opts.patch,
      at: now,
    });
    await appendAudit(tx, {
      bodyId: actor.bodyId,
      actorId: actor.account.id,
      actorName: actor.account.displayName,
      action: `${def.name}.update`,
      targetType: def.name,
      targetId: before.id,
      before,
      after,
    });
    return after!;
  });
}
