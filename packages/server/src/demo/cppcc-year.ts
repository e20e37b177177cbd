import { CITY_CPPCC_SESSION, COUNTIES } from './bodies.ts';
import { Rng } from './names.ts';

/**
 * The CPPCC's 2025 (SCENARIO-2025.md, CPPCC section): the proposals of the 4th session of the 14th
 * committee, the public-opinion reports and the 36 research-and-consultation topics, as data that
 * load-cppcc-year.ts plays through the use cases. The figures the article gives are constants here
 * because they are the plan; the platform's statistics count them back from the items.
 */
export const CPPCC_SESSION = { ...CITY_CPPCC_SESSION, plenary: { start: '2025-01-06', end: '2025-01-09' } };

/** The chair's meeting (主席会议) that chose the year's key proposals (重点提案), after the assignment meeting. */
export const KEY_MEETING = { date: '2025-03-18', reference: '十四届市政协第三十六次主席会议' };

/** 个人提案立案: member proposals (individual or joint) accepted in 2025. */
export const ACCEPTED_MEMBER_PROPOSALS = 242;
/** 调研报告与社情民意信息: research reports (one per topic) plus public-opinion reports submitted. */
export const RESEARCH_TOPICS = 36;
export const REPORTS_AND_RESEARCH = 126;
/** 采编社情民意: reports adopted at one level at least. */
export const ADOPTED_REPORTS = 51;
/** 批示: instructions by city Party and government leaders (all recorded on public-opinion reports). */
export const INSTRUCTIONS = 60;

export interface Field {
  field: string;
  category: string;
  /** Departments that lead (the first is the usual one) and that co-handle. */
  lead: string[];
  co: string[];
  /** The special committee that studies the field. */
  committee: string;
  topics: string[];
  problem: string;
}

/** The article's fields, with topics in the vein of the year's proposals. */
export const FIELDS: Field[] = [
  {
    field: '产业',
    category: '经济建设',
    lead: ['市工业和信息化局', '市发展改革局'],
    co: ['市科技局', '市商务局', '市财政局'],
    committee: '经济委员会',
    topics: [
      '推动新型储能产业集群发展',
      '支持专精特新中小企业梯度培育',
      '推动传统产业数字化智能化绿色化转型',
      '完善工业园区配套设施',
      '壮大战略性新兴产业集群',
      '加强产业链上下游协同',
      '盘活低效工业用地',
      '推动先进制造业与现代服务业融合',
    ],
    problem: '产业链条短、龙头企业带动不足',
  },
  {
    field: '科技创新',
    category: '科技创新',
    lead: ['市科技局'],
    co: ['市工业和信息化局', '市教育局', '市财政局'],
    committee: '教科卫体委员会',
    topics: [
      '建设概念验证与中试平台',
      '提升科技成果转化效率',
      '加强校地企创新联合体建设',
      '完善科技金融服务体系',
      '引进和培育高层次创新人才',
      '支持企业建设研发机构',
      '推动创新链与产业链深度融合',
      '完善孵化载体运营机制',
    ],
    problem: '创新链与产业链融合不足、科技成果转化效率不高',
  },
  {
    field: '侨务',
    category: '港澳台侨',
    lead: ['市侨务局'],
    co: ['市商务局', '市文化广电旅游体育局'],
    committee: '民族宗教和港澳台侨委员会',
    topics: [
      '深化“侨务+”融合发展',
      '加强涉侨企业融资支持',
      '完善侨务资源转化机制',
      '打造华侨华人创新创业平台',
      '保护利用侨乡文化遗产',
      '吸引新生代华侨华人回乡发展',
      '建设侨乡文化数字孪生平台',
    ],
    problem: '侨务资源转化机制不完善、涉侨企业融资支持待加强',
  },
  {
    field: '陈皮',
    category: '农业农村',
    lead: ['市农业农村局'],
    co: ['市市场监管局', '市商务局', '市科技局'],
    committee: '农业和农村委员会',
    topics: [
      '推动新会陈皮全产业链发展',
      '加强新会陈皮地理标志保护',
      '建设陈皮标准化种植基地',
      '拓展陈皮精深加工与文旅融合',
      '规范陈皮市场交易秩序',
      '培育陈皮龙头企业和品牌',
    ],
    problem: '精深加工不足、市场秩序待规范',
  },
  {
    field: '文旅',
    category: '文化旅游',
    lead: ['市文化广电旅游体育局'],
    co: ['市交通运输局', '市侨务局', '市自然资源局'],
    committee: '文化文史和学习委员会',
    topics: [
      '擦亮开平碉楼世界文化遗产品牌',
      '发展侨乡特色乡村旅游',
      '以大型赛事助推体育经济发展',
      '推动夜间文旅消费',
      '加强历史文化街区保护利用',
      '打造滨海旅游精品线路',
      '推进全民阅读与书香城市建设',
    ],
    problem: '文旅资源分散、品牌带动不足',
  },
  {
    field: '教育',
    category: '教育',
    lead: ['市教育局'],
    co: ['市人力资源社会保障局', '市财政局'],
    committee: '教科卫体委员会',
    topics: [
      '扩大优质学位供给',
      '推动职业教育产教融合',
      '加强中小学心理健康教育',
      '支持五邑大学高水平大学建设',
      '减轻义务教育阶段学生课外负担',
      '加强乡村教师队伍建设',
      '推进托育服务体系建设',
    ],
    problem: '优质教育资源分布不均',
  },
  {
    field: '医疗卫生',
    category: '医疗卫生',
    lead: ['市卫生健康局'],
    co: ['市医疗保障局', '市财政局'],
    committee: '教科卫体委员会',
    topics: [
      '推进紧密型县域医共体建设',
      '提升基层医疗卫生服务能力',
      '加强儿科和精神卫生服务',
      '推动医保支付方式改革',
      '完善院前急救网络',
      '加强公共卫生应急体系建设',
    ],
    problem: '基层服务能力薄弱、优质医疗资源不足',
  },
  {
    field: '养老',
    category: '社会民生',
    lead: ['市民政局'],
    co: ['市卫生健康局', '市医疗保障局', '市人力资源社会保障局'],
    committee: '社会和法制委员会',
    topics: [
      '发展社区居家养老服务',
      '推进医养结合',
      '完善农村养老服务体系',
      '发展银发经济',
      '加强养老护理人才队伍建设',
      '推进老年友好型社区建设',
    ],
    problem: '养老服务供给不足、护理人才短缺',
  },
  {
    field: '生态环境',
    category: '生态环境',
    lead: ['市生态环境局', '市水利局'],
    co: ['市自然资源局', '市住房城乡建设局', '市农业农村局'],
    committee: '人口资源环境委员会',
    topics: [
      '深化潭江流域综合治理',
      '推进农村生活污水治理',
      '加强红树林保护修复',
      '推动工业园区绿色低碳改造',
      '完善垃圾分类长效机制',
      '加强饮用水水源地保护',
    ],
    problem: '治理合力不足、长效机制待完善',
  },
  {
    field: '交通',
    category: '城乡建设',
    lead: ['市交通运输局'],
    co: ['市发展改革局', '市自然资源局', '市住房城乡建设局'],
    committee: '人口资源环境委员会',
    topics: [
      '加快综合交通网建设',
      '加强跨区域交通互联互通',
      '优化城市公交线网',
      '推进深江铁路沿线站城融合',
      '完善农村公路养护机制',
      '缓解中心城区停车难',
    ],
    problem: '跨区域交通互联互通不足',
  },
  {
    field: '营商环境',
    category: '经济建设',
    lead: ['市政务服务数据管理局', '市市场监管局'],
    co: ['市发展改革局', '市商务局', '市司法局'],
    committee: '经济委员会',
    topics: [
      '打造“一网通办”升级版',
      '打造一流营商环境增强企业发展信心',
      '完善涉企政策直达快享机制',
      '加强民营企业合法权益保护',
      '推进涉企行政检查规范化',
      '优化中小微企业融资服务',
    ],
    problem: '政策落地“最后一公里”不畅',
  },
  {
    field: '乡村振兴',
    category: '农业农村',
    lead: ['市农业农村局'],
    co: ['市自然资源局', '市财政局', '市住房城乡建设局'],
    committee: '农业和农村委员会',
    topics: [
      '推进“百县千镇万村高质量发展工程”',
      '发展壮大新型农村集体经济',
      '建设宜居宜业和美乡村',
      '培育乡村特色产业',
      '加强高标准农田建设',
      '推动农村一二三产业融合发展',
    ],
    problem: '乡村产业基础薄弱、人才短缺',
  },
];

/** What the paths below mean for an accepted proposal; `final` is the state it ends in. */
export type ProposalPath = {
  final:
    | 'accepted'
    | 'assigned'
    | 'objected'
    | 'handling'
    | 'reply_submitted'
    | 'replied'
    | 'following_up'
    | 'closed';
  /** Result categories, one per replying unit. */
  categories: string[];
  /** Ratings of round 1, one per replying unit; an unsatisfied one sends the item back (round 2). */
  ratings: string[];
  /** After re-handling: how far round 2 went (closed after a second rating, or still handling). */
  rehandled?: 'handling' | 'closed';
  mode: 'lead' | 'separate';
  coUnits: number;
  key: boolean;
  /** Received late: the unit only signed for it after the office urged. */
  urged: boolean;
};

export type SubmitterPlan =
  | { kind: 'individual' }
  | { kind: 'joint'; cosigners: number }
  | { kind: 'sector' | 'party' | 'committee'; name: string };

export interface ProposalPlan {
  n: number;
  title: string;
  content: string;
  field: Field;
  category: string;
  submitter: SubmitterPlan;
  /** plenary: submitted during the session in January; later ones between sessions. */
  submittedOn: string;
  outcome:
    | { kind: 'accepted'; path: ProposalPath }
    | { kind: 'rejected'; reason: string; explanation: string }
    | { kind: 'converted' }
    | { kind: 'merged'; into: number }
    | {
        kind: 'early';
        state:
          | 'draft'
          | 'collecting_signatures'
          | 'submitted'
          | 'returned'
          | 'conversion_offered'
          | 'withdrawn';
      };
}

const REJECTIONS: [reason: string, explanation: string][] = [
  ['personal_matters', '所提事项涉及个人劳动争议，建议通过劳动仲裁渠道解决。'],
  ['empty_content', '提案仅提出原则性意见，缺少具体建议，不予立案，欢迎修改后以平时提案提交。'],
  ['multiple_matters', '一案涉及交通、教育、医疗三项事项，请分别提出。'],
  ['outside_remit', '所提事项属省级事权，已建议通过省政协委员反映。'],
  ['litigation', '所涉企业纠纷正在诉讼中，不宜以提案形式处理。'],
  ['product_promotion', '提案内容为特定企业产品推介。'],
  ['academic_debate', '所提问题属学术探讨，建议形成调研文章交流。'],
];

const OPENINGS = ['近年来，我市', '当前，我市', '从调研情况看，我市'];

function contentOf(f: Field, topic: string, county: string, rng: Rng): string {
  return (
    `${rng.pick(OPENINGS)}在${f.field}领域取得积极进展，但${county}等地仍存在${f.problem}等问题。` +
    `为${topic}，建议：一是加强统筹协调，明确牵头部门和责任分工；二是加大政策和资金支持力度，` +
    `在${county}先行先试；三是建立跟踪评估机制，定期向社会公开进展。`
  );
}

/** The 2025 proposals in the order they were submitted; deterministic (seeded). */
export function cppccProposals(): ProposalPlan[] {
  const rng = new Rng(20250106);
  const out: ProposalPlan[] = [];
  const used = new Map<string, number>();
  const counties = COUNTIES.map((c) => c.name);
  const make = (
    submitter: SubmitterPlan,
    submittedOn: string,
    outcome: ProposalPlan['outcome'],
    field = FIELDS[out.length % FIELDS.length]!,
  ) => {
    const topic = field.topics[Math.floor(out.length / FIELDS.length) % field.topics.length]!;
    const seen = used.get(topic) ?? 0;
    used.set(topic, seen + 1);
    const county = counties[(out.length * 5) % counties.length]!;
    const title =
      seen === 0
        ? `关于${topic}的提案`
        : seen === 1
          ? `关于进一步${topic}的提案`
          : `关于在${county}${topic}的提案`;
    const plan: ProposalPlan = {
      n: out.length,
      title,
      content: contentOf(field, topic, county, rng),
      field,
      category: field.category,
      submitter,
      submittedOn,
      outcome,
    };
    out.push(plan);
    return plan;
  };
  const member = (): SubmitterPlan =>
    rng.chance(0.3) ? { kind: 'joint', cosigners: rng.int(1, 4) } : { kind: 'individual' };
  const plenaryDay = () => `2025-01-0${rng.int(6, 9)}`;

  // Accepted member proposals: where each stands at the end of the year.
  const finals: [ProposalPath['final'], number][] = [
    ['closed', 165],
    ['following_up', 30],
    ['replied', 12],
    ['reply_submitted', 6],
    ['handling', 18],
    ['objected', 2],
    ['assigned', 6],
    ['accepted', 3],
  ];
  // 重点提案: the chair's meeting of 2025-03-18 chose a dozen of the session's proposals (9 members', 3
  // collective) at every step of handling, each led by the chair or a vice-chair (KEY_MEETING).
  const keyPicks: Partial<Record<ProposalPath['final'], number[]>> = {
    closed: [10, 60, 110],
    following_up: [4, 17],
    replied: [6],
    reply_submitted: [2],
    handling: [3, 12], // 3 is in re-handling after an unsatisfied rating; 12 awaits its first reply
  };
  for (const [final, count] of finals) {
    for (let i = 0; i < count; i++) {
      // Proposals still early in handling came in between sessions (平时提案), later in the year.
      const late = ['accepted', 'assigned', 'objected'].includes(final);
      const separate = !late && rng.chance(0.06);
      const units = separate ? 2 : 1;
      const cat = () =>
        rng.weighted([
          ['A', 55],
          ['B', 25],
          ['C', 12],
          ['D', 8],
        ] as const);
      let categories = Array.from({ length: units }, cat);
      // Closed items: B/C were followed up to a final answer; following-up items have one B/C at least.
      if (final === 'following_up' && !categories.some((c) => c === 'B' || c === 'C')) categories[0] = 'B';
      let ratings = categories.map(() =>
        rng.weighted([
          ['satisfied', 75],
          ['basically_satisfied', 25],
        ] as const),
      ) as string[];
      let rehandled: ProposalPath['rehandled'];
      // 5 still being re-handled after an unsatisfied rating, 3 re-handled and closed.
      if ((final === 'handling' && i < 5) || (final === 'closed' && i < 3)) {
        ratings = ratings.map((r, k) => (k === 0 ? 'unsatisfied' : r));
        rehandled = final === 'handling' ? 'handling' : 'closed';
        if (final === 'closed') categories = categories.map(() => 'A');
      }
      const key = keyPicks[final]?.includes(i) ?? false;
      make(member(), late ? `2025-0${rng.int(7, 9)}-${String(rng.int(10, 28))}` : plenaryDay(), {
        kind: 'accepted',
        path: {
          final,
          categories,
          ratings,
          ...(rehandled ? { rehandled } : {}),
          mode: separate ? 'separate' : 'lead',
          coUnits: !separate && rng.chance(0.25) ? rng.int(1, 2) : 0,
          key,
          urged: final === 'assigned' && i < 2,
        },
      });
    }
  }

  // Proposals of sectors, parties and committees (集体提案): accepted and handled, not counted among the
  // 242 members' proposals.
  const organisations: SubmitterPlan[] = [
    { kind: 'party', name: '民革江门市委员会' },
    { kind: 'party', name: '民盟江门市委员会' },
    { kind: 'party', name: '民建江门市委员会' },
    { kind: 'party', name: '民进江门市委员会' },
    { kind: 'party', name: '农工党江门市委员会' },
    { kind: 'party', name: '致公党江门市委员会' },
    { kind: 'party', name: '九三学社江门市委员会' },
    { kind: 'sector', name: '经济界' },
    { kind: 'sector', name: '科技界' },
    { kind: 'sector', name: '归国华侨' },
    { kind: 'sector', name: '医药卫生界' },
    { kind: 'committee', name: '经济委员会' },
    { kind: 'committee', name: '农业和农村委员会' },
    { kind: 'committee', name: '民族宗教和港澳台侨委员会' },
  ];
  for (const [i, o] of organisations.entries())
    make(o, plenaryDay(), {
      kind: 'accepted',
      path: {
        final: i < 11 ? 'closed' : 'following_up',
        categories: [i < 11 ? 'A' : 'B'],
        ratings: ['satisfied'],
        mode: 'lead',
        coUnits: i % 3 === 0 ? 1 : 0,
        key: i === 1 || i === 7 || i === 12,
        urged: false,
      },
    });

  // The review's other answers.
  for (let i = 0; i < 15; i++) {
    const [reason, explanation] = REJECTIONS[i % REJECTIONS.length]!;
    make(member(), plenaryDay(), { kind: 'rejected', reason, explanation });
  }
  for (let i = 0; i < 5; i++) make({ kind: 'individual' }, plenaryDay(), { kind: 'converted' });
  // Merged into an accepted proposal of the same field (the n-th accepted closed one of that field).
  for (let i = 0; i < 8; i++) {
    const target = out[i * 12]!;
    make(member(), plenaryDay(), { kind: 'merged', into: target.n }, target.field);
  }
  // The year's last proposals, still on their way in.
  const early: [NonNullable<Extract<ProposalPlan['outcome'], { kind: 'early' }>['state']>, number][] = [
    ['draft', 2],
    ['collecting_signatures', 2],
    ['submitted', 3],
    ['returned', 2],
    ['conversion_offered', 1],
    ['withdrawn', 1],
  ];
  for (const [state, count] of early)
    for (let i = 0; i < count; i++)
      make(
        state === 'collecting_signatures' ? { kind: 'joint', cosigners: 2 } : { kind: 'individual' },
        `2025-12-${String(10 + (out.length % 15))}`,
        { kind: 'early', state },
      );
  retold(out);
  return out;
}

const RETOLD = {
  earlier: {
    title: '关于推动新会陈皮全产业链高质量发展的提案',
    content:
      '新会陈皮是江门最具代表性的特色产业，近年来种植面积和产值持续增长，带动了数万农户增收。' +
      '但调研发现，产业仍存在精深加工比例偏低、品牌保护不力、市场以次充好、冷链仓储设施不足等问题。' +
      '建议：一是建设新会陈皮精深加工产业园，支持企业开发陈皮食品、药品和日化产品，提高精深加工比例；' +
      '二是打造新会陈皮区域公用品牌，严格地理标志产品保护，建立从种植到销售的全程溯源体系；' +
      '三是完善冷链物流和仓储设施，建设陈皮标准化仓储中心；' +
      '四是发挥侨乡优势，利用侨务资源拓展海外市场，推动新会陈皮“借侨出海”。',
  },
  later: {
    title: '关于加快新会陈皮产业链延伸和品牌保护的提案',
    content:
      '新会陈皮是江门最具代表性的特色产业，种植面积和产值逐年增长。' +
      '但产业仍存在精深加工比例偏低、品牌保护不力、市场以次充好等问题，制约了高质量发展。' +
      '建议：一是建设新会陈皮精深加工产业园，支持企业开发陈皮食品、药品和日化产品；' +
      '二是打造新会陈皮区域公用品牌，严格地理标志产品保护，建立从种植到销售的全程溯源体系；' +
      '三是利用侨务资源拓展海外市场，推动新会陈皮“借侨出海”。',
  },
};

/**
 * The reviewer's clear case of a similar proposal (issue 4): one of the proposals awaiting review in
 * December retells a 陈皮 proposal of the same session that is still being handled, which can therefore
 * take it in (并案). Only texts change; the counts stay the plan's.
 */
function retold(out: ProposalPlan[]) {
  const chenpi = FIELDS.find((f) => f.field === '陈皮')!;
  const earlier = out.find(
    (p) =>
      p.field === chenpi &&
      p.outcome.kind === 'accepted' &&
      p.outcome.path.final === 'handling' &&
      !p.outcome.path.rehandled,
  )!;
  const later = out.find((p) => p.outcome.kind === 'early' && p.outcome.state === 'submitted')!;
  Object.assign(earlier, RETOLD.earlier);
  Object.assign(later, RETOLD.later, { field: chenpi, category: chenpi.category });
}

// ---------------------------------------------------------------- public-opinion reports

export interface ReportPlan {
  n: number;
  title: string;
  content: string;
  category: string;
  /** submitted .. declined; adopted/instructed ones are forwarded first. */
  final: 'draft' | 'submitted' | 'edited' | 'approved' | 'forwarded' | 'declined' | 'adopted';
  adoptions: ('own_body' | 'party_government' | 'provincial' | 'national')[];
  instructions: number;
  /** Follow-up of every instruction recorded and the report archived. */
  archived: boolean;
  submittedOn: string;
}

const REPORT_ISSUES = [
  '农村独居老人助餐服务覆盖不足',
  '新会陈皮市场以次充好现象',
  '涉侨企业跨境融资难',
  '中心城区老旧小区加装电梯推进慢',
  '中小学课后服务质量参差不齐',
  '基层医疗机构药品配备不全',
  '潭江支流季节性水质波动',
  '工业园区公交接驳不便',
  '新就业形态劳动者权益保障不足',
  '乡村民宿审批标准不一',
  '开平碉楼周边交通拥堵',
  '跨境电商企业人才短缺',
  '农村集体经济“空壳村”问题',
  '预制菜产业标准缺失',
  '港澳青年来江创业配套不足',
];

/**
 * Public-opinion reports submitted in 2025: 126 − 36 research reports = 90 (5 of them converted from
 * proposals, made by the conversion), plus 2 drafts. 51 adopted; 60 instructions on 45 of them.
 */
export function cppccReports(direct: number): ReportPlan[] {
  const rng = new Rng(20251201);
  const out: ReportPlan[] = [];
  const plan: [ReportPlan['final'], number][] = [
    ['adopted', 51],
    ['declined', 17],
    ['forwarded', 8],
    ['approved', 3],
    ['edited', 3],
    ['submitted', direct - 51 - 17 - 8 - 3 - 3],
    ['draft', 2],
  ];
  let instructed = 0;
  let instructions = 0;
  for (const [final, count] of plan) {
    for (let i = 0; i < count; i++) {
      const f = FIELDS[out.length % FIELDS.length]!;
      const issue = REPORT_ISSUES[out.length % REPORT_ISSUES.length]!;
      const county = COUNTIES[out.length % COUNTIES.length]!.name;
      let n = 0;
      // 45 adopted reports were instructed: 15 of them twice (60 instructions).
      if (final === 'adopted' && instructed < 45) {
        n = instructed < 15 ? 2 : 1;
        instructed++;
        instructions += n;
      }
      const levels: ReportPlan['adoptions'] = ['party_government'];
      if (final === 'adopted' && i % 4 === 0) levels.push('provincial');
      if (final === 'adopted' && i % 17 === 0) levels.push('national');
      out.push({
        n: out.length,
        title: `关于${county}${issue}的情况反映`,
        content:
          `据反映，${county}${issue}，群众反映较为集中。主要原因是${f.problem}。` +
          `建议有关部门摸清底数，完善政策，加强监管和服务，及时回应群众关切。`,
        category: f.category,
        final,
        adoptions: final === 'adopted' ? levels : [],
        instructions: n,
        archived: final === 'adopted' && n > 0 && i % 3 === 0,
        submittedOn: `2025-${String(2 + (out.length % 10)).padStart(2, '0')}-${String(rng.int(3, 25)).padStart(2, '0')}`,
      });
    }
  }
  if (instructions !== INSTRUCTIONS) throw new Error(`demo reports plan ${instructions} instructions`);
  return out;
}

/** The 36 research-and-consultation topics (专题调研协商): three per field, each with its report. */
export function researchTopics(): { title: string; field: Field; date: string }[] {
  const out: { title: string; field: Field; date: string }[] = [];
  for (let k = 0; k < 3; k++)
    for (const f of FIELDS) {
      const topic = f.topics[k]!;
      const month = 3 + (out.length % 9);
      out.push({
        title: `“${topic}”专题调研协商`,
        field: f,
        date: `2025-${String(month).padStart(2, '0')}-15`,
      });
    }
  if (out.length !== RESEARCH_TOPICS) throw new Error('demo research topics');
  return out;
}

/** Usernames of the CPPCC-side department liaisons (提案办理联络员): `zx.` + the department's abbreviation. */
export const CPPCC_LIAISON_USERNAMES: Record<string, string> = {
  市发展改革局: 'zx.fgj',
  市教育局: 'zx.jyj',
  市工业和信息化局: 'zx.gxj',
  市公安局: 'zx.gaj',
  市民政局: 'zx.mzj',
  市司法局: 'zx.sfj',
  市财政局: 'zx.czj',
  市人力资源社会保障局: 'zx.rsj',
  市自然资源局: 'zx.zrzyj',
  市生态环境局: 'zx.sthjj',
  市住房城乡建设局: 'zx.zjj',
  市交通运输局: 'zx.jtj',
  市水利局: 'zx.slj',
  市农业农村局: 'zx.nyj',
  市商务局: 'zx.swj',
  市文化广电旅游体育局: 'zx.wglj',
  市卫生健康局: 'zx.wjj',
  市退役军人事务局: 'zx.tyjrj',
  市应急管理局: 'zx.yjj',
  市审计局: 'zx.sjj',
  市国资委: 'zx.gzw',
  市市场监管局: 'zx.scjgj',
  市统计局: 'zx.tjj',
  市医疗保障局: 'zx.ybj',
  市城市管理综合执法局: 'zx.cgj',
  市政务服务数据管理局: 'zx.zsj',
  市侨务局: 'zx.qwj',
};
