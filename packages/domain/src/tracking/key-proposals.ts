import { z } from 'zod';
import type { Locale } from '../errors.ts';
import type { WarningLevel } from './engine.ts';
import type { ProposalData, ProposalKind, ProposalState } from './proposals.ts';

/**
 * 重点提案 progress: the steps a key proposal goes through, as the chair's meeting and its supervising
 * leader follow them — 立案 → 交办 → 联系提案人 → 答复 → 评价 → 办结 (or 跟踪落实 for a B/C answer).
 * Derived from the item's state and data only, so the list, the summary and the export agree.
 */
export const KEY_STEPS = ['accepted', 'assigned', 'contacted', 'replied', 'rated', 'closed'] as const;
export type KeyStep = (typeof KEY_STEPS)[number];

/**
 * Where an item stands: the step being worked on (`review` before 立案 … `rating` before 评价),
 * `follow_up` while a B/C answer is followed up, `closed` when done, `ended` for an item that left the
 * path another way (merged into another, withdrawn).
 */
export const KEY_STAGES = [
  'review',
  'assignment',
  'contact',
  'reply',
  'rating',
  'follow_up',
  'closed',
  'ended',
] as const;
export const KeyStage = z.enum(KEY_STAGES);
export type KeyStage = z.infer<typeof KeyStage>;

export interface KeyPosition {
  stage: KeyStage;
  /** How many of KEY_STEPS are done (0–6); the step at this index is the current one. */
  done: number;
}

/** Every replying unit has recorded its contact with the proposer. */
function contacted(d: ProposalData): boolean {
  const replying = d.units.filter((u) => u.role !== 'co');
  return replying.length > 0 && replying.every((u) => !!u.contactedAt);
}

export function keyProgress(item: { state: ProposalState; data: ProposalData }): KeyPosition {
  switch (item.state) {
    case 'draft':
    case 'collecting_signatures':
    case 'submitted':
    case 'returned':
    case 'conversion_offered':
      return { stage: 'review', done: 0 };
    case 'accepted':
      return { stage: 'assignment', done: 1 };
    case 'assigned':
    case 'objected':
      return { stage: 'contact', done: 2 };
    case 'handling':
      // Re-handling after an unsatisfied rating is a new reply: the contact of round 1 stands.
      return contacted(item.data) || item.data.round > 1
        ? { stage: 'reply', done: 3 }
        : { stage: 'contact', done: 2 };
    case 'reply_submitted':
      return { stage: 'reply', done: 3 };
    case 'replied':
      return { stage: 'rating', done: 4 };
    case 'following_up':
      return { stage: 'follow_up', done: 5 };
    case 'closed':
      return { stage: 'closed', done: 6 };
    case 'rejected':
    case 'converted':
    case 'merged':
    case 'withdrawn':
      return { stage: 'ended', done: 0 };
  }
}

export interface KeySummary {
  total: number;
  byStage: Record<KeyStage, number>;
  /** Active items past their next deadline (red) and within the warning window (yellow). */
  overdue: number;
  dueSoon: number;
}

export function summariseKeyProgress(items: { stage: KeyStage; warning: WarningLevel | null }[]): KeySummary {
  const byStage = Object.fromEntries(KEY_STAGES.map((s) => [s, 0])) as Record<KeyStage, number>;
  for (const i of items) byStage[i.stage]++;
  return {
    total: items.length,
    byStage,
    overdue: items.filter((i) => i.warning === 'red').length,
    dueSoon: items.filter((i) => i.warning === 'yellow').length,
  };
}

const STEP_LABELS: Record<KeyStep, { zh: string; en: string }> = {
  accepted: { zh: '立案', en: 'Accepted' },
  assigned: { zh: '交办', en: 'Assigned' },
  contacted: { zh: '联系提案人', en: 'Proposer contacted' },
  replied: { zh: '答复', en: 'Replied' },
  rated: { zh: '评价', en: 'Rated' },
  closed: { zh: '办结', en: 'Closed' },
};

/**
 * A step's name; the NPC's words for a deputy suggestion (受理, 联系代表), 跟踪落实 while followed up;
 * `short` for a phone's narrow steps (联系, 跟踪).
 */
export function keyStepLabel(
  step: KeyStep,
  opts: { kind: ProposalKind; followingUp?: boolean; locale: Locale; short?: boolean },
): string {
  const en = opts.locale === 'en-US';
  if (step === 'closed' && opts.followingUp)
    return opts.short ? (en ? 'Follow-up' : '跟踪') : en ? 'Following up' : '跟踪落实';
  if (opts.short && step === 'contacted') return en ? 'Contact' : '联系';
  if (opts.kind === 'suggestion') {
    if (step === 'accepted') return en ? 'Registered' : '受理';
    if (step === 'contacted') return en ? 'Deputy contacted' : '联系代表';
  }
  return en ? STEP_LABELS[step].en : STEP_LABELS[step].zh;
}
