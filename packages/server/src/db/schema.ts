import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Conventions: every business table carries body_id and its indexes lead with it (ARCHITECTURE §2).
// Ids are UUIDv7 made by the application, so id order is creation order and cursors can use it.

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const created = () => ts('created_at').notNull().defaultNow();
const updated = () => ts('updated_at').notNull().defaultNow();

export const bodies = pgTable(
  'bodies',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    regionCode: text('region_code').notNull(),
    regionName: text('region_name').notNull(),
    /** Per-body configuration overriding DOMAIN.md defaults (time limits, scales, permissions…). */
    config: jsonb('config').notNull().default({}),
    requireTotpForAdmin: boolean('require_totp_for_admin').notNull().default(false),
    createdAt: created(),
  },
  (t) => [index('bodies_parent_idx').on(t.parentId), index('bodies_region_idx').on(t.regionCode, t.kind)],
);

export const terms = pgTable(
  'terms',
  {
    id: uuid('id').primaryKey(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
  },
  (t) => [uniqueIndex('terms_body_number_uq').on(t.bodyId, t.number)],
);

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    phone: text('phone'),
    address: text('address'),
    sortOrder: integer('sort_order').notNull().default(0),
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('units_body_idx').on(t.bodyId, t.kind, t.sortOrder, t.id),
    uniqueIndex('units_body_name_uq').on(t.bodyId, t.name),
  ],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    name: text('name').notNull(),
    gender: text('gender'),
    birthDate: date('birth_date'),
    ethnicity: text('ethnicity'),
    party: text('party'),
    organization: text('organization'),
    position: text('position'),
    phone: text('phone'),
    email: text('email'),
    notes: text('notes'),
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('people_body_idx').on(t.bodyId, t.id), index('people_body_name_idx').on(t.bodyId, t.name)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    termId: uuid('term_id').references(() => terms.id),
    title: text('title'),
    deputyLevel: text('deputy_level'),
    delegation: text('delegation'),
    sector: text('sector'),
    startDate: date('start_date'),
    endDate: date('end_date'),
  },
  (t) => [
    index('memberships_body_person_idx').on(t.bodyId, t.personId),
    index('memberships_body_role_idx').on(t.bodyId, t.role, t.personId),
    index('memberships_body_unit_idx').on(t.bodyId, t.unitId),
  ],
);

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    personId: uuid('person_id').references(() => people.id),
    homeBodyId: uuid('home_body_id')
      .notNull()
      .references(() => bodies.id),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    disabled: boolean('disabled').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [uniqueIndex('accounts_username_uq').on(sql`lower(${t.username})`)],
);

export const accountRoles = pgTable(
  'account_roles',
  {
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    /** For liaisons: the handling unit whose work they see and answer. */
    unitId: uuid('unit_id').references(() => units.id),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.accountId, t.role] }),
    index('account_roles_account_idx').on(t.accountId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie value; the cookie itself is never stored. */
    id: text('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    bodyId: uuid('body_id').references(() => bodies.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: created(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: created(),
    lastUsedAt: ts('last_used_at'),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash), index('api_tokens_body_idx').on(t.bodyId, t.id)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    outcome: text('outcome').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_body_seq_uq').on(t.bodyId, t.seq),
    index('audit_body_target_idx').on(t.bodyId, t.targetType, t.targetId),
  ],
);

/** The head of each body's audit chain; updating it serialises appends per body. */
export const auditHeads = pgTable('audit_heads', {
  bodyId: uuid('body_id')
    .primaryKey()
    .references(() => bodies.id),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** Document numbers such as 江人大交〔2025〕12号, allocated without gaps or duplicates. */
export const docNumberSequences = pgTable(
  'doc_number_sequences',
  {
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.prefix, t.year] })],
);

/** Background work claimed with FOR UPDATE SKIP LOCKED (ARCHITECTURE §7). */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    bodyId: uuid('body_id').references(() => bodies.id),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull().default({}),
    runAt: ts('run_at').notNull().defaultNow(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lockedBy: text('locked_by'),
    lockedAt: ts('locked_at'),
    lastError: text('last_error'),
    dedupeKey: text('dedupe_key'),
    createdAt: created(),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('jobs_due_idx').on(t.status, t.runAt), uniqueIndex('jobs_dedupe_uq').on(t.dedupeKey)],
);

// ---------------------------------------------------------------- files

/** Attachments stored in the database, content-addressed per body (ARCHITECTURE §8). */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    sha256: text('sha256').notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by'),
    createdAt: created(),
  },
  (t) => [index('files_body_sha_idx').on(t.bodyId, t.sha256)],
);

// ---------------------------------------------------------------- activities (meetings, research, inspections)

export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    /** A session of a joint meeting, or a visit of a research group, belongs to its parent. */
    parentId: uuid('parent_id'),
    type: text('type').notNull(),
    title: text('title').notNull(),
    field: text('field'),
    organiserUnitId: uuid('organiser_unit_id').references(() => units.id),
    leaderPersonId: uuid('leader_person_id').references(() => people.id),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at'),
    place: text('place'),
    description: text('description'),
    minutes: text('minutes'),
    status: text('status').notNull().default('planned'),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('activities_body_start_idx').on(t.bodyId, t.startsAt, t.id),
    index('activities_body_type_idx').on(t.bodyId, t.type, t.startsAt),
    index('activities_body_parent_idx').on(t.bodyId, t.parentId),
  ],
);

export const activityParticipants = pgTable(
  'activity_participants',
  {
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id),
    /** Member units of a joint meeting take part as units. */
    unitId: uuid('unit_id').references(() => units.id),
    role: text('role').notNull(),
    attendance: text('attendance').notNull().default('present'),
    id: uuid('id').primaryKey(),
  },
  (t) => [
    index('participants_body_activity_idx').on(t.bodyId, t.activityId),
    index('participants_body_person_idx').on(t.bodyId, t.personId),
  ],
);

/**
 * What an activity produced: research reports, findings (achievements and problems), speeches and
 * suggestions at meetings with the departments' answers, inquiry questions with on-the-spot ratings,
 * deliberation opinions. One table, a `kind` column: they share shape and are listed together.
 */
export const activityRecords = pgTable(
  'activity_records',
  {
    id: uuid('id').primaryKey(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    /** For a finding: the report it is part of. */
    parentId: uuid('parent_id'),
    kind: text('kind').notNull(),
    /** achievement | problem, for findings. */
    nature: text('nature'),
    title: text('title'),
    content: text('content').notNull(),
    personId: uuid('person_id').references(() => people.id),
    responderUnitId: uuid('responder_unit_id').references(() => units.id),
    response: text('response'),
    rating: text('rating'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: created(),
  },
  (t) => [
    index('records_body_activity_idx').on(t.bodyId, t.activityId, t.sortOrder),
    index('records_body_kind_idx').on(t.bodyId, t.kind),
  ],
);

// ---------------------------------------------------------------- tracked items (one engine, ARCHITECTURE §3)

export const trackedItems = pgTable(
  'tracked_items',
  {
    id: uuid('id').primaryKey(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    /** matter | proposal | suggestion | opinion_report … : selects the state machine. */
    type: text('type').notNull(),
    number: text('number'),
    title: text('title').notNull(),
    content: text('content').notNull().default(''),
    requirements: text('requirements'),
    state: text('state').notNull(),
    version: integer('version').notNull().default(1),
    /** The machine's fields (deadlines, counters, flags); the ones queried are also columns below. */
    data: jsonb('data').notNull().default({}),
    source: text('source'),
    /** What the item came from: a finding, an activity, a record. */
    sourceActivityId: uuid('source_activity_id').references(() => activities.id),
    sourceRecordId: uuid('source_record_id').references(() => activityRecords.id),
    leadUnitId: uuid('lead_unit_id').references(() => units.id),
    supervisorPersonId: uuid('supervisor_person_id').references(() => people.id),
    deadline: date('deadline'),
    lastReportAt: ts('last_report_at'),
    closedAt: ts('closed_at'),
    issuerId: uuid('issuer_id'),
    contact: text('contact'),
    reportEveryDays: integer('report_every_days'),
    // Proposals, suggestions and public-opinion reports: what their lists and statistics filter on,
    // mirrored from `data` by the engine (src/tracking/registry.ts).
    /** 届次 and 会次 of the session a proposal is numbered in, and its number within that session. */
    sessionTerm: integer('session_term'),
    sessionMeeting: integer('session_meeting'),
    seqNo: integer('seq_no'),
    /** 领域 / 类别 (economy, education…): a body's own list. */
    category: text('category'),
    /** individual | joint | sector | party | organisation | committee | delegation | member. */
    submitterKind: text('submitter_kind'),
    /** The proposer (提案人 / 领衔代表) or the report's author. */
    proposerPersonId: uuid('proposer_person_id').references(() => people.id),
    /** 界别 of the proposer, or the sector that submits. */
    sector: text('sector'),
    /** 重点提案; its supervising leader is `supervisor_person_id`. */
    isKey: boolean('is_key').notNull().default(false),
    /** Levels that adopted a public-opinion report (采用). */
    adoptionLevels: text('adoption_levels').array().notNull().default(sql`'{}'::text[]`),
    /** Leader instructions (批示) a report received. */
    instructionCount: integer('instruction_count').notNull().default(0),
    searchText: text('search_text').notNull().default(''),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('items_body_type_state_idx').on(t.bodyId, t.type, t.state, t.id),
    index('items_body_type_session_idx').on(t.bodyId, t.type, t.sessionTerm, t.sessionMeeting, t.seqNo),
    index('items_body_proposer_idx').on(t.bodyId, t.proposerPersonId),
    index('items_body_type_unit_idx').on(t.bodyId, t.type, t.leadUnitId, t.state),
    index('items_body_type_deadline_idx').on(t.bodyId, t.type, t.deadline),
    index('items_body_source_idx').on(t.bodyId, t.sourceRecordId),
    uniqueIndex('items_body_number_uq').on(t.bodyId, t.type, t.number),
  ],
);

/** Units an item is assigned to: one lead (主办) and co-handling units (会办), or separate units (分办). */
export const itemUnits = pgTable(
  'item_units',
  {
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => trackedItems.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    role: text('role').notNull(),
    /** The unit's leader answerable for the item (责任领导), named at assignment. */
    responsibleLeader: text('responsible_leader'),
    assignedAt: ts('assigned_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.unitId] }),
    index('item_units_body_unit_idx').on(t.bodyId, t.unitId, t.itemId),
  ],
);

/**
 * People who sign an item: the lead proposer (领衔) and co-signers (附议/联名) with the state of their
 * confirmation. Mirrors `data.cosigners`; a table so "my proposals" is one indexed lookup.
 */
export const itemSigners = pgTable(
  'item_signers',
  {
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => trackedItems.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    /** lead | cosigner */
    role: text('role').notNull(),
    /** invited | confirmed | declined | dropped */
    status: text('status').notNull(),
    at: ts('at'),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.personId] }),
    index('item_signers_body_person_idx').on(t.bodyId, t.personId, t.itemId),
  ],
);

/** The item's timeline: one row per transition, written in the transaction that changes the item. */
export const itemEvents = pgTable(
  'item_events',
  {
    id: uuid('id').primaryKey(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => trackedItems.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    actorUnitId: uuid('actor_unit_id'),
    at: ts('at').notNull(),
    payload: jsonb('payload').notNull().default({}),
  },
  (t) => [
    uniqueIndex('item_events_item_seq_uq').on(t.itemId, t.seq),
    index('item_events_body_action_idx').on(t.bodyId, t.action, t.at),
  ],
);

/**
 * What the statistics count about an item, kept from its events as they are written (a trigger on
 * item_events, migration 0007; docs/statistics.md), so a session's figures read one narrow row per item
 * instead of its timeline. Never written by the application.
 */
export const itemFacts = pgTable(
  'item_facts',
  {
    itemId: uuid('item_id')
      .primaryKey()
      .references(() => trackedItems.id, { onDelete: 'cascade' }),
    /** The events' body. */
    bodyId: uuid('body_id').notNull(),
    /** When the proposal reached the office: its first entry into review (submit or close_signatures). */
    receivedAt: ts('received_at'),
    /** An `accept` event exists. */
    accepted: boolean('accepted').notNull().default(false),
    /** When a report reached the editor: its `submit` event from `draft` (migration 0008). */
    submittedAt: ts('submitted_at'),
  },
  (t) => [index('item_facts_body_received_idx').on(t.bodyId, t.receivedAt)],
);

/** Per (item, unit): the unit's latest reply and the latest rating of it, kept from the events likewise. */
export const itemUnitFacts = pgTable(
  'item_unit_facts',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => trackedItems.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull(),
    bodyId: uuid('body_id').notNull(),
    /** The latest `submit_reply` by the unit (the event's actor_unit_id). */
    repliedAt: ts('replied_at'),
    /** seq of the latest `rate` event that rated the unit, and its values (overall, else result). */
    ratingSeq: integer('rating_seq'),
    ratings: text('ratings').array(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.unitId] })],
);

/** Files attached to an item's events (evidence of rectification, replies). */
export const itemFiles = pgTable(
  'item_files',
  {
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => trackedItems.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').references(() => itemEvents.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.fileId] })],
);

/** In-app notifications (reminders, escalations); e-mailed too when SMTP is configured. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    itemId: uuid('item_id').references(() => trackedItems.id, { onDelete: 'cascade' }),
    createdAt: created(),
    readAt: ts('read_at'),
  },
  (t) => [index('notifications_account_idx').on(t.accountId, t.createdAt)],
);

/** Secret calendar URLs (.ics): read-only, one per account and body, personal or for the whole body. */
export const feedTokens = pgTable(
  'feed_tokens',
  {
    id: uuid('id').primaryKey(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** personal: the activities the account's person takes part in; body: all of the body's. */
    scope: text('scope').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: created(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    uniqueIndex('feed_tokens_hash_uq').on(t.tokenHash),
    index('feed_tokens_account_idx').on(t.accountId, t.bodyId),
  ],
);
