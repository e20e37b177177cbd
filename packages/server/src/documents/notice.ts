import { LABELS, type MatterSource } from '@yiting/domain';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { activities, activityRecords, bodies, itemEvents, itemUnits, people, units } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { ItemRow } from '../repositories/matters.ts';
import type { BodyTrackingConfig } from '../tracking/config.ts';
import { type Block, type OfficialDocument, renderOfficialDocument } from './gbt9704.ts';
import { bookTitle, chineseDate, paragraphs, stripEnd } from './wording.ts';

/** Bodies that are not superior to a unit write to it in the letter format (人大 → 政府部门). */
const SUPERVISING_KINDS = new Set(['npc_standing_committee', 'town_npc_presidium', 'cppcc_committee']);

/** Everything the notice says, read from the matter, its units, its chain and its timeline. */
export interface NoticeFacts {
  body: { name: string; shortName: string | null; kind: string };
  matter: Pick<ItemRow, 'number' | 'title' | 'content' | 'requirements' | 'deadline' | 'contact'> & {
    source: MatterSource;
    reportEveryDays: number | null;
  };
  lead: { name: string; kind: string; ownBody: boolean };
  coUnits: string[];
  /** Units whose responsible leader (责任领导) was named at assignment, lead first. */
  unitLeaders: { unit: string; leader: string }[];
  supervisorName: string | null;
  activity: { title: string; type: string; startsAt: Date } | null;
  /** The report and the finding the matter came from, outermost first. */
  records: { kind: string; title: string | null }[];
  assignedAt: Date;
  objectionWindowDays: number;
}

/** 「科技创新促进条例实施情况」 + research → 「科技创新促进条例实施情况专题调研」, unless the title says it. */
function activityPhrase(a: { title: string; type: string }) {
  const kind = (LABELS.activityType as Record<string, { zh: string } | undefined>)[a.type]?.zh;
  const title = stripEnd(a.title);
  return kind && kind !== '其他' && !title.includes(kind) ? `${title}${kind}` : title;
}

/** The notice as GB/T 9704 elements; pure, so that the wording is testable without a database. */
export function composeNotice(f: NoticeFacts, format?: OfficialDocument['format']): OfficialDocument {
  const fmt =
    format ?? (SUPERVISING_KINDS.has(f.body.kind) && !f.lead.ownBody ? 'letter' : ('document' as const));
  const issuer = f.body.name;
  const short = f.body.shortName ?? issuer;
  const subject = stripEnd(f.matter.title);
  const title = fmt === 'letter' ? `关于${subject}的交办函` : `关于${subject}的督办通知`;
  const paper = fmt === 'letter' ? '本函' : '本通知';

  const report = f.records.find((r) => r.kind === 'report' && r.title)?.title;
  const origin = LABELS.matterSource[f.matter.source].zh;
  const opening = f.activity
    ? `${short}在${activityPhrase(f.activity)}中发现以下问题${report ? `（见${bookTitle(report)}）` : ''}，现交办你单位办理。`
    : `根据${origin}，现将${subject}有关事项交办你单位办理。`;

  const body: Block[] = [{ kind: 'p', text: opening }];
  body.push({ kind: 'h1', text: '一、问题情况' }, ...paragraphs(f.matter.content));
  body.push({ kind: 'h1', text: '二、整改要求' });
  body.push(
    ...(f.matter.requirements?.trim()
      ? paragraphs(f.matter.requirements)
      : paragraphs(
          '请你单位高度重视，认真研究，明确责任领导和责任人，制定切实可行的整改措施，确保问题整改到位。',
        )),
  );
  body.push({ kind: 'h1', text: '三、办理时限' });
  const deadline = f.matter.deadline
    ? `请于${chineseDate(f.matter.deadline)}前办结，并将办理情况书面报送${short}。`
    : `请抓紧办理，并将办理情况书面报送${short}。`;
  const reporting = f.matter.reportEveryDays
    ? `办理期间，请每${f.matter.reportEveryDays}日报送一次整改进展情况，整改措施要可量化、可检查。`
    : '';
  body.push({ kind: 'p', text: deadline + reporting });
  body.push({
    kind: 'p',
    text: `如认为本事项不属于你单位职责范围，请自收到${paper}之日起${f.objectionWindowDays}日内提出，不得自行转办。确需延期办结的，请在期限届满前说明理由并申请延期。`,
  });
  let n = 3;
  const numerals = ['一', '二', '三', '四', '五', '六'];
  if (f.coUnits.length) {
    body.push({ kind: 'h1', text: `${numerals[n++]}、会办单位` });
    body.push({
      kind: 'p',
      text: `${f.coUnits.join('、')}为会办单位，请主动配合${f.lead.name}做好办理工作，并及时将会办意见送主办单位。`,
    });
  }
  if (f.unitLeaders.length) {
    body.push({ kind: 'h1', text: `${numerals[n++]}、责任领导` });
    body.push({
      kind: 'p',
      text: `${f.unitLeaders.map((u) => `${u.unit}：${u.leader}`).join('；')}。请责任领导亲自部署、督促落实。`,
    });
  }
  if (f.supervisorName) {
    body.push({ kind: 'h1', text: `${numerals[n++]}、督办领导` });
    body.push({ kind: 'p', text: `本事项由${f.supervisorName}同志领衔督办。` });
  }

  const date = chineseDate(f.assignedAt);
  return {
    format: fmt,
    mark: fmt === 'letter' ? issuer : `${issuer}文件`,
    number: f.matter.number ?? '',
    title,
    addressee: `${f.lead.name}：`,
    body,
    signature: issuer,
    date,
    note: f.matter.contact ? `联系人及电话：${f.matter.contact}` : undefined,
    copyTo: f.coUnits,
    printed: { by: `${short}办公室`, date },
  };
}

/** Reads the facts of an assigned matter; 409 invalid_state when it has not been assigned (no number). */
export async function noticeFacts(db: Db, row: ItemRow, config: BodyTrackingConfig): Promise<NoticeFacts> {
  if (!row.number || !row.leadUnitId) throw new AppError('invalid_state', 'the matter has not been assigned');
  const [body] = await db
    .select({ name: bodies.name, shortName: bodies.shortName, kind: bodies.kind })
    .from(bodies)
    .where(eq(bodies.id, row.bodyId));
  const [assign] = await db
    .select({ at: itemEvents.at })
    .from(itemEvents)
    .where(and(eq(itemEvents.itemId, row.id), inArray(itemEvents.action, ['assign', 'reassign'])))
    .orderBy(desc(itemEvents.seq))
    .limit(1);
  const assigned = await db
    .select({
      unitId: itemUnits.unitId,
      role: itemUnits.role,
      responsibleLeader: itemUnits.responsibleLeader,
      name: units.name,
      kind: units.kind,
      bodyId: units.bodyId,
    })
    .from(itemUnits)
    .innerJoin(units, eq(units.id, itemUnits.unitId))
    .where(eq(itemUnits.itemId, row.id))
    .orderBy(asc(itemUnits.assignedAt), asc(units.sortOrder), asc(units.name));
  const lead = assigned.find((u) => u.unitId === row.leadUnitId);
  if (!body || !assign || !lead) throw new AppError('invalid_state', 'the matter has not been assigned');

  const supervisor = row.supervisorPersonId
    ? (await db.select({ name: people.name }).from(people).where(eq(people.id, row.supervisorPersonId)))[0]
    : undefined;
  const activity = row.sourceActivityId
    ? (
        await db
          .select({ title: activities.title, type: activities.type, startsAt: activities.startsAt })
          .from(activities)
          .where(and(eq(activities.id, row.sourceActivityId), eq(activities.bodyId, row.bodyId)))
      )[0]
    : undefined;
  const records: { kind: string; title: string | null }[] = [];
  let recordId = row.sourceRecordId;
  for (let depth = 0; recordId && depth < 3; depth++) {
    const [r] = await db
      .select({
        kind: activityRecords.kind,
        title: activityRecords.title,
        parentId: activityRecords.parentId,
      })
      .from(activityRecords)
      .where(and(eq(activityRecords.id, recordId), eq(activityRecords.bodyId, row.bodyId)));
    if (!r) break;
    records.unshift({ kind: r.kind, title: r.title });
    recordId = r.parentId;
  }
  return {
    body,
    matter: {
      number: row.number,
      title: row.title,
      content: row.content,
      requirements: row.requirements,
      deadline: row.deadline,
      contact: row.contact,
      source: (row.source ?? 'document') as MatterSource,
      reportEveryDays: row.reportEveryDays,
    },
    lead: {
      name: lead.name,
      kind: lead.kind,
      ownBody: lead.bodyId === row.bodyId && lead.kind !== 'department',
    },
    coUnits: assigned.filter((u) => u.role === 'co').map((u) => u.name),
    unitLeaders: [...assigned]
      .sort((a, b) => (a.role === 'lead' ? -1 : b.role === 'lead' ? 1 : 0))
      .flatMap((u) => (u.responsibleLeader ? [{ unit: u.name, leader: u.responsibleLeader }] : [])),
    supervisorName: supervisor?.name ?? null,
    activity: activity ?? null,
    records,
    assignedAt: assign.at,
    objectionWindowDays: config.matter.objectionWindowDays,
  };
}

export async function renderNotice(db: Db, row: ItemRow, config: BodyTrackingConfig) {
  const doc = composeNotice(await noticeFacts(db, row, config));
  return { doc, buffer: await renderOfficialDocument(doc) };
}
