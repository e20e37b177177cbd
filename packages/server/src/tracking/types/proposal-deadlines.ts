import {
  addToDate,
  cstDate,
  LABELS,
  type ProposalData,
  type ProposalDeadline,
  type ProposalKind,
  type ProposalState,
  proposalDueAction,
  proposalLabel,
  proposalReminders,
} from '@yiting/domain';
import { and, eq, inArray, lte, or } from 'drizzle-orm';
import { trackedItems, units } from '../../db/schema.ts';
import { trackingConfig } from '../config.ts';
import type { DeadlineSpec, Due, ItemRow } from '../registry.ts';

const UNIT_STATES: ProposalState[] = ['assigned', 'objected', 'handling'];

const snapshot = (row: Pick<ItemRow, 'state' | 'version' | 'data'>) => ({
  state: row.state as ProposalState,
  version: row.version,
  data: row.data as ProposalData,
});

/** What a unit's deadline is for, in the reminder's words (提案人 for proposals, 代表 for suggestions). */
function deadlineWords(deadline: ProposalDeadline, row: ItemRow): string {
  const who = row.type === 'suggestion' ? '代表' : '提案人';
  if (deadline === 'contact') return `联系${who}的期限`;
  if (deadline === 'co_opinion') return '会办单位提出会办意见的期限';
  return '答复期限';
}

/**
 * A proposal's or suggestion's deadlines (DOMAIN.md): the handling units' liaisons are reminded of the
 * contact, co-opinion and reply deadlines a unit still owes — once when near (`yellowDays`), once when
 * passed, and again for a new date (an extension, a second round); a passed one is escalated to a key
 * item's supervising leader. Co-signers who have not answered are reminded before the signature deadline;
 * when it passes the system fires `close_signatures` (they drop off, the item goes to review). The
 * proposer is reminded to rate a reply `rateReminderDays` after it, when the body sets that.
 */
export const proposalDeadlines: DeadlineSpec = {
  jobs: 'proposals',
  states: [...UNIT_STATES, 'collecting_signatures', 'replied'],
  daily: false,
  scan: async (db, bodyId, config, now) => {
    const c = config.proposal;
    const t = trackedItems;
    // The `deadline` column is the earliest open one: none is near while it is not.
    const soon = addToDate(cstDate(now), { days: c.yellowDays });
    const rows = await db
      .select({ id: t.id, state: t.state, version: t.version, data: t.data })
      .from(t)
      .where(
        and(
          eq(t.bodyId, bodyId),
          inArray(t.type, ['proposal', 'suggestion']),
          or(
            and(inArray(t.state, UNIT_STATES), lte(t.deadline, soon)),
            eq(t.state, 'collecting_signatures'),
            c.rateReminderDays === null ? undefined : eq(t.state, 'replied'),
          ),
        ),
      )
      .limit(5000);
    const reminders: Due[] = [];
    const actions: { itemId: string; action: string; date: string }[] = [];
    for (const row of rows) {
      const item = snapshot(row);
      for (const r of proposalReminders(item, c, now))
        reminders.push({ itemId: row.id, deadline: r.deadline, level: r.level, date: r.date });
      const owed = proposalDueAction(item, now);
      if (owed) actions.push({ itemId: row.id, ...owed });
    }
    return { reminders, actions };
  },
  reminder: async (db, row, due, now) => {
    const config = await trackingConfig(db, row.bodyId);
    const r = proposalReminders(snapshot(row), config.proposal, now).find(
      (x) => x.deadline === due.deadline && x.date === due.date && x.level === due.level,
    );
    if (!r) return null;
    const d = row.data as ProposalData;
    const kind = LABELS.proposalKind[row.type as ProposalKind]?.zh ?? '提案';
    const numbered = `${kind}${row.number ? ` ${row.number}` : ''}`;
    const base = { unitIds: [] as string[], personIds: [] as string[], escalateTo: null };
    if (r.to === 'cosigners')
      return {
        ...base,
        kind: 'proposal.reminder.signature',
        title: `【联名确认提醒】${row.title}`,
        text: [
          `您被邀请联名${kind}「${row.title}」。`,
          `请于 ${r.date} 前登录议厅系统确认或谢绝；逾期未确认的，不再列为联名人。`,
        ].join('\n'),
        personIds: d.cosigners.filter((c) => c.status === 'pending').map((c) => c.personId),
      };
    if (r.to === 'proposer')
      return {
        ...base,
        kind: 'proposal.reminder.rating',
        title: `【评价提醒】${numbered} ${row.title}`,
        text: [
          `您的${kind}「${row.title}」已于 ${d.repliedAt ? cstDate(new Date(d.repliedAt)) : '—'} 答复。`,
          '请登录议厅系统对办理结果进行评价。',
        ].join('\n'),
        personIds: row.proposerPersonId ? [row.proposerPersonId] : [],
      };
    const red = r.level === 'red';
    const names = await db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(inArray(units.id, r.unitIds));
    const text = [
      `${kind}「${row.title}」的${deadlineWords(r.deadline, row)}${red ? '已过' : '即将到期'}。`,
      `编号：${row.number ?? '—'}`,
      `承办单位：${r.unitIds.map((id) => names.find((n) => n.id === id)?.name ?? '—').join('、')}`,
      `期限：${r.date}`,
      `当前状态：${proposalLabel(row.type as ProposalKind, 'proposalState', row.state as ProposalState, 'zh-CN')}`,
      d.pendingExtension ? `延期申请待审批：至 ${d.pendingExtension.until}` : '',
      '请登录议厅系统办理。',
    ]
      .filter((l) => l !== '')
      .join('\n');
    return {
      ...base,
      kind: `proposal.reminder.${r.deadline}.${r.level}`,
      title: `【${red ? '逾期督办' : '到期提醒'}】${numbered} ${row.title}`,
      text,
      unitIds: r.unitIds,
      escalateTo: red ? row.supervisorPersonId : null,
    };
  },
};
