/**
 * One engine for every tracked item (ARCHITECTURE §3): matters, proposals, suggestions, public-opinion
 * reports, meeting decisions. Each type declares its machine as data — states, transitions, who may
 * fire each, what each requires, what each sets — and this module applies it. Pure: no I/O, no clock
 * (the caller passes `now`), so every rule is unit-testable.
 */

/** The parts a person can play towards one item. Computed by the caller from roles and the item. */
export const PARTIES = [
  'office', // 办公室 / staff of the body that tracks the item
  'leader', // a leader of the body; `supervisor` when it is the item's supervising leader
  'supervisor',
  'lead_unit', // liaison of the lead handling unit (主办)
  'co_unit', // liaison of a co-handling unit (会办/协办)
  'proposer', // the item's author (proposals, reports)
  'cosigner',
  'system', // jobs (deadlines passing, reminders)
] as const;
export type Party = (typeof PARTIES)[number];

/** A field-level problem with a message code from VALIDATION_MESSAGES. */
export interface RuleIssue {
  path: string;
  message: string;
}

export interface ItemSnapshot<S extends string> {
  state: S;
  version: number;
  /** Type-specific fields the rules read (deadline, counters, flags…). */
  data: Record<string, unknown>;
}

export interface FireContext<C> {
  now: Date;
  /** The body's configuration of this item type (time limits etc.), defaults filled in. */
  config: C;
  parties: readonly Party[];
  /**
   * Who acts, for rules about one's own share of a shared item (a co-signer confirming their own name, a
   * unit replying for itself). Optional: machines whose rules never need it ignore it.
   */
  actor?: { personId?: string | null; unitId?: string | null };
}

export interface TransitionDef<S extends string, C, P = Record<string, unknown>> {
  from: readonly S[];
  /** The target state; a function when the outcome depends on the payload (e.g. a vote). */
  to: S | ((item: ItemSnapshot<S>, payload: P, ctx: FireContext<C>) => S);
  /** Who may fire it. */
  by: readonly Party[];
  /** Rules beyond the payload's schema: returns the problems, empty when the transition may happen. */
  requires?: (item: ItemSnapshot<S>, payload: P, ctx: FireContext<C>) => RuleIssue[];
  /** Field changes that go with it (deadlines, counters, timestamps). */
  sets?: (item: ItemSnapshot<S>, payload: P, ctx: FireContext<C>) => Record<string, unknown>;
}

export interface MachineDef<S extends string, A extends string, C> {
  type: string;
  states: readonly S[];
  initial: S;
  /** States an item does not leave except by an explicit reopening. */
  final: readonly S[];
  transitions: { [K in A]: TransitionDef<S, C, any> };
}

export type FireResult<S extends string> =
  | { ok: true; from: S; to: S; set: Record<string, unknown> }
  | {
      ok: false;
      code: 'not_allowed' | 'wrong_state' | 'rule_failed' | 'unknown_action';
      issues?: RuleIssue[];
    };

/** Decides one transition. The caller validates the payload's shape first (zod), then calls this. */
export function fire<S extends string, A extends string, C>(
  machine: MachineDef<S, A, C>,
  item: ItemSnapshot<S>,
  action: string,
  payload: unknown,
  ctx: FireContext<C>,
): FireResult<S> {
  const t = (machine.transitions as Record<string, TransitionDef<S, C, unknown>>)[action];
  if (!t) return { ok: false, code: 'unknown_action' };
  if (!t.from.includes(item.state)) return { ok: false, code: 'wrong_state' };
  if (!t.by.some((p) => ctx.parties.includes(p))) return { ok: false, code: 'not_allowed' };
  const issues = t.requires?.(item, payload, ctx) ?? [];
  if (issues.length) return { ok: false, code: 'rule_failed', issues };
  const to = typeof t.to === 'function' ? t.to(item, payload, ctx) : t.to;
  return { ok: true, from: item.state, to, set: t.sets?.(item, payload, ctx) ?? {} };
}

/**
 * The actions this person may fire now, for the UI to offer (it never re-implements the rules). Rules
 * that depend on the payload are checked on firing; rules that only read the item are checked here.
 */
export function availableActions<S extends string, A extends string, C>(
  machine: MachineDef<S, A, C>,
  item: ItemSnapshot<S>,
  ctx: FireContext<C>,
): A[] {
  return (Object.keys(machine.transitions) as A[]).filter((a) => {
    const t = (machine.transitions as Record<string, TransitionDef<S, C, unknown>>)[a]!;
    return t.from.includes(item.state) && t.by.some((p) => ctx.parties.includes(p));
  });
}

// ---------------------------------------------------------------- calendar helpers (pure)

const DAY = 86_400_000;

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY);
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: Date, months: number): Date {
  const r = new Date(d.getTime());
  const day = r.getUTCDate();
  r.setUTCDate(1);
  r.setUTCMonth(r.getUTCMonth() + months);
  const last = new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + 1, 0)).getUTCDate();
  r.setUTCDate(Math.min(day, last));
  return r;
}

/** Adds working days (Mon–Fri); public holidays are a body's configuration, passed in as ISO dates. */
export function addWorkingDays(d: Date, days: number, holidays: ReadonlySet<string> = new Set()): Date {
  let r = new Date(d.getTime());
  let left = days;
  while (left > 0) {
    r = addDays(r, 1);
    const wd = r.getUTCDay();
    if (wd !== 0 && wd !== 6 && !holidays.has(r.toISOString().slice(0, 10))) left--;
  }
  return r;
}

export type Duration = { days: number } | { months: number } | { workingDays: number };

export function addDuration(d: Date, dur: Duration, holidays?: ReadonlySet<string>): Date {
  if ('months' in dur) return addMonths(d, dur.months);
  if ('workingDays' in dur) return addWorkingDays(d, dur.workingDays, holidays);
  return addDays(d, dur.days);
}

// ---------------------------------------------------------------- warnings

export const WARNING_LEVELS = ['green', 'yellow', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export interface WarningInput {
  deadline: Date | null;
  /** When the last progress report came in (or the item was received), if reports are due. */
  lastReportAt?: Date | null;
  /** Reporting interval in days; null when the item has no reporting schedule. */
  reportEveryDays?: number | null;
  /** Items that are done or not yet running have no warning. */
  active: boolean;
}

/**
 * Green (on track) → yellow (deadline within `yellowDays`, or a progress report overdue) → red
 * (past the deadline). DOMAIN.md's defaults; the thresholds are the body's configuration.
 */
export function warningLevel(input: WarningInput, now: Date, yellowDays: number): WarningLevel | null {
  if (!input.active) return null;
  if (input.deadline && now.getTime() > input.deadline.getTime()) return 'red';
  if (input.deadline && input.deadline.getTime() - now.getTime() <= yellowDays * DAY) return 'yellow';
  if (input.reportEveryDays && input.lastReportAt) {
    if (now.getTime() - input.lastReportAt.getTime() > input.reportEveryDays * DAY) return 'yellow';
  }
  return 'green';
}
