import type { Role } from '@yiting/domain';

export interface DemoGrant {
  /** Body key (bodies.ts). */
  body: string;
  role: Role;
  /** A liaison's department, by short name. */
  unit?: string;
}

export interface DemoAccount {
  username: string;
  /** Defaults to the linked person's name. */
  displayName?: string;
  /** Key of the person (people.ts) in the home body, which is the body of the first grant. */
  person?: string;
  grants: DemoGrant[];
  /** What the account is for, as docs/demo.md and the CLI tell it. */
  sees: string;
  seesEn: string;
  /** A department liaison of the 2025 matters (listed together, in one line of the CLI summary). */
  department?: string;
}

/**
 * Liaisons of the departments that handle the 2025 matters (load-npc-year.ts), so that every receipt,
 * progress report and completion report in the demo is made by the unit's own account. The usernames
 * are the departments' usual abbreviations in pinyin.
 */
export const DEPARTMENT_LIAISONS: [department: string, username: string, en: string][] = [
  ['市发展改革局', 'liaison.fgj', 'Development and Reform Bureau'],
  ['市工业和信息化局', 'liaison.gxj', 'Industry and Information Technology Bureau'],
  ['市教育局', 'liaison.jyj', 'Education Bureau'],
  ['市财政局', 'liaison.czj', 'Finance Bureau'],
  ['市人力资源社会保障局', 'liaison.rsj', 'Human Resources and Social Security Bureau'],
  ['市自然资源局', 'liaison.zrzyj', 'Natural Resources Bureau'],
  ['市住房城乡建设局', 'liaison.zjj', 'Housing and Urban-Rural Development Bureau'],
  ['市交通运输局', 'liaison.jtj', 'Transport Bureau'],
  ['市农业农村局', 'liaison.nyj', 'Agriculture and Rural Affairs Bureau'],
  ['市商务局', 'liaison.swj', 'Commerce Bureau'],
  ['市文化广电旅游体育局', 'liaison.wglj', 'Culture, Radio, Television, Tourism and Sports Bureau'],
  ['市民政局', 'liaison.mzj', 'Civil Affairs Bureau'],
  ['市应急管理局', 'liaison.yjj', 'Emergency Management Bureau'],
  ['市市场监管局', 'liaison.scjgj', 'Market Regulation Bureau'],
  ['市政务服务数据管理局', 'liaison.zsj', 'Government Services and Data Management Bureau'],
  ['市侨务局', 'liaison.qwj', 'Overseas Chinese Affairs Bureau'],
];

/** One account per role, and the department liaisons; every one gets the password of `yiting demo` (YITING_ADMIN_PASSWORD). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'admin',
    displayName: '系统管理员',
    grants: [
      { body: 'npc', role: 'admin' },
      { body: 'cppcc', role: 'admin' },
    ],
    sees: '系统管理员：人大常委会与政协两个机关（可切换），机构、人员、账号、审计',
    seesEn:
      "System administrator of both the People's Congress and the CPPCC (switch between them): units, people, accounts, audit",
  },
  {
    username: 'leader',
    person: 'leader',
    grants: [{ body: 'npc', role: 'leader' }],
    sees: '常委会领导（凌传茂，党组副书记、副主任）：全局查阅',
    seesEn: 'Leader of the Standing Committee (凌传茂, vice-chairman): reads everything',
  },
  {
    username: 'staff',
    person: 'staff',
    grants: [{ body: 'npc', role: 'staff' }],
    sees: '常委会办公室工作人员：机构、人员的维护与导入',
    seesEn: "Staff of the Standing Committee's office: maintains and imports units and people",
  },
  {
    username: 'deputy',
    person: 'deputy',
    grants: [{ body: 'npc', role: 'deputy' }],
    sees: '市人大代表（蓬江区代表团）：本人的履职与建议',
    seesEn: 'City deputy (蓬江区 delegation): their own duty record and suggestions',
  },
  {
    username: 'member',
    person: 'member',
    grants: [{ body: 'cppcc', role: 'deputy' }],
    sees: '市政协委员（致公党界别）：本人的提案与履职',
    seesEn: 'CPPCC member (致公党 sector): their own proposals and duty record',
  },
  {
    username: 'liaison',
    person: 'liaison',
    grants: [
      { body: 'npc', role: 'liaison', unit: '市科技局' },
      { body: 'cppcc', role: 'liaison', unit: '市科技局' },
    ],
    sees: '市科技局联络员：交办给本单位的建议、提案和督办事项',
    seesEn:
      'Liaison of the Science and Technology Bureau: the suggestions, proposals and supervised matters assigned to it',
  },
  {
    username: 'expert',
    person: 'expert',
    grants: [
      { body: 'npc', role: 'expert' },
      { body: 'cppcc', role: 'expert' },
    ],
    sees: '专家（五邑大学教授，人大专家库与政协智库）：受邀参与的调研与会议',
    seesEn:
      'Expert (professor at Wuyi University, in both expert pools): the research and meetings they are invited to',
  },
  ...DEPARTMENT_LIAISONS.map(
    ([department, username, en]): DemoAccount => ({
      username,
      person: `liaison:${department}`,
      grants: [{ body: 'npc', role: 'liaison', unit: department }],
      sees: `${department}联络员：交办给本单位的督办事项`,
      seesEn: `Liaison of the ${en}: the supervised matters assigned to it`,
      department,
    }),
  ),
];
