import type { UnitKind } from '@yiting/domain';
import { COUNTIES, DEMO_BODIES } from './bodies.ts';

export interface DemoUnit {
  name: string;
  shortName?: string;
  kind: UnitKind;
}

/** 江门市人大常委会: its special committees (专门委员会), working organs, the joint meeting's team and 代表团. */
export const NPC_SPECIAL_COMMITTEES = [
  '法制委员会',
  '监察和司法委员会',
  '财政经济委员会',
  '教育科学文化卫生委员会',
  '华侨外事民族宗教委员会',
  '城乡建设环境与资源保护委员会',
  '社会建设委员会',
  '农业与农村委员会',
];

export const NPC_OFFICE = '常委会办公室';
export const NPC_WORKING_COMMITTEES = ['法制工作委员会', '预算工作委员会', '代表人事选举任免联络工作委员会'];
export const NPC_RESEARCH_OFFICE = '研究室';
/** The daily working team of the joint meeting (综合工作专班), which follows up the agreed items. */
export const JOINT_MEETING_TEAM = '江门市助力加快建设现代化产业体系联席会议综合工作专班';

export const delegationOf = (county: string) => `${county}代表团`;

const NPC_UNITS: DemoUnit[] = [
  ...NPC_SPECIAL_COMMITTEES.map((name): DemoUnit => ({ name, kind: 'special_committee' })),
  { name: NPC_OFFICE, kind: 'office' },
  ...NPC_WORKING_COMMITTEES.map(
    (name): DemoUnit => ({
      name,
      kind: 'working_committee',
      ...(name === '代表人事选举任免联络工作委员会' ? { shortName: '代表工委' } : {}),
    }),
  ),
  { name: NPC_RESEARCH_OFFICE, kind: 'office' },
  { name: JOINT_MEETING_TEAM, shortName: '综合工作专班', kind: 'working_team' },
  ...COUNTIES.map((c): DemoUnit => ({ name: delegationOf(c.name), kind: 'delegation' })),
];

/**
 * 江门市人民政府's departments, in the usual order of a city government. They belong to the government
 * body and are shared as handling units (承办单位) with the People's Congress and the CPPCC of the
 * same region.
 */
export const DEPARTMENTS: { name: string; shortName: string }[] = [
  { name: '江门市发展和改革局', shortName: '市发展改革局' },
  { name: '江门市教育局', shortName: '市教育局' },
  { name: '江门市科学技术局', shortName: '市科技局' },
  { name: '江门市工业和信息化局', shortName: '市工业和信息化局' },
  { name: '江门市公安局', shortName: '市公安局' },
  { name: '江门市民政局', shortName: '市民政局' },
  { name: '江门市司法局', shortName: '市司法局' },
  { name: '江门市财政局', shortName: '市财政局' },
  { name: '江门市人力资源和社会保障局', shortName: '市人力资源社会保障局' },
  { name: '江门市自然资源局', shortName: '市自然资源局' },
  { name: '江门市生态环境局', shortName: '市生态环境局' },
  { name: '江门市住房和城乡建设局', shortName: '市住房城乡建设局' },
  { name: '江门市交通运输局', shortName: '市交通运输局' },
  { name: '江门市水利局', shortName: '市水利局' },
  { name: '江门市农业农村局', shortName: '市农业农村局' },
  { name: '江门市商务局', shortName: '市商务局' },
  { name: '江门市文化广电旅游体育局', shortName: '市文化广电旅游体育局' },
  { name: '江门市卫生健康局', shortName: '市卫生健康局' },
  { name: '江门市退役军人事务局', shortName: '市退役军人事务局' },
  { name: '江门市应急管理局', shortName: '市应急管理局' },
  { name: '江门市审计局', shortName: '市审计局' },
  { name: '江门市人民政府国有资产监督管理委员会', shortName: '市国资委' },
  { name: '江门市市场监督管理局', shortName: '市市场监管局' },
  { name: '江门市统计局', shortName: '市统计局' },
  { name: '江门市医疗保障局', shortName: '市医疗保障局' },
  { name: '江门市城市管理和综合执法局', shortName: '市城市管理综合执法局' },
  { name: '江门市政务服务和数据管理局', shortName: '市政务服务数据管理局' },
  // Overseas-Chinese affairs sit with the Party's United Front department in Guangdong; the demo keeps
  // a government-side name so that it can be a handling unit like the others.
  { name: '江门市侨务局', shortName: '市侨务局' },
];

/** The departments that are member units of the joint meeting (联席会议成员单位, "10多个关键部门"). */
export const JOINT_MEETING_DEPARTMENTS = [
  '市发展改革局',
  '市科技局',
  '市工业和信息化局',
  '市财政局',
  '市人力资源社会保障局',
  '市自然资源局',
  '市住房城乡建设局',
  '市交通运输局',
  '市农业农村局',
  '市商务局',
  '市文化广电旅游体育局',
  '市应急管理局',
  '市市场监管局',
  '市政务服务数据管理局',
  '市侨务局',
];

/** 江门市政协: 专委会, offices and sector groups (界别). */
export const CPPCC_SPECIAL_COMMITTEES = [
  '提案委员会',
  '经济委员会',
  '人口资源环境委员会',
  '教科卫体委员会',
  '社会和法制委员会',
  '民族宗教和港澳台侨委员会',
  '文化文史和学习委员会',
  '农业和农村委员会',
];
export const CPPCC_OFFICE = '办公室';
export const CPPCC_RESEARCH_OFFICE = '研究室';

/**
 * The 界别 of the city CPPCC with the number of members in each (about 450 in all) and the party
 * affiliation typical of the sector. Sector names double as the names of the sector-group units.
 */
export const SECTORS: { name: string; members: number; party?: string }[] = [
  { name: '中共', members: 45, party: '中共党员' },
  { name: '民革', members: 12, party: '民革党员' },
  { name: '民盟', members: 15, party: '民盟盟员' },
  { name: '民建', members: 15, party: '民建会员' },
  { name: '民进', members: 12, party: '民进会员' },
  { name: '农工党', members: 12, party: '农工党党员' },
  { name: '致公党', members: 18, party: '致公党党员' },
  { name: '九三学社', members: 10, party: '九三学社社员' },
  { name: '无党派人士', members: 12, party: '无党派人士' },
  { name: '共青团', members: 6 },
  { name: '工会', members: 10 },
  { name: '妇联', members: 10 },
  { name: '工商联', members: 30 },
  { name: '科技界', members: 15 },
  { name: '经济界', members: 50 },
  { name: '农业界', members: 20 },
  { name: '教育界', members: 22 },
  { name: '医药卫生界', members: 22 },
  { name: '文化艺术界', members: 15 },
  { name: '体育界', members: 6 },
  { name: '新闻出版界', members: 8 },
  { name: '社会科学界', members: 10 },
  { name: '社会福利和社会保障界', members: 12 },
  { name: '少数民族界', members: 5 },
  { name: '宗教界', members: 8 },
  { name: '特邀香港人士', members: 20 },
  { name: '特邀澳门人士', members: 15 },
  { name: '归国华侨', members: 15 },
];

const CPPCC_UNITS: DemoUnit[] = [
  ...CPPCC_SPECIAL_COMMITTEES.map((name): DemoUnit => ({ name, kind: 'special_committee' })),
  { name: CPPCC_OFFICE, kind: 'office' },
  { name: CPPCC_RESEARCH_OFFICE, kind: 'office' },
  ...SECTORS.map((s): DemoUnit => ({ name: s.name, kind: 'sector_group' })),
];

/** County bodies carry a small set of units: enough to show the hierarchy, not a full organisation. */
export const COUNTY_NPC_UNITS: DemoUnit[] = [
  { name: '办公室', kind: 'office' },
  { name: '法制工作委员会', kind: 'working_committee' },
  { name: '财政经济工作委员会', kind: 'working_committee' },
  { name: '代表工作委员会', kind: 'working_committee' },
];
export const COUNTY_CPPCC_UNITS: DemoUnit[] = [
  { name: '办公室', kind: 'office' },
  { name: '提案委员会', kind: 'special_committee' },
  { name: '经济委员会', kind: 'special_committee' },
];

/** Units per body key. Sort order follows the list, so a body's units read in the order above. */
export function demoUnits(): Map<string, DemoUnit[]> {
  const map = new Map<string, DemoUnit[]>([
    ['npc', NPC_UNITS],
    ['cppcc', CPPCC_UNITS],
    ['gov', DEPARTMENTS.map((d): DemoUnit => ({ ...d, kind: 'department' }))],
  ]);
  for (const b of DEMO_BODIES) {
    if (b.level !== 'county') continue;
    map.set(b.key, b.kind === 'npc_standing_committee' ? COUNTY_NPC_UNITS : COUNTY_CPPCC_UNITS);
  }
  return map;
}
