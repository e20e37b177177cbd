import type { MachineDef, Party } from '@yiting/domain';
import type { SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { trackedItems } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../plugins/auth.ts';
import type { BodyTrackingConfig } from './config.ts';
import { matterType } from './types/matter.ts';
import { reportType } from './types/opinion-report.ts';
import { proposalType } from './types/proposal.ts';

/**
 * The server half of the one tracked-item engine (ARCHITECTURE §3). The domain declares each type's
 * machine; this registry says, per type, what the database needs around it: who sees which rows, which
 * data fields are mirrored into columns for lists, which actions assign units or carry files, who hears
 * of what. `usecases/tracked-items.ts` applies it — one transaction, one code path for every type.
 */

export type BodyActor = Actor & { bodyId: string };
export type ItemRow = typeof trackedItems.$inferSelect;
export type ItemColumns = Partial<
  Omit<typeof trackedItems.$inferInsert, 'id' | 'bodyId' | 'data' | 'version'>
>;
export type ItemData = Record<string, unknown>;
export type Payload = Record<string, unknown>;

export interface UnitRef {
  unitId: string;
  role: string;
  responsibleLeader?: string | null;
}

export interface SignerRow {
  personId: string;
  role: 'lead' | 'cosigner';
  status: 'invited' | 'confirmed' | 'declined' | 'dropped';
  at: Date | null;
}

/** What a use case hands the hooks: the open transaction, who acts, the body's configuration, the time. */
export interface Env {
  tx: Db;
  actor: BodyActor;
  config: BodyTrackingConfig;
  now: Date;
}

/** Who hears of an action at once, in-app: the liaisons of the lead unit or of every unit, or people. */
export type Recipients = 'lead_unit' | 'units' | 'proposer' | 'cosigners';

export interface Notice {
  to: Recipients;
  zh: string;
  /** Only for some outcomes (e.g. a rating that sends the item back to the units). */
  when?: (from: string, to: string) => boolean;
}

/** A deadline of an item that a reminder is owed for now: what a `<jobs>.remind` job carries. */
export interface Due {
  itemId: string;
  /** Which deadline: a matter's `deadline`; a proposal's contact, co_opinion, reply, signature, rating. */
  deadline: string;
  level: 'yellow' | 'red';
  /** The deadline's date: a reminder sent once per deadline is sent again for a new date (an extension). */
  date: string;
}

/** A reminder as it goes out: in-app to each account, and one e-mail to all of them. */
export interface Reminder {
  /** The notification's kind, e.g. matter.reminder.red. */
  kind: string;
  title: string;
  text: string;
  /** The liaisons of these units are reminded… */
  unitIds: string[];
  /** …and these people (co-signers, the proposer)… */
  personIds: string[];
  /** …and, escalated (kind `<name>.escalation`), this person: the supervising leader of a late item. */
  escalateTo: string | null;
}

/**
 * The deadlines the job runner watches for a type (jobs/reminders.ts): every hour one `<jobs>.scan` per
 * body with items in `states`; the scan names what is owed, and each reminder is one `<jobs>.remind` job,
 * each action the system owes (a deadline passing) one `<jobs>.fire` job, deduplicated.
 */
export interface DeadlineSpec {
  /** Prefix of the job kinds: matters → matters.scan, matters.remind. */
  jobs: string;
  /** Items in these states may owe something: bodies with none are not scanned. */
  states: readonly string[];
  /** Reminded every day while owed (a matter under supervision), or once per deadline, date and level. */
  daily: boolean;
  /** What the body's items owe now: reminders, and actions the system fires as `systemActor`. */
  scan(
    db: Db,
    bodyId: string,
    config: BodyTrackingConfig,
    now: Date,
  ): Promise<{ reminders: Due[]; actions: { itemId: string; action: string; date: string }[] }>;
  /**
   * The reminder of one owed deadline, from the item as it is now; null when it is no longer owed. (It
   * reads the body's configuration itself if it needs it: one remind job should stay one short round.)
   */
  reminder(db: Db, row: ItemRow, due: Due, now: Date): Promise<Reminder | null>;
}

/** The same action's consequence on another item of the type, e.g. a merge recorded on its target. */
export interface Effect {
  id: string;
  action: string;
  payload: Payload;
  /** Reported on this field when the other item refuses. */
  path: string;
  message: string;
}

/** A new item of another type, made through that type's `create` from `input`, with `data` added. */
export interface Spawn {
  type: string;
  input: unknown;
  data: ItemData;
  record(id: string): ItemData;
}

export interface Created {
  /** The value of tracked_items.type (proposal or suggestion for the proposal machine). */
  type: string;
  columns: ItemColumns & { title: string; content: string };
  data: ItemData;
  eventPayload: Payload;
}

export interface ItemTypeDef<C = unknown> {
  /** Values of tracked_items.type this definition handles. */
  types: readonly string[];
  /** Prefix of audit actions and notification kinds, and the audit target type. */
  name: string;
  machine: MachineDef<string, string, C>;
  payloads: Readonly<Record<string, z.ZodType>>;
  config(c: BodyTrackingConfig): C;
  /** The rows this actor may see (null: all of the body's); anything else is a 404. */
  scope(actor: Actor): SQL | null;
  /**
   * Which items the reviewer compares this one with (the similar-item lookup), besides the caller's
   * scope: e.g. submitted proposals of this and past sessions, not those already merged into it.
   */
  similarTo?(row: ItemRow): SQL | undefined;
  /** The parts the actor plays towards one item (the machine decides what each may do). */
  parties(actor: Actor, item: ItemRow, units: UnitRef[]): Party[];
  /** Columns mirrored from the data after every change, for lists, filters, warnings and statistics. */
  columns(data: ItemData, state: string, row: ItemRow): ItemColumns;
  /** Keys of the machine's `set` that describe the change but are not kept in the data. */
  transient?: readonly string[];
  /** Actions that (re)assign units: the ids to check as usable, and the units the item then has. */
  assignment?: {
    actions: readonly string[];
    unitRefs(payload: Payload): { id: string; path: string }[];
    units(payload: Payload, data: ItemData): UnitRef[];
  };
  /** Payload fields carrying file ids; the files are checked and attached to the event. */
  fileFields: readonly string[];
  /** The signers mirrored into item_signers, when the type has any. */
  signers?(data: ItemData, row: ItemRow): SignerRow[];
  /** A number an action gives (an assignment notice's, an acceptance's), with the columns that go with it. */
  number?(env: Env, row: ItemRow, action: string, payload: Payload): Promise<ItemColumns | null>;
  /** References only the database can check (people, other items); throws a field error. */
  references?(env: Env, row: ItemRow, action: string, payload: Payload): Promise<void>;
  effects?(row: ItemRow, action: string, payload: Payload): Effect[];
  /** Items of another type the action creates, and what this item records of each (by its id). */
  spawns?(row: ItemRow, action: string, payload: Payload): Spawn[];
  /** Columns that follow from the payload itself, e.g. the text an editor rewrote. */
  payloadColumns?(action: string, payload: Payload): ItemColumns;
  notices: Readonly<Partial<Record<string, Notice>>>;
  /** The notification's title; `${zh}：${title}` unless the type words it itself. */
  noticeTitle?(row: ItemRow, zh: string): string;
  /** The deadlines the jobs remind of and act on, when the type has any. */
  deadlines?: DeadlineSpec;
  /** A new item from the validated input (the route's zod schema); reference checks included. */
  create(env: Env, input: unknown): Promise<Created>;
  /** Edits of the text outside the machine (a draft, a returned proposal, a matter's wording). */
  edit: {
    /** States in which it may be edited; 'open' = every state but the final ones. */
    states: readonly string[] | 'open';
    /** Parties that may edit; null when the route's permission is enough. */
    parties: readonly Party[] | null;
    apply(env: Env, row: ItemRow, patch: unknown): Promise<{ columns: ItemColumns; data?: ItemData }>;
  };
}

export const ITEM_TYPES = {
  matter: matterType,
  proposal: proposalType,
  opinion_report: reportType,
} satisfies Record<string, ItemTypeDef>;

export type ItemTypeName = keyof typeof ITEM_TYPES;

export function typeDef(type: string): ItemTypeDef {
  const def = (ITEM_TYPES as Record<string, ItemTypeDef>)[type];
  if (!def) throw new AppError('not_found', `item type ${type}`);
  return def;
}
