/**
 * The NPC Standing Committee's 2025 (SCENARIO-2025, "The supervision chain"): the joint meeting, the 8
 * research groups with their visits, reports and findings, the thematic meetings with deputies' and
 * experts' suggestions and the departments' answers, the 生活服务 report hearing with its special inquiry,
 * the deputies' activities, and the matters born from all of it. Content only; load-npc-year.ts plays it
 * through the use cases.
 *
 * What the article names is kept word for word (fields, problems, achievements, enterprises, deputies,
 * dates, meeting outcomes); the rest (visit places, wording of findings, answers, matters) is invented
 * in the same vein.
 */

/**
 * How a matter's year goes, from the assignment date B (see load-npc-year.ts for the steps). The names
 * say where it ends up: the demo has matters in every state, some overdue, some closed out.
 */
export type MatterPath =
  | 'draft' // still with the office
  | 'cancelled' // merged into another matter before assignment
  | 'assigned' // assigned, not yet received; deadline relative to today (green)
  | 'assigned_soon' // same, deadline within the yellow window
  | 'assigned_overdue' // never received, urged twice, past its deadline (red)
  | 'objected' // the unit says it is the wrong one; the office has not decided
  | 'received' // received, deadline relative to today (green)
  | 'received_soon' // received, deadline within the yellow window
  | 'rect_overdue' // in rectification past the deadline, urged (red)
  | 'rect_green' // in rectification with a long deadline, last report recent
  | 'rect_report_late' // in rectification, monthly report overdue (yellow)
  | 'extension' // one extension requested and approved; now green
  | 'reassigned' // objected, reassigned to the suggested unit, in rectification
  | 'submitted' // completion report submitted, awaiting the office
  | 'closed' // the full path, closed out on time
  | 'closed_returned' // completion returned once for more evidence, then closed
  | 'closed_late' // closed out after its deadline
  | 'closed_vote' // closed by the Standing Committee's satisfaction vote
  | 'vote_failed' // the satisfaction vote failed; back in rectification, overdue
  | 'objection_dismissed'; // objected, objection dismissed, then handled and closed

export interface MatterPlan {
  /** Defaults to the finding's or suggestion's title. */
  title?: string;
  content?: string;
  /** Lead department (short name) and co-handling ones. */
  lead?: string;
  co?: string[];
  path: MatterPath;
  /** Objections: the unit the lead unit points to (and, when reassigned, the new lead). */
  other?: string;
  objectReason?: string;
  dismissReason?: string;
  cancelReason?: string;
  /** What the unit reports as done (progress reports). */
  measures?: string;
  /** The completion report's summary. */
  done?: string;
  reportEveryDays?: number;
  /** Closed out by the supervising leader's own account (凌传茂) instead of the office. */
  closedByLeader?: boolean;
}

export interface Finding {
  title: string;
  content: string;
  matter?: MatterPlan;
}

/** Who speaks: a named person of the register, a city deputy of a county, an expert, or an outsider. */
export type Speaker =
  | { name: string }
  | { cityDeputy: string }
  | { provincialDeputy: number }
  | { expert: string }
  | { outsider: string };

export interface Suggestion {
  by: Speaker;
  content: string;
  responder: string;
  response: string;
  matter?: MatterPlan & { title: string };
}

export interface ThematicMeeting {
  date: string;
  title: string;
  /** The outcome as the article sums it up (the meeting's minutes). */
  outcome: string;
  suggestions: Suggestion[];
}

export interface Visit {
  date: string;
  county: string;
  /** The town, when the visit is in one (towns with a presidium get their deputies invited). */
  town?: string;
  title: string;
  note: string;
  /** Named deputies who came along (the demo `deputy` account's person, in her own town). */
  withDeputies?: string[];
}

export interface ResearchField {
  field: string;
  /** Name of the leadership member who leads the group (people.ts NPC_LEADERS, same order). */
  leader: string;
  organiser: string;
  start: string;
  end: string;
  /** A workplace to find the group's expert by (experts are invented; falls back to any). */
  expertAt: string;
  /** Named deputies who joined the group (provincial and national). */
  withDeputies?: string[];
  visits: Visit[];
  report: { title: string; content: string };
  achievements: Finding[];
  problems: Finding[];
  /** The field's thematic meeting of the joint meeting (生活服务 has the report hearing instead). */
  meeting?: ThematicMeeting;
}

export const JOINT_MEETING = {
  title: '江门市助力加快建设现代化产业体系联席会议',
  description:
    '根据市委工作要求，由市人大常委会牵头建立。联席会议是加快推进现代化产业体系建设的有力抓手，也是督促落实重点工作、' +
    '会商解决困难问题的重要平台，根据工作需要定期或不定期召开全体会议和专题会议；成员单位为市人大相关专门委员会、' +
    '常委会相关工作委员会和市发展改革局、市科技局、市工业和信息化局等10多个关键部门，主要负责同志共同参与；' +
    '下设综合工作专班承担日常运转，跟踪议定事项落实。',
  /** 市人大相关专委 and 常委会相关工委 (units.ts names). */
  npcMemberUnits: [
    '财政经济委员会',
    '教育科学文化卫生委员会',
    '华侨外事民族宗教委员会',
    '城乡建设环境与资源保护委员会',
    '社会建设委员会',
    '农业与农村委员会',
    '预算工作委员会',
    '代表人事选举任免联络工作委员会',
  ],
};

export const FIRST_PLENARY = {
  date: '2025-07-21',
  title: '江门市助力加快建设现代化产业体系联席会议第一次全体会议',
  place: '市人大常委会机关第一会议室',
  rules: [
    {
      title: '江门市助力加快建设现代化产业体系联席会议运行机制',
      content:
        '联席会议由市人大常委会牵头，成员单位主要负责同志参加；定期召开全体会议，根据工作需要召开专题会议；' +
        '建立信息互通、会商研判、议定事项交办和跟踪督办机制，综合工作专班负责日常运转。',
    },
    {
      title: '江门市助力加快建设现代化产业体系联席会议工作规则',
      content:
        '明确联席会议职责、成员单位职责、会议组织、议定事项的交办与办理时限、办理情况报告和督办销号程序；' +
        '议定事项以督办通知交办，承办单位按期报送办理进展和办结报告，综合工作专班建立台账、跟踪问效。',
    },
  ],
  speech:
    '现代化产业体系建设，只靠一级人大或某个单位单打独斗是行不通的。要切实把全市三级人大都调动起来，' +
    '把五级人大代表作用都发挥出来，与政府形成合力，加快推进我市现代化产业体系建设。',
  minutes:
    '会议审议通过联席会议运行机制和工作规则，标志着相关工作制度正式运转。议定事项：一、组建创新驱动、空间保障、' +
    '人力资源、新质生产力、侨务优势、生活服务、安全生产、陈皮全产业链发展8个专题调研组，由常委会领导班子成员分别牵头；' +
    '二、各成员单位报送现代化产业体系建设重点工作清单和问题清单；三、建立成员单位信息互通和数据共享机制。',
  decisions: [
    {
      title: '报送现代化产业体系建设重点工作清单和问题清单',
      content:
        '按照联席会议第一次全体会议议定，由市发展改革局汇总各成员单位现代化产业体系建设重点工作清单、重点项目清单和' +
        '困难问题清单，报联席会议综合工作专班。',
      lead: '市发展改革局',
      path: 'closed',
      measures: '已印发通知，收集15个成员单位重点工作和困难问题，形成初步清单。',
      done: '已汇总形成重点工作清单42项、重点项目清单60项、困难问题清单27项，报送综合工作专班。',
    },
    {
      title: '建立成员单位信息互通和数据共享机制',
      content:
        '按照联席会议第一次全体会议议定，建立联席会议成员单位信息互通和产业数据共享机制，明确共享目录、更新频次和责任人。',
      lead: '市政务服务数据管理局',
      co: ['市统计局'],
      path: 'closed_late',
      measures: '已起草数据共享目录，正在征求成员单位意见。',
      done: '已印发信息互通和数据共享工作机制，首批共享产业数据目录38项，依托政务数据平台按月更新。',
    },
  ] satisfies (MatterPlan & { title: string; content: string })[],
};

export const SECOND_PLENARY = {
  date: '2025-12-23',
  title: '江门市助力加快建设现代化产业体系联席会议第二次全体会议',
  place: '市人大常委会机关第一会议室',
  speech:
    '一年来，联席会议统筹协调、专题调研精准把脉、专题会议集智献策，“三位一体”监督工作格局初步形成。' +
    '各成员单位要对照8份调研报告和7场专题会议交办的问题，逐项整改、按期销号，确保问题整改到位。',
  minutes:
    '会议听取综合工作专班关于2025年工作情况和议定事项办理情况的汇报。议定事项：一、制定2026年助力现代化产业体系建设' +
    '工作要点；二、建立现代化产业体系建设监测评价指标；三、加强重点产业项目用地保障。',
  decisions: [
    {
      title: '制定2026年助力现代化产业体系建设工作要点',
      content:
        '按照联席会议第二次全体会议议定，研究制定2026年助力现代化产业体系建设工作要点，明确重点任务和责任分工。',
      lead: '市发展改革局',
      path: 'assigned',
    },
    {
      title: '建立现代化产业体系建设监测评价指标',
      content: '按照联席会议第二次全体会议议定，建立现代化产业体系建设监测评价指标体系，按季度报送监测情况。',
      lead: '市统计局',
      co: ['市发展改革局'],
      path: 'assigned_soon',
    },
    {
      title: '加强重点产业项目用地保障',
      content:
        '按照联席会议第二次全体会议议定，梳理重点产业项目用地需求，提出用地保障方案和低效用地盘活计划。',
      lead: '市自然资源局',
      path: 'objected',
      other: '市发展改革局',
      objectReason:
        '重点产业项目清单和用地需求统筹由市发展改革局牵头，我局配合做好用地报批和供应，建议改由市发展改革局主办。',
    },
  ] satisfies (MatterPlan & { title: string; content: string })[],
};

const REQUIREMENTS =
  '请承办单位自收到督办通知之日起制定整改方案，明确责任人和完成时限，按月报送整改进展；办结后报送整改报告和佐证材料，' +
  '经常委会审核后销号。';
export const matterRequirements = (via: string) => `${via}。${REQUIREMENTS}`;

export const RESEARCH_FIELDS: ResearchField[] = [
  {
    field: '创新驱动',
    leader: '谭振邦',
    organiser: '教育科学文化卫生委员会',
    start: '2025-07-28',
    end: '2025-09-05',
    expertAt: '五邑大学智能制造学部',
    withDeputies: ['徐锡彦'],
    visits: [
      {
        date: '2025-08-05',
        county: '江海区',
        title: '江门高新区科技企业孵化器',
        note: '察看孵化器和众创空间运营情况，了解在孵科技型企业成长、创业投资和公共技术服务情况。',
      },
      {
        date: '2025-08-05',
        county: '江海区',
        title: '江门市产业技术研究院',
        note: '了解新型研发机构建设、共性技术研发和科技成果转化服务情况，听取研究院关于中试验证能力不足的意见。',
      },
      {
        date: '2025-08-12',
        county: '蓬江区',
        title: '五邑大学省级重点实验室和校地合作平台',
        note: '察看高校科研平台建设，座谈校地合作、产学研协同和科研人员服务企业情况。',
      },
      {
        date: '2025-08-19',
        county: '鹤山市',
        title: '鹤山工业城骨干企业研发中心',
        note: '走访骨干制造企业研发中心，了解企业研发投入、技术改造和人才引进情况。',
      },
      {
        date: '2025-08-26',
        county: '蓬江区',
        town: '棠下镇',
        title: '棠下镇村级工业园改造和科创园区',
        withDeputies: ['何美玲'],
        note: '察看村级工业园改造提升和科创园区建设，听取镇村关于产业空间和创新载体建设的情况汇报。',
      },
    ],
    report: {
      title: '关于我市创新驱动发展情况的调研报告',
      content:
        '调研组历时一个多月，走访科创平台、重点园区、骨干企业和镇村基层，召开座谈会5场。报告认为，我市全过程创新生态链' +
        '加快构建，但创新链与产业链融合不足、科技成果转化效率不高等问题仍较突出，提出强化高能级平台、完善企业梯度培育等建议。',
    },
    achievements: [
      {
        title: '全过程创新生态链加快构建',
        content:
          '“基础研究+技术攻关+成果转化+科技金融+人才支撑”全过程创新生态链加快构建，新型研发机构和孵化载体布局逐步完善。',
      },
      {
        title: '企业创新主体地位持续增强',
        content: '高新技术企业和科技型中小企业数量稳步增长，规模以上工业企业研发机构覆盖面不断扩大。',
      },
    ],
    problems: [
      {
        title: '创新链与产业链融合不足',
        content:
          '高校、科研院所研发方向与本地主导产业需求对接不够，企业牵头的创新联合体偏少，关键核心技术攻关与产业链协同不足。',
        matter: {
          lead: '市科技局',
          co: ['市工业和信息化局'],
          path: 'closed_returned',
          measures: '已梳理主导产业技术需求清单，组织五邑大学等高校院所与32家企业开展技术对接。',
          done: '组建新能源电池、智能家电等4个产业创新联合体，发布产业技术需求清单120项，促成校企合作项目28项。',
        },
      },
      {
        title: '科技成果转化效率不高',
        content:
          '科技成果转化服务体系不健全，技术经纪人才缺乏，概念验证和中试熟化能力不足，成果转化“最后一公里”不畅。',
        matter: {
          lead: '市科技局',
          path: 'rect_green',
          measures: '已制定科技成果转化三年行动方案，培育技术经纪人60名，建设技术转移服务机构3家。',
        },
      },
      {
        title: '高能级创新平台偏少',
        content: '国家级和省级重点创新平台数量偏少，重大科技基础设施的辐射带动作用有待发挥。',
        matter: {
          lead: '市发展改革局',
          co: ['市科技局'],
          path: 'closed',
          measures: '已编制高能级创新平台建设清单，推动2家省级平台申报工作。',
          done: '新增省级重点实验室1家、省级工程技术研究中心6家，高能级创新平台建设清单纳入全市年度重点工作。',
        },
      },
    ],
    meeting: {
      date: '2025-09-18',
      title: '创新驱动专题会议',
      outcome: '会议凝聚了强化高能级平台、完善企业梯度培育的共识。',
      suggestions: [
        {
          by: { expert: '五邑大学智能制造学部' },
          content:
            '建议完善“科技型中小企业—高新技术企业—专精特新企业—单项冠军企业”梯度培育体系，分类制定扶持政策清单。',
          responder: '市科技局',
          response: '我局正会同市工业和信息化局修订企业梯度培育办法，年内建立梯度培育库并实行动态管理。',
          matter: {
            title: '完善科技型企业梯度培育体系',
            lead: '市科技局',
            path: 'closed',
            measures: '已起草企业梯度培育办法，完成首批入库企业遴选。',
            done: '印发科技型企业梯度培育办法，首批入库企业860家，配套政策清单12项。',
          },
        },
        {
          by: { cityDeputy: '江海区' },
          content: '建议依托五邑大学和市产业技术研究院共建高能级创新平台，支持龙头企业牵头组建创新联合体。',
          responder: '市发展改革局',
          response:
            '我局将把高能级创新平台建设纳入年度重点项目，积极争取省级平台布局，支持龙头企业牵头承担攻关任务。',
        },
      ],
    },
  },
  {
    field: '空间保障',
    leader: '陈惠玲',
    organiser: '城乡建设环境与资源保护委员会',
    start: '2025-08-01',
    end: '2025-09-12',
    expertAt: '江门市规划勘察设计研究院',
    visits: [
      {
        date: '2025-08-07',
        county: '新会区',
        title: '银湖湾滨海新区',
        note: '察看滨海新区规划建设和重大产业平台用地情况，了解基础设施配套推进情况。',
      },
      {
        date: '2025-08-14',
        county: '台山市',
        town: '广海镇',
        title: '广海湾经济开发区',
        note: '了解开发区产业用地储备、港口和疏港交通建设情况，听取关于跨区域交通衔接的意见。',
      },
      {
        date: '2025-08-21',
        county: '开平市',
        title: '翠山湖新区',
        note: '察看园区连片开发和低效用地再开发，了解园区道路、供水供电和生活配套建设情况。',
      },
      {
        date: '2025-08-28',
        county: '新会区',
        town: '司前镇',
        title: '司前镇产业园区和村级工业园',
        note: '了解镇级园区土地整备、村级工业园升级改造和“工业上楼”试点情况。',
      },
      {
        date: '2025-09-04',
        county: '恩平市',
        title: '恩平市工业园和交通节点',
        note: '察看工业园区扩容提质和区域交通节点建设，座谈园区与珠三角核心区交通联系问题。',
      },
    ],
    report: {
      title: '关于我市产业发展空间保障情况的调研报告',
      content:
        '报告肯定了“一心两带三轴线”格局的初步形成，摸清了跨区域交通互联互通不足、连片产业用地供给不足等制约因素，' +
        '提出加快综合交通网建设、深化生态文明建设、盘活低效用地等建议。',
    },
    achievements: [
      {
        title: '“一心两带三轴线”格局初步形成',
        content: '全市产业空间布局持续优化，“一心两带三轴线”格局初步形成，重大产业平台承载能力不断提升。',
      },
      {
        title: '区位交通优势进一步凸显',
        content: '深中通道、黄茅海跨海通道开通，江门与珠三角核心区的时空距离大幅缩短。',
      },
    ],
    problems: [
      {
        title: '跨区域交通互联互通不足',
        content:
          '与珠三角核心城市的轨道交通联系偏弱，部分园区与高速公路、港口之间存在“断头路”“瓶颈路”，跨区域交通衔接不畅。',
        matter: {
          lead: '市交通运输局',
          co: ['市发展改革局'],
          path: 'rect_overdue',
          measures: '已梳理跨区域“断头路”“瓶颈路”清单14项，其中3项已开工建设。',
        },
      },
      {
        title: '连片产业用地供给不足',
        content: '可供连片开发的产业用地偏少，低效用地盘活进度偏慢，重大项目落地存在用地瓶颈。',
        matter: {
          lead: '市自然资源局',
          path: 'extension',
          measures: '已完成全市低效工业用地调查，制定盘活计划，首批12宗地块进入处置程序。',
        },
      },
      {
        title: '园区基础设施和生活配套滞后',
        content: '部分产业园区道路、污水处理、员工宿舍和商业配套建设滞后，影响企业招工留工和项目投产。',
        matter: {
          lead: '市住房城乡建设局',
          path: 'reassigned',
          other: '市工业和信息化局',
          objectReason:
            '产业园区规划建设和配套统筹由市工业和信息化局（园区主管部门）牵头，建议改由其主办，我局配合。',
          measures: '已会同各县（市、区）梳理园区配套短板清单，推动9个园区配套项目纳入年度计划。',
        },
      },
    ],
    meeting: {
      date: '2025-09-25',
      title: '空间保障专题会议',
      outcome: '会议明确了加快综合交通网建设、深化生态文明建设的方向。',
      suggestions: [
        {
          by: { cityDeputy: '台山市' },
          content:
            '建议加快江门至珠三角核心城市的城际轨道和高快速路建设，优先打通园区与高速公路、港口之间的“断头路”。',
          responder: '市交通运输局',
          response: '我局已将相关项目纳入综合交通“十五五”规划前期研究，并加快推进园区疏港公路建设。',
          matter: {
            title: '加快综合交通网建设，打通园区“断头路”',
            lead: '市交通运输局',
            path: 'submitted',
            measures: '已完成4条园区连接线的前期工作，其中2条已开工。',
            done: '园区连接线和疏港公路建设计划已印发，4条“断头路”已开工或建成，综合交通网建设纳入年度重点项目。',
          },
        },
        {
          by: { expert: '江门市规划勘察设计研究院' },
          content: '建议统筹产业空间与生态空间，推广“工业上楼”和低效用地再开发，守住生态保护红线。',
          responder: '市自然资源局',
          response: '我局正在制定低效用地再开发实施意见，并将在两个园区开展“工业上楼”试点。',
        },
      ],
    },
  },
  {
    field: '人力资源',
    leader: '梁国栋',
    organiser: '社会建设委员会',
    start: '2025-08-15',
    end: '2025-10-10',
    expertAt: '江门职业技术学院',
    visits: [
      {
        date: '2025-08-20',
        county: '蓬江区',
        title: '江门人才岛',
        note: '察看人才岛规划建设和人才服务中心运营情况，了解高层次人才引进和服务保障措施。',
      },
      {
        date: '2025-08-27',
        county: '蓬江区',
        title: '江门职业技术学院产教融合实训基地',
        note: '了解职业院校专业设置与产业需求对接、订单式培养和实训基地共建情况。',
      },
      {
        date: '2025-09-03',
        county: '开平市',
        title: '水口镇水暖卫浴产业技能人才培训基地',
        note: '走访水暖卫浴企业和培训基地，了解产业工人技能提升和企业用工情况。',
      },
      {
        date: '2025-09-10',
        county: '恩平市',
        town: '大田镇',
        title: '大田镇企业用工和技能培训',
        note: '座谈镇内企业用工需求、技能培训补贴落实和外来务工人员服务情况。',
      },
      {
        date: '2025-09-17',
        county: '台山市',
        town: '斗山镇',
        title: '斗山镇“粤菜师傅”培训和返乡创业服务点',
        note: '了解“粤菜师傅”“广东技工”等技能培训和返乡创业就业服务情况。',
      },
    ],
    report: {
      title: '关于我市产业人才支撑情况的调研报告',
      content:
        '报告认为，我市人才引育政策体系不断完善、技能人才队伍持续壮大，但高层次人才和高技能人才供给不足、' +
        '产教融合不深、人才配套保障待完善，提出扩大订单式培养、建设市域产教联合体等建议。',
    },
    achievements: [
      {
        title: '人才引育政策体系不断完善',
        content: '“人才岛”建设加快推进，人才引进、培养、评价和服务政策体系不断完善。',
      },
      {
        title: '技能人才队伍持续壮大',
        content: '“粤菜师傅”“广东技工”“南粤家政”三项工程深入实施，技能人才总量稳步增长。',
      },
    ],
    problems: [
      {
        title: '高层次人才和高技能人才供给不足',
        content: '主导产业急需的高层次研发人才和高技能人才缺口较大，企业“招人难、留人难”问题仍较突出。',
        matter: {
          lead: '市人力资源社会保障局',
          path: 'closed',
          measures: '已编制重点产业紧缺人才目录，启动“订单式”高技能人才培养项目。',
          done: '发布重点产业紧缺人才目录，新增高技能人才5200人，引进高层次人才团队11个。',
        },
      },
      {
        title: '产教融合不深、校企合作不紧密',
        content: '职业院校专业设置与产业需求匹配度不高，校企合作多停留在实习层面，共建专业和实训基地偏少。',
        matter: {
          lead: '市教育局',
          co: ['市人力资源社会保障局'],
          path: 'submitted',
          measures: '已推动职业院校调整专业设置，新增紧缺专业6个，与龙头企业共建实训基地4个。',
          done: '市域产教联合体已组建运行，新增校企共建专业12个、产业学院3个，订单式培养规模扩大到2800人。',
        },
      },
      {
        title: '人才住房和子女入学等配套保障待完善',
        content: '人才公寓供给不足，人才子女入学、配偶就业等配套服务不够便捷，影响人才安居乐业。',
        matter: {
          lead: '市住房城乡建设局',
          co: ['市教育局'],
          path: 'rect_overdue',
          measures: '已筹集人才公寓房源800套，人才子女入学服务纳入“一件事”办理。',
        },
      },
    ],
    meeting: {
      date: '2025-10-16',
      title: '人力资源专题会议',
      outcome: '会议形成了扩大高技能人才供给、深化产教融合、完善人才服务保障的共识。',
      suggestions: [
        {
          by: { cityDeputy: '开平市' },
          content: '建议扩大“订单式”技能人才培养规模，按产业集群设立技能人才培训基地，提高培训补贴标准。',
          responder: '市人力资源社会保障局',
          response: '我局将按产业集群新建3个公共实训基地，并调整职业技能培训补贴目录。',
        },
        {
          by: { expert: '江门职业技术学院' },
          content: '建议组建市域产教联合体，推动职业院校按产业链设置专业，实行校企“双导师”培养。',
          responder: '市教育局',
          response: '我局正会同市人力资源社会保障局组建市域产教联合体，年内启动首批共建专业。',
        },
      ],
    },
  },
  {
    field: '新质生产力',
    leader: '凌传茂',
    organiser: '财政经济委员会',
    start: '2025-08-20',
    end: '2025-10-31',
    expertAt: '五邑大学经济管理学院',
    withDeputies: ['崔岩', '徐锡彦'],
    visits: [
      {
        date: '2025-09-09',
        county: '江海区',
        title: '新能源电池和储能企业',
        note: '走访新能源电池和储能骨干企业，了解产能建设、技术研发和本地配套情况。',
      },
      {
        date: '2025-09-16',
        county: '开平市',
        title: '江门中微子实验站和科技成果转化',
        note: '了解大科学装置建设运行情况及其在精密制造、探测技术等领域的成果转化前景。',
      },
      {
        date: '2025-09-23',
        county: '鹤山市',
        town: '址山镇',
        title: '址山镇智能制造企业',
        note: '察看企业智能化生产线和数字化车间，了解设备更新和技术改造政策落实情况。',
      },
      {
        date: '2025-10-14',
        county: '新会区',
        town: '双水镇',
        title: '双水镇传统产业数字化转型企业',
        note: '座谈中小企业数字化转型的难点，了解“不敢转、不会转、转不起”的具体问题。',
      },
      {
        date: '2025-10-21',
        county: '蓬江区',
        title: '“5G+工业互联网”应用示范企业',
        note: '了解工业互联网平台应用、数据要素利用和智能制造场景建设情况。',
      },
    ],
    report: {
      title: '关于我市加快培育发展新质生产力情况的调研报告',
      content:
        '报告认为，我市战略性新兴产业集群加快壮大，传统产业“三化”转型稳步推进，但新兴产业集群能级不高、' +
        '中小企业转型压力大、数据要素和应用场景开放不足，提出壮大战略性新兴产业集群、推动传统产业“三化”转型等建议。',
    },
    achievements: [
      {
        title: '战略性新兴产业集群加快壮大',
        content: '新能源电池、储能、光伏等战略性新兴产业集群加快壮大，一批重大产业项目落地见效。',
      },
      {
        title: '传统产业“三化”转型稳步推进',
        content: '传统产业智能化改造、数字化转型、网络化联接稳步推进，一批数字化车间和智能工厂建成投产。',
      },
    ],
    problems: [
      {
        title: '新兴产业集群能级不高、链主企业带动不强',
        content: '新兴产业链条较短，本地配套率不高，链主企业对上下游中小企业的带动作用有待加强。',
        matter: {
          lead: '市发展改革局',
          co: ['市工业和信息化局'],
          path: 'rect_green',
          measures: '已制定新能源电池与储能产业链招商图谱，引进配套项目9个。',
        },
      },
      {
        title: '传统产业“三化”转型压力大',
        content: '中小企业数字化转型“不敢转、不会转、转不起”，转型服务供给和资金支持不足。',
        matter: {
          lead: '市工业和信息化局',
          path: 'closed',
          closedByLeader: true,
          measures: '已遴选数字化转型服务商32家，启动中小企业数字化转型城市试点项目。',
          done: '完成1200家中小企业数字化转型诊断，建成数字化车间和智能工厂86个，转型服务资源池投入运行。',
        },
      },
      {
        title: '数据要素和应用场景开放不足',
        content: '公共数据开放和行业数据流通不够，新技术应用场景开放偏少，企业获取场景和数据的渠道有限。',
        matter: {
          lead: '市政务服务数据管理局',
          path: 'submitted',
          measures: '已编制公共数据开放目录，发布首批应用场景清单20项。',
          done: '公共数据开放目录发布数据集210个，分两批发布应用场景清单45项，促成场景对接项目17个。',
        },
      },
    ],
    meeting: {
      date: '2025-11-13',
      title: '“加快培育发展新质生产力”专题会议',
      outcome: '会议形成了壮大战略性新兴产业集群、推动传统产业“三化”转型的路径。',
      suggestions: [
        {
          by: { name: '崔岩' },
          content:
            '建议用AI技术构建侨乡文化数字孪生平台，对碉楼、侨批、骑楼街区等侨乡文化资源进行数字化采集和三维重建，' +
            '发展数字文旅和文化创意产业。',
          responder: '市文化广电旅游体育局',
          response:
            '我局已启动侨乡文化资源数字化普查，将会同市侨务局研究平台建设方案，分期推进数字孪生平台建设。',
          matter: {
            title: '建设侨乡文化数字孪生平台',
            lead: '市文化广电旅游体育局',
            co: ['市侨务局'],
            path: 'rect_green',
            measures: '已完成侨乡文化资源数字化普查方案，首批50处碉楼和侨批文献完成数字化采集。',
          },
        },
        {
          by: { name: '徐锡彦' },
          content: '呼吁加快建设概念验证与中试平台，破解科技成果转化“最后一公里”难题。',
          responder: '市科技局',
          response: '我局正在布局建设概念验证中心和中试平台，明年起对认定的平台给予建设和运营补助。',
          matter: {
            title: '加快建设概念验证与中试平台',
            lead: '市科技局',
            path: 'rect_report_late',
            reportEveryDays: 30,
            measures: '已制定概念验证中心和中试平台认定管理办法，首批2家平台启动建设。',
          },
        },
        {
          by: { name: '甄文博' },
          content: '建议建立中小企业数字化转型服务商资源池，推行“小快轻准”数字化解决方案，降低转型成本。',
          responder: '市工业和信息化局',
          response: '我局已遴选首批服务商，并将对中小企业上云用数给予补贴。',
          matter: {
            title: '建立中小企业数字化转型服务商资源池',
            lead: '市工业和信息化局',
            path: 'closed_late',
            measures: '已发布服务商征集公告，完成首批服务商评审。',
            done: '中小企业数字化转型服务商资源池入库服务商48家，发布“小快轻准”解决方案60个。',
          },
        },
        {
          by: { outsider: '江门市新能源电池行业协会负责人' },
          content:
            '建议壮大新能源电池与储能产业集群，引进正负极材料、电解液、结构件等配套企业，提高本地配套率。',
          responder: '市发展改革局',
          response: '我局将编制产业链招商图谱，对配套项目实行“一项目一专班”服务。',
        },
      ],
    },
  },
  {
    field: '侨务优势',
    leader: '李卓文',
    organiser: '华侨外事民族宗教委员会',
    start: '2025-08-25',
    end: '2025-10-15',
    expertAt: '中共江门市委党校',
    visits: [
      {
        date: '2025-09-02',
        county: '蓬江区',
        title: '江门华侨华人博物馆和“侨都赋能”工程展示',
        note: '了解“侨都赋能”工程实施情况和侨务资源服务产业发展的做法。',
      },
      {
        date: '2025-09-11',
        county: '开平市',
        town: '赤坎镇',
        title: '赤坎华侨古镇',
        note: '察看华侨古镇保护利用和文旅运营情况，了解侨资参与古镇活化的模式。',
      },
      {
        date: '2025-09-18',
        county: '台山市',
        title: '台山市侨资企业和侨乡文化项目',
        note: '走访侨资企业，座谈涉侨企业融资、跨境政务服务和侨商回乡投资的诉求。',
      },
      {
        date: '2025-09-25',
        county: '新会区',
        title: '新会区侨资企业座谈会',
        note: '听取侨资企业关于融资担保、跨境结算和人才往来的意见建议。',
      },
      {
        date: '2025-10-09',
        county: '鹤山市',
        town: '宅梧镇',
        title: '宅梧镇侨村和乡村振兴侨力项目',
        note: '了解侨胞捐资、侨房活化和侨力助推乡村振兴情况。',
      },
    ],
    report: {
      title: '关于发挥侨务优势助力现代化产业体系建设的调研报告',
      content:
        '报告总结了“侨都赋能”工程成效，同时反映了侨务资源转化机制不完善、涉侨企业融资支持待加强等诉求，' +
        '提出打造“一网通办”平台、深化“侨务+”融合等建议。',
    },
    achievements: [
      {
        title: '“侨都赋能”工程成效明显',
        content: '“侨都赋能”工程深入实施，侨资侨智侨力在招商引资、人才引进和文旅发展中的作用不断增强。',
      },
    ],
    problems: [
      {
        title: '侨务资源转化机制不完善',
        content:
          '侨务资源底数不清，侨商侨智与本地产业项目对接缺乏常态化机制，资源优势尚未充分转化为发展优势。',
        matter: {
          lead: '市侨务局',
          co: ['市商务局'],
          path: 'closed',
          measures: '已建立侨商侨智资源库，组织侨资企业与本地项目对接会2场。',
          done: '侨商侨智资源库入库信息1800条，建立“侨务+招商”常态化对接机制，促成签约项目14个。',
        },
      },
      {
        title: '涉侨企业融资支持待加强',
        content: '涉侨企业特别是中小侨资企业融资难、融资贵，跨境融资和担保增信渠道不足。',
        matter: {
          lead: '市财政局',
          co: ['市侨务局'],
          path: 'rect_overdue',
          measures: '已研究设立涉侨企业融资风险补偿资金，正与合作银行商议产品方案。',
        },
      },
      {
        title: '涉侨政务服务跨境办理不便',
        content: '海外侨胞办理涉侨事务仍需多次往返，跨境身份认证和材料互认不畅。',
        matter: {
          lead: '市政务服务数据管理局',
          co: ['市侨务局'],
          path: 'closed_returned',
          measures: '已在政务服务网开设涉侨服务专区，梳理涉侨高频事项36项。',
          done: '涉侨服务“一网通办”专区上线运行，36项高频事项实现跨境办理，境外侨胞身份认证问题已解决。',
        },
      },
    ],
    meeting: {
      date: '2025-10-23',
      title: '侨务优势专题会议',
      outcome: '会议提出了打造“一网通办”平台、深化“侨务+”融合的思路。',
      suggestions: [
        {
          by: { cityDeputy: '台山市' },
          content:
            '建议深化“侨务+”融合，建立侨资侨智与重点产业项目的常态化对接机制，每年举办侨商投资对接活动。',
          responder: '市侨务局',
          response: '我局将建立侨商侨智资源库，联合商务部门每季度举办项目对接活动。',
          matter: {
            title: '深化“侨务+”融合，建立侨资侨智对接机制',
            lead: '市侨务局',
            path: 'assigned_overdue',
          },
        },
        {
          by: { expert: '中共江门市委党校' },
          content: '建议打造涉侨服务“一网通办”平台，推动涉侨事项跨境通办、全程网办。',
          responder: '市政务服务数据管理局',
          response: '我局已开设涉侨服务专区，年内实现高频涉侨事项跨境办理。',
        },
      ],
    },
  },
  {
    field: '生活服务',
    leader: '司徒健华',
    organiser: '社会建设委员会',
    start: '2025-08-18',
    end: '2025-10-20',
    expertAt: '中共江门市委党校',
    visits: [
      {
        date: '2025-08-26',
        county: '蓬江区',
        title: '市区核心商圈和夜间消费集聚区',
        note: '察看商圈业态、客流和夜间经济发展情况，听取商户对商圈提升的意见。',
      },
      {
        date: '2025-09-04',
        county: '开平市',
        town: '塘口镇',
        title: '开平碉楼与村落景区（自力村）',
        note: '了解世界文化遗产景区运营、游客接待和文旅消费情况。',
      },
      {
        date: '2025-09-12',
        county: '新会区',
        title: '新会区养老服务中心和长者饭堂',
        note: '察看养老服务设施运营和长者助餐服务，了解普惠型养老床位供给情况。',
      },
      {
        date: '2025-09-19',
        county: '江海区',
        title: '江海区社区嵌入式养老服务站',
        note: '了解社区嵌入式服务设施建设和“一刻钟便民生活圈”建设情况。',
      },
      {
        date: '2025-09-26',
        county: '台山市',
        title: '台山市海岛旅游和文旅消费项目',
        note: '了解滨海和海岛旅游发展、旅游配套设施和文旅品牌建设情况。',
      },
    ],
    report: {
      title: '关于我市生活服务业发展情况的调研报告',
      content:
        '报告认为，我市消费市场持续回暖，文旅融合和养老服务网络建设取得进展，但商圈能级不高、文旅品牌影响力不足、' +
        '普惠型养老服务供给不足，建议常委会听取审议市政府专项工作报告并开展专题询问。',
    },
    achievements: [
      {
        title: '消费市场持续回暖',
        content: '商贸、餐饮、住宿等生活服务业持续恢复，夜间经济和新型消费加快发展。',
      },
      {
        title: '养老服务网络逐步完善',
        content: '镇街综合养老服务中心和长者饭堂加快建设，居家社区养老服务网络逐步完善。',
      },
    ],
    problems: [
      {
        title: '商圈能级不高、缺少百亿级商圈',
        content: '市区商圈规模偏小、业态同质，缺少辐射周边的百亿级商圈，本地消费外流明显。',
        matter: {
          lead: '市商务局',
          path: 'cancelled',
          cancelReason: '与常委会审议意见交办事项“打造百亿级商圈”内容重复，合并办理。',
        },
      },
      {
        title: '文旅品牌影响力不足，“景区热、城区冷”',
        content: '文旅资源丰富但品牌影响力不足，游客集中在少数景区，城区文旅消费带动不足，“景区热、城区冷”。',
        matter: {
          lead: '市文化广电旅游体育局',
          path: 'closed',
          measures: '已制定城区文旅消费提升方案，推出侨乡文化旅游线路8条。',
          done: '推出“侨乡一日游”等精品线路12条，城区文旅街区改造完成2个，节假日城区游客量同比增长两成。',
        },
      },
      {
        title: '普惠型养老服务供给不足',
        content: '普惠型养老床位和社区嵌入式养老服务供给不足，护理型床位占比偏低。',
        matter: {
          lead: '市民政局',
          path: 'cancelled',
          cancelReason: '与常委会审议意见交办事项“扩大养老服务供给”内容重复，合并办理。',
        },
      },
    ],
  },
  {
    field: '安全生产',
    leader: '甄伟强',
    organiser: '监察和司法委员会',
    start: '2025-09-01',
    end: '2025-11-14',
    expertAt: '广东侨都律师事务所',
    visits: [
      {
        date: '2025-09-16',
        county: '新会区',
        title: '古井镇工业园区危险化学品企业',
        note: '检查危险化学品企业重大危险源管控和园区应急处置能力建设情况。',
      },
      {
        date: '2025-09-23',
        county: '台山市',
        town: '广海镇',
        title: '广海镇渔港和渔船安全管理',
        note: '了解渔港建设、渔船安全管理和防台风应急准备情况。',
      },
      {
        date: '2025-10-09',
        county: '恩平市',
        town: '良西镇',
        title: '良西镇工贸企业',
        note: '走访工贸企业，了解安全生产主体责任落实和隐患排查整治情况。',
      },
      {
        date: '2025-10-16',
        county: '江海区',
        title: '江海区工业园区安全生产智慧监管平台',
        note: '察看园区安全生产智慧监管平台运行，了解风险监测预警和执法检查情况。',
      },
      {
        date: '2025-10-23',
        county: '蓬江区',
        town: '荷塘镇',
        title: '荷塘镇小微企业和“三小场所”消防安全',
        note: '检查小微企业和小作坊、小商店、小娱乐场所的消防安全和用电安全情况。',
      },
    ],
    report: {
      title: '关于我市安全生产工作情况的调研报告',
      content:
        '报告认为，全市安全生产形势总体平稳，智慧监管能力不断提升，但部分中小企业主体责任落实不到位、' +
        '化工园区风险防控能力待提升、基层监管力量薄弱，提出压实企业主体责任、加强基层执法力量等建议。',
    },
    achievements: [
      {
        title: '安全生产形势总体平稳',
        content: '全市生产安全事故起数和死亡人数保持下降，重点行业领域专项整治取得成效。',
      },
      {
        title: '智慧监管能力不断提升',
        content: '工业园区安全生产智慧监管平台投入使用，风险监测预警覆盖重点企业。',
      },
    ],
    problems: [
      {
        title: '部分中小企业安全生产主体责任落实不到位',
        content: '部分中小企业安全投入不足、安全培训流于形式，隐患自查自改不到位。',
        matter: {
          lead: '市应急管理局',
          path: 'closed',
          measures: '已开展中小企业安全生产主体责任专项检查，检查企业2100家。',
          done: '检查企业3600家，整改隐患1.2万项，建立企业安全生产主体责任清单并推行全员安全生产责任制。',
        },
      },
      {
        title: '化工园区和危险化学品风险防控能力待提升',
        content: '化工园区封闭化管理和应急救援能力不足，部分危险化学品企业重大危险源监测预警不完善。',
        matter: {
          lead: '市应急管理局',
          co: ['市工业和信息化局'],
          path: 'closed_late',
          measures: '已完成化工园区安全风险评估，推进园区封闭化改造。',
          done: '化工园区封闭化管理系统建成，重大危险源在线监测覆盖率达100%，园区应急救援队伍组建完成。',
        },
      },
      {
        title: '基层安全监管力量薄弱',
        content: '镇街安全监管人员数量少、专业化程度不高，执法装备和经费保障不足。',
        matter: {
          lead: '市应急管理局',
          co: ['市财政局'],
          path: 'received_soon',
        },
      },
    ],
    meeting: {
      date: '2025-11-27',
      title: '安全生产专题会议',
      outcome: '会议形成了压实企业主体责任、提升化工园区本质安全水平、充实基层监管力量的共识。',
      suggestions: [
        {
          by: { cityDeputy: '江海区' },
          content: '建议在全市工业园区推广安全生产智慧监管平台，实现重点企业风险监测全覆盖。',
          responder: '市应急管理局',
          response: '我局将在明年底前实现省级以上工业园区智慧监管平台全覆盖。',
        },
        {
          by: { expert: '广东侨都律师事务所' },
          content: '建议落实“管行业必须管安全”，明确新业态新领域的安全监管责任，防止出现监管空白。',
          responder: '市应急管理局',
          response: '我局正在梳理新业态新领域安全监管职责清单，报市安委会审定后印发。',
        },
      ],
    },
  },
  {
    field: '陈皮全产业链发展',
    leader: '区锦荣',
    organiser: '农业与农村委员会',
    start: '2025-09-05',
    end: '2025-11-28',
    expertAt: '广东江门中医药职业学院',
    visits: [
      {
        date: '2025-09-19',
        county: '新会区',
        title: '新会陈皮村',
        note: '了解陈皮交易、仓储和文旅融合发展情况，听取经营户关于品牌保护和市场秩序的意见。',
      },
      {
        date: '2025-10-10',
        county: '新会区',
        town: '双水镇',
        title: '双水镇新会柑种植基地',
        note: '察看新会柑标准化种植和病虫害防控，了解种植户收益和农业保险情况。',
      },
      {
        date: '2025-10-17',
        county: '新会区',
        town: '司前镇',
        title: '司前镇陈皮加工企业',
        note: '走访陈皮加工企业，了解精深加工、产品研发和质量检测情况。',
      },
      {
        date: '2025-10-24',
        county: '新会区',
        title: '新会陈皮国家现代农业产业园',
        note: '了解产业园建设、全产业链发展和联农带农机制。',
      },
      {
        date: '2025-11-07',
        county: '江海区',
        title: '陈皮深加工和电商企业',
        note: '了解陈皮食品、药品和日化等深加工产品开发及线上销售情况。',
      },
    ],
    report: {
      title: '关于推动陈皮全产业链高质量发展的调研报告',
      content:
        '报告认为，新会陈皮产业规模和品牌价值持续提升，全产业链发展格局初步形成，但品质标准与溯源体系不统一、' +
        '精深加工不足、品牌保护和市场秩序待规范，提出建立统一标准和溯源体系、发展精深加工等建议。',
    },
    achievements: [
      {
        title: '陈皮全产业链发展格局初步形成',
        content:
          '新会陈皮国家现代农业产业园带动种植、加工、仓储、文旅、金融等环节融合发展，产业规模持续扩大。',
      },
    ],
    problems: [
      {
        title: '陈皮品质标准与溯源体系不统一',
        content: '陈皮年份鉴定和品质分级标准不统一，溯源体系覆盖面不足，以次充好、以新充陈问题时有发生。',
        matter: {
          lead: '市市场监管局',
          co: ['市农业农村局'],
          path: 'closed',
          measures: '已组织制定陈皮年份鉴定团体标准，溯源系统接入企业120家。',
          done: '发布陈皮品质分级和年份鉴定标准，溯源系统覆盖规模以上经营主体，查处以新充陈案件9宗。',
        },
      },
      {
        title: '精深加工不足、产品附加值偏低',
        content: '陈皮产品以初级加工为主，食品、药品、日化等精深加工产品开发不足，附加值偏低。',
        matter: {
          lead: '市农业农村局',
          co: ['市工业和信息化局'],
          path: 'rect_green',
          measures: '已引进陈皮深加工项目3个，支持企业与高校共建研发中心。',
        },
      },
      {
        title: '品牌保护与市场秩序待规范',
        content: '地理标志产品品牌保护力度不够，电商渠道假冒“新会陈皮”现象较多，市场秩序有待规范。',
        matter: {
          lead: '市市场监管局',
          path: 'submitted',
          measures: '已开展地理标志产品专项执法行动，下架侵权商品链接430条。',
          done: '建立“新会陈皮”地理标志保护协作机制，开展专项执法3轮，电商平台侵权链接下降七成。',
        },
      },
    ],
    meeting: {
      date: '2025-12-11',
      title: '陈皮全产业链发展专题会议',
      outcome: '会议形成了统一标准与溯源、发展精深加工、加强品牌保护、完善产业金融服务的共识。',
      suggestions: [
        {
          by: { cityDeputy: '新会区' },
          content: '建议开发新会柑种植保险和“陈皮贷”等金融产品，缓解种植户和中小加工企业资金压力。',
          responder: '市财政局',
          response: '我局将研究对新会柑种植保险给予保费补贴，并会同金融机构推广“陈皮贷”。',
          matter: {
            title: '完善陈皮产业金融和保险服务',
            lead: '市财政局',
            path: 'objected',
            other: '市农业农村局',
            objectReason:
              '政策性农业保险险种设立和产业扶持由市农业农村局牵头，我局负责保费补贴资金保障，建议改由市农业农村局主办。',
          },
        },
        {
          by: { expert: '广东江门中医药职业学院' },
          content: '建议建立统一的陈皮年份鉴定标准和全程溯源体系，支持陈皮药用价值研究和药食同源产品开发。',
          responder: '市市场监管局',
          response: '我局正组织制定陈皮年份鉴定标准，并推动溯源系统覆盖规模以上经营主体。',
        },
      ],
    },
  },
];

/** The 生活服务 report heard and deliberated at a Standing Committee session, with its special inquiry. */
export const REPORT_HEARING = {
  date: '2025-10-28',
  title: '听取和审议市人民政府关于推动生活服务业高质量发展情况的报告',
  place: '市人大常委会会议厅',
  session: '市第十六届人大常委会第三十五次会议',
  report: {
    title: '市人民政府关于推动生活服务业高质量发展情况的报告',
    content:
      '报告介绍了我市商贸消费、文化旅游、养老托育、家政服务等生活服务业发展情况，分析了存在的问题，' +
      '提出打造百亿级商圈、创建文旅品牌、扩大养老服务供给等下一步工作措施。',
  },
  opinion: {
    title: '市人大常委会关于推动生活服务业高质量发展情况报告的审议意见',
    content:
      '常委会组成人员认为，市政府推动生活服务业发展做了大量工作，取得积极成效。建议：一、提升商圈能级，打造百亿级商圈；' +
      '二、整合文旅资源，创建具有侨乡特色的文旅品牌；三、扩大普惠型养老服务供给，提高护理型床位占比。' +
      '请市人民政府研究处理，并于三个月内将研究处理情况报告常委会。',
  },
  opinionSent: '2025-11-07',
  matters: [
    {
      title: '提升商圈能级，打造百亿级商圈',
      content: '根据常委会审议意见，优化商圈布局和业态，推动核心商圈扩容提质，打造辐射周边的百亿级商圈。',
      lead: '市商务局',
      path: 'closed_vote',
      measures: '已编制核心商圈提升规划，引进首店品牌18个，启动步行街改造提升。',
      done: '核心商圈提升规划印发实施，步行街改造完成，引进首店和旗舰店32家，商圈年销售额预计突破百亿元。',
    },
    {
      title: '创建具有侨乡特色的文旅品牌',
      content: '根据常委会审议意见，整合碉楼、侨墟、古村落等文旅资源，创建具有侨乡特色的文旅品牌。',
      lead: '市文化广电旅游体育局',
      path: 'vote_failed',
      measures: '已策划侨乡文旅品牌推广活动，开通文旅专线巴士。',
      done: '完成侨乡文旅品牌策划，举办文旅推介活动6场。',
    },
    {
      title: '扩大普惠型养老服务供给',
      content: '根据常委会审议意见，扩大普惠型养老床位和社区嵌入式养老服务供给，提高护理型床位占比。',
      lead: '市民政局',
      co: ['市卫生健康局'],
      path: 'rect_overdue',
      measures: '已新增普惠型养老床位600张，建成社区嵌入式养老服务站15个。',
    },
  ] satisfies (MatterPlan & { title: string; content: string })[],
  inquiry: {
    title: '生活服务业高质量发展专题询问',
    questions: [
      {
        question: '我市缺少辐射周边的百亿级商圈，本地消费外流明显。下一步如何提升商圈能级？',
        responder: '市商务局',
        response:
          '我们将以核心商圈为重点，引进首店经济和夜间经济业态，推动步行街改造提升，力争三年内形成百亿级商圈。',
        rating: 'basically_satisfied' as const,
      },
      {
        question: '我市文旅资源丰富但“景区热、城区冷”，如何打响侨乡文旅品牌、带动城区消费？',
        responder: '市文化广电旅游体育局',
        response: '我们将推出侨乡文化精品线路，开通景区至城区的文旅专线，策划全年文旅活动，带动城区消费。',
        rating: 'satisfied' as const,
      },
      {
        question: '普惠型养老床位不足、护理型床位占比偏低，如何扩大养老服务供给？',
        responder: '市民政局',
        response: '我们将新建和改造一批普惠型养老机构，推进社区嵌入式养老服务站建设，提高护理型床位占比。',
        rating: 'basically_satisfied' as const,
      },
      {
        question: '家政、养老护理等生活服务人才短缺，持证上岗率不高，有何培养措施？',
        responder: '市人力资源社会保障局',
        response: '我们将深化“南粤家政”工程，开展家政和养老护理员补贴性培训，推动持证上岗。',
        rating: 'satisfied' as const,
        matter: {
          title: '加强家政和养老护理人才培训',
          content: '根据专题询问意见，深化“南粤家政”工程，扩大家政和养老护理员培训规模，提高持证上岗率。',
          lead: '市人力资源社会保障局',
          path: 'closed',
          measures: '已开展家政和养老护理员补贴性培训2100人次。',
          done: '全年培训家政和养老护理人员4800人次，持证上岗率提高到78%，建成家政服务培训基地3个。',
        } satisfies MatterPlan & { title: string; content: string },
      },
      {
        question: '消费投诉处理时间长、预付式消费纠纷多，如何营造放心消费环境？',
        responder: '市市场监管局',
        response: '我们将完善消费投诉快速处理机制，加强预付式消费监管。',
        rating: 'unsatisfied' as const,
        matter: {
          title: '加强预付式消费监管，营造放心消费环境',
          content: '根据专题询问意见（应询答复评价为不满意），完善消费投诉快速处理机制，加强预付式消费监管。',
          lead: '市市场监管局',
          path: 'received',
        } satisfies MatterPlan & { title: string; content: string },
      },
      {
        question: '社区嵌入式服务设施建设进展如何，怎样加快建设“一刻钟便民生活圈”？',
        responder: '市住房城乡建设局',
        response: '我们将结合城市更新和老旧小区改造，同步配建社区嵌入式服务设施。',
        rating: 'basically_satisfied' as const,
        matter: {
          title: '加快社区嵌入式服务设施建设',
          content: '根据专题询问意见，结合城市更新和老旧小区改造，加快社区嵌入式服务设施建设。',
          lead: '市住房城乡建设局',
          path: 'objection_dismissed',
          other: '市民政局',
          objectReason: '社区养老等嵌入式服务由市民政局主管，建议改由市民政局主办。',
          dismissReason: '社区嵌入式服务设施的规划配建属住房城乡建设部门职责，仍由你局主办，市民政局配合。',
          measures: '已将社区嵌入式服务设施配建要求纳入老旧小区改造方案，首批18个社区开工。',
          done: '完成28个社区嵌入式服务设施建设，“一刻钟便民生活圈”覆盖中心城区主要社区。',
        } satisfies MatterPlan & { title: string; content: string },
      },
    ],
  },
};

export const NATIONAL_DEPUTIES_VISIT = {
  start: '2025-07-28',
  end: '2025-07-29',
  title: '在粤全国人大代表“加快建设现代化产业体系，推动制造业高质量发展”专题调研',
  description:
    '市人大常委会加强与省人大上下联动，组织在粤全国人大代表调研组在江门市开展专题调研，深入考察新兴产业培育、' +
    '新技术研发与应用场景、市场开拓等情况。',
  visits: [
    {
      date: '2025-07-28',
      county: '江海区',
      title: '中创新航',
      note: '考察新能源电池产能建设和新技术研发情况。',
    },
    {
      date: '2025-07-28',
      county: '鹤山市',
      title: '鹤山隆基',
      note: '考察光伏组件智能制造和“光伏+建筑”应用场景。',
    },
    {
      date: '2025-07-29',
      county: '江海区',
      title: '汉宇集团',
      note: '考察智能家电核心部件研发和市场开拓情况。',
    },
  ],
  speeches: [
    {
      title: '陈海仪（本次活动召集人，广州市荔湾区人民法院党组书记、院长）',
      content:
        '江门的产业布局与国家战略深度融合，重大产业项目落地见效快，新技术应用场景丰富，尤其是“光伏+建筑”模式，' +
        '系统性地提升了村镇的经济、生态与社会效益，经验值得推广。',
    },
    {
      title: '陈志列（本次活动召集人，省工商联主席、省总商会会长）',
      content:
        '江门的科技产业扶持引导政策精准有效，再加上深中通道、黄茅海跨海通道的开通，必将进一步激发江门区位便利、' +
        '腹地开发广阔等优势，江门完全有条件、有潜力、有能力成为全省高质量发展的标杆城市。',
    },
  ],
};

export const THEMED_ACTIVITY = {
  start: '2025-03-01',
  end: '2025-12-31',
  title: '“助力加快建设现代化产业体系”代表主题活动',
  description:
    '全年组织五级人大代表围绕现代化产业体系建设开展主题活动，通过进站履职、专题调研、视察和约见等方式，' +
    '为产业高质量发展建言献策。',
};

export const SPORTS_INSPECTION = {
  start: '2025-12-16',
  end: '2025-12-17',
  title: '以大型赛事助推体育经济发展专题视察',
  leader: '司徒健华',
  visits: [
    {
      date: '2025-12-16',
      county: '蓬江区',
      title: '市体育中心及周边体育消费街区',
      note: '了解大型赛事承办、场馆运营和赛事带动周边消费情况。',
    },
    {
      date: '2025-12-16',
      county: '鹤山市',
      title: '鹤山狮艺和群众体育赛事基地',
      note: '了解特色体育项目和群众性赛事活动开展情况。',
    },
    {
      date: '2025-12-17',
      county: '台山市',
      title: '滨海体育旅游项目',
      note: '了解水上运动、户外运动与体育旅游融合发展情况。',
    },
  ],
  report: {
    title: '关于以大型赛事助推体育经济发展情况的视察报告',
    content:
      '视察组认为，我市承办大型赛事能力不断提升，体育消费持续活跃，但赛事与文旅商贸联动不足等问题仍需解决。',
  },
  achievements: [
    {
      title: '承办大型赛事能力不断提升',
      content: '全年承办国家级、省级赛事多场，赛事组织和服务保障能力不断提升。',
    },
  ],
  problems: [
    {
      title: '赛事与文旅商贸联动不足',
      content: '大型赛事对住宿、餐饮、旅游的带动作用发挥不够，“赛事+文旅+商贸”联动机制尚未形成。',
    },
    {
      title: '体育场馆运营市场化程度不高',
      content: '部分体育场馆赛后利用率低，运营主体单一，市场化运营水平不高。',
    },
    {
      title: '体育消费新场景供给不足',
      content: '户外运动、水上运动等体育消费新场景和新业态供给不足，体育消费潜力有待释放。',
    },
  ],
};

/** 约见市长: the 32nd year in a row. */
export const MAYOR_MEETING = {
  date: '2025-12-05',
  /** Deputies invited besides the speakers. */
  withDeputies: ['何美玲'],
  title: '第三十二次省、市人大代表约见市长活动',
  theme: '打造一流营商环境，增强企业发展信心',
  suggestions: [
    {
      by: { provincialDeputy: 2 } as Speaker,
      content: '建议深化涉企行政检查规范化改革，推行“综合查一次”，减少对企业的重复检查。',
      responder: '市司法局',
      response: '市长：这个建议很实在。请市司法局牵头，年内出台规范涉企行政检查的实施办法。',
    },
    {
      by: { cityDeputy: '蓬江区' } as Speaker,
      content: '建议推行政务服务“高效办成一件事”，企业开办、项目审批全程网办。',
      responder: '市政务服务数据管理局',
      response: '市长：我们将把企业全生命周期高频事项纳入“一件事”改革，明年上半年实现全程网办。',
    },
    {
      by: { provincialDeputy: 5 } as Speaker,
      content: '建议加大对中小微企业的融资支持，扩大政府性融资担保覆盖面，降低担保费率。',
      responder: '市财政局',
      response: '市长：市财政将增资政府性融资担保机构，对小微企业担保费给予补贴。',
    },
    {
      by: { cityDeputy: '鹤山市' } as Speaker,
      content: '建议建立拖欠企业账款清理长效机制，保障民营企业合法权益。',
      responder: '市发展改革局',
      response: '市长：请市发展改革局牵头建立清欠台账，做到应清尽清、动态清零。',
    },
  ],
};
