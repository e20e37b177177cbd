import type { DeputyLevel, MembershipRole } from '@yiting/domain';
import { chineseNumber } from '../documents/wording.ts';
import { COUNTIES, DEMO_BODIES, type DemoCounty } from './bodies.ts';
import { type Gender, NameGenerator, Rng } from './names.ts';
import {
  CPPCC_OFFICE,
  CPPCC_RESEARCH_OFFICE,
  CPPCC_SPECIAL_COMMITTEES,
  DEPARTMENTS,
  delegationOf,
  JOINT_MEETING_TEAM,
  NPC_OFFICE,
  NPC_RESEARCH_OFFICE,
  NPC_SPECIAL_COMMITTEES,
  NPC_WORKING_COMMITTEES,
  SECTORS,
} from './units.ts';

/** A unit by body key and name (or short name): the person's own body, or 'gov' for a department. */
export interface UnitRef {
  body: string;
  name: string;
}

export interface DemoMembership {
  role: MembershipRole;
  unit?: UnitRef;
  /** Attach the current term of the person's body (and start at its first day). */
  inTerm?: boolean;
  title?: string;
  deputyLevel?: DeputyLevel;
  delegation?: string;
  sector?: string;
  startDate?: string;
}

export interface DemoPerson {
  body: string;
  /** Set on the people that demo accounts are linked to (see accounts.ts). */
  key?: string;
  name: string;
  gender: Gender;
  birthDate: string;
  ethnicity: string;
  party: string;
  organization: string;
  position: string;
  memberships: DemoMembership[];
}

/** The number of city deputies per delegation (400 in all), roughly by population. */
const CITY_DEPUTIES: Record<string, number> = {
  蓬江区: 75,
  江海区: 35,
  新会区: 80,
  台山市: 70,
  开平市: 55,
  鹤山市: 45,
  恩平市: 40,
};
const NATIONAL_DEPUTIES = 5;
const PROVINCIAL_DEPUTIES = 20;
/** Samples of the county and town registers kept by the city (their full registers are the counties'). */
const COUNTY_DEPUTIES = 100;
const TOWN_DEPUTIES_PER_TOWN = 5;
const NPC_COMMITTEE_MEMBERS = 40;
const CPPCC_STANDING_MEMBERS = 60;

const NATIONAL_TITLE = '第十四届全国人民代表大会代表';
const NATIONAL_START = '2023-03-05';
const PROVINCIAL_TITLE = '广东省第十四届人民代表大会代表';
const PROVINCIAL_START = '2023-01-12';

const BRANDS = [
  '华昌',
  '鸿达',
  '粤兴',
  '骏业',
  '恒盛',
  '侨兴',
  '银洲',
  '圭峰',
  '潭江',
  '天禄',
  '嘉宏',
  '富力达',
  '凯达',
  '明辉',
  '力源',
  '德昌',
  '宏图',
  '金桥',
  '正和',
  '丰泽',
  '锦洲',
  '新宝源',
  '昌隆',
  '汇丰源',
];
const INDUSTRIES = [
  '电子科技',
  '新材料',
  '机电',
  '食品',
  '五金制品',
  '新能源科技',
  '照明电器',
  '智能装备',
  '纺织',
  '纸业',
  '生物科技',
  '精密制造',
  '建材',
  '物流',
  '陈皮',
  '水产',
  '农业发展',
  '建筑工程',
  '电池材料',
  '光电',
];
const VILLAGES = [
  '石头',
  '龙田',
  '新塘',
  '沙岗',
  '南村',
  '北洋',
  '东升',
  '西江',
  '白石',
  '黄冲',
  '大塘',
  '上洞',
  '下洋',
  '龙湾',
  '凤山',
  '仓东',
  '三联',
  '永安',
  '中和',
  '富美',
  '河东',
  '莲塘',
  '荷村',
  '茶坑',
];
const MINORITIES = ['壮族', '瑶族', '回族', '满族', '土家族', '苗族'];
const DEMOCRATIC_PARTIES = SECTORS.slice(1, 8).map((s) => s.party!);

/** How organisations of a county are named: districts carry the city's name (江门市蓬江区…). */
const local = (c: DemoCounty) => (c.suffix === '区' ? `江门市${c.name}` : c.name);

interface Workplace {
  organization: string;
  position: string;
}

/** Builds the plan of every demo person. Deterministic: the same seed gives the same people. */
export function demoPeople(seed = 20250721): DemoPerson[] {
  const rng = new Rng(seed);
  const names = new NameGenerator(rng);
  const out: DemoPerson[] = [];
  const gender = (femaleShare = 0.3): Gender => (rng.chance(femaleShare) ? 'female' : 'male');
  const ethnicity = () => (rng.chance(0.03) ? rng.pick(MINORITIES) : '汉族');
  const deputyParty = () =>
    rng.weighted<string>([
      ['中共党员', 70],
      ['群众', 15],
      [rng.pick(DEMOCRATIC_PARTIES), 12],
      ['无党派人士', 3],
    ]);

  const company = (c: DemoCounty) =>
    `${c.suffix === '区' ? '江门市' : c.name}${rng.pick(BRANDS)}${rng.pick(INDUSTRIES)}有限公司`;
  const village = (c: DemoCounty, place = rng.pick(c.places)) =>
    place.endsWith('街道')
      ? `${local(c)}${place}${rng.pick(VILLAGES)}社区居民委员会`
      : `${local(c)}${place}${rng.pick(VILLAGES)}村民委员会`;

  /** Where an ordinary deputy works: enterprises, villages, party and government organs, schools… */
  const workplace = (c: DemoCounty, place?: string): Workplace => {
    const kind = rng.weighted<string>([
      ['company', 36],
      ['village', 20],
      ['organ', 18],
      ['school', 8],
      ['hospital', 7],
      ['other', 11],
    ]);
    switch (kind) {
      case 'company':
        return {
          organization: company(c),
          position: rng.pick([
            '董事长',
            '董事长、总经理',
            '总经理',
            '副总经理',
            '技术总监',
            '车间主任',
            '高级工程师',
            '一线技术工人',
          ]),
        };
      case 'village':
        return { organization: village(c, place), position: '党总支书记、主任' };
      case 'organ': {
        const p = place ?? rng.pick(c.places);
        return rng.chance(0.5)
          ? { organization: `中共${local(c)}${p}委员会`, position: '书记' }
          : {
              organization: `${local(c)}${rng.pick(['发展和改革局', '教育局', '农业农村局', '财政局', '自然资源局', '住房和城乡建设局'])}`,
              position: rng.pick(['局长', '副局长']),
            };
      }
      case 'school':
        return {
          organization: `${local(c)}${rng.pick(['第一中学', '实验中学', '第二中学', '实验小学', '职业技术学校'])}`,
          position: rng.pick(['校长', '副校长', '教师']),
        };
      case 'hospital':
        return {
          organization: `${local(c)}${rng.pick(['人民医院', '中医院', '妇幼保健院'])}`,
          position: rng.pick(['院长', '主任医师', '护士长']),
        };
      default:
        return rng.pick<() => Workplace>([
          () => ({ organization: `广东${rng.pick(BRANDS)}律师事务所`, position: '主任律师' }),
          () => ({ organization: `${local(c)}${rng.pick(VILLAGES)}农民专业合作社`, position: '理事长' }),
          () => ({ organization: `${local(c)}${rng.pick(BRANDS)}家庭农场`, position: '农场主' }),
          () => ({ organization: `${local(c)}${rng.pick(BRANDS)}商行`, position: '经营者' }),
        ])();
    }
  };

  const person = (p: Omit<DemoPerson, 'birthDate' | 'ethnicity'> & Partial<DemoPerson>): DemoPerson => {
    const full: DemoPerson = { birthDate: rng.date(1963, 1990), ethnicity: ethnicity(), ...p };
    out.push(full);
    return full;
  };
  const county = (name: string) => COUNTIES.find((c) => c.name === name)!;
  const weightedCounty = () => county(rng.weighted(Object.entries(CITY_DEPUTIES)));

  // Names from the article and the demo accounts' people are reserved before anything is invented.
  for (const n of ['凌传茂', '崔岩', '徐锡彦', '陈海仪', '陈志列', ...HAND_NAMED]) names.reserve(n);

  // ------------------------------------------------ 江门市人大常委会: leadership and committee members
  const cityDeputy = (c: DemoCounty): DemoMembership => ({
    role: 'deputy',
    deputyLevel: 'city',
    delegation: delegationOf(c.name),
    unit: { body: 'npc', name: delegationOf(c.name) },
    inTerm: true,
  });
  const delegationCount = new Map<string, number>();
  const countDelegate = (c: DemoCounty) => {
    delegationCount.set(c.name, (delegationCount.get(c.name) ?? 0) + 1);
    return c;
  };

  for (const l of NPC_LEADERS) {
    const c = countDelegate(weightedCounty());
    person({
      body: 'npc',
      ...(l.key ? { key: l.key } : {}),
      name: l.name,
      gender: l.gender,
      birthDate: rng.date(1964, 1972),
      party: '中共党员',
      organization: '江门市人大常委会',
      position: `江门市人大常委会${l.position}`,
      memberships: [{ role: 'leader', title: l.position, inTerm: true }, cityDeputy(c)],
    });
  }

  // Committee seats: each special committee's 主任委员/副主任委员/委员, the working committees' heads,
  // and part-time members from enterprises, universities and villages (兼职委员).
  const seats: { unit?: string; title: string }[] = [
    ...NPC_SPECIAL_COMMITTEES.flatMap((u) =>
      ['主任委员', '副主任委员', '委员'].map((title) => ({ unit: u, title })),
    ),
    ...NPC_WORKING_COMMITTEES.map((u) => ({ unit: u, title: '主任' })),
  ];
  while (seats.length < NPC_COMMITTEE_MEMBERS) seats.push({ title: '委员' });
  for (const seat of seats) {
    const c = countDelegate(weightedCounty());
    const g = gender(0.25);
    const fullTime = !!seat.unit && seat.title !== '委员';
    const work: Workplace = fullTime
      ? { organization: '江门市人大常委会', position: `${seat.unit}${seat.title}` }
      : rng.chance(0.3)
        ? { organization: '五邑大学', position: rng.pick(['教授', '副教授']) }
        : workplace(c);
    person({
      body: 'npc',
      name: names.next(g),
      gender: g,
      party: fullTime ? '中共党员' : deputyParty(),
      ...work,
      memberships: [
        {
          role: 'committee_member',
          title: seat.unit ? seat.title : '常务委员会委员',
          ...(seat.unit ? { unit: { body: 'npc', name: seat.unit } } : {}),
          inTerm: true,
        },
        cityDeputy(c),
      ],
    });
  }

  // ------------------------------------------------ deputies: city (to 400), national, provincial, county, town
  const demoDeputy = county('蓬江区');
  countDelegate(demoDeputy);
  person({
    body: 'npc',
    key: 'deputy',
    name: '何美玲',
    gender: 'female',
    birthDate: '1979-05-16',
    party: '中共党员',
    organization: '江门市蓬江区棠下镇良溪村民委员会',
    position: '党总支书记、主任',
    memberships: [cityDeputy(demoDeputy)],
  });
  for (const c of COUNTIES) {
    for (let i = delegationCount.get(c.name) ?? 0; i < CITY_DEPUTIES[c.name]!; i++) {
      const g = gender();
      person({
        body: 'npc',
        name: names.next(g),
        gender: g,
        party: deputyParty(),
        ...workplace(c),
        memberships: [cityDeputy(c)],
      });
    }
  }

  const higherDeputy = (level: 'national' | 'province', hand?: { name: string } & Workplace) => {
    const g = hand ? 'male' : gender();
    const c = weightedCounty();
    person({
      body: 'npc',
      name: hand?.name ?? names.next(g),
      gender: g,
      party: deputyParty(),
      ...(hand ?? workplace(c)),
      memberships: [
        {
          role: 'deputy',
          deputyLevel: level,
          delegation: level === 'national' ? '广东代表团' : '江门代表团',
          title: level === 'national' ? NATIONAL_TITLE : PROVINCIAL_TITLE,
          startDate: level === 'national' ? NATIONAL_START : PROVINCIAL_START,
        },
      ],
    });
  };
  // 崔岩 proposed an AI digital twin of 侨乡 culture, 徐锡彦 proof-of-concept and pilot platforms.
  higherDeputy('national', { name: '崔岩', organization: '江门市侨乡数字文化研究院', position: '院长' });
  for (let i = 1; i < NATIONAL_DEPUTIES; i++) higherDeputy('national');
  higherDeputy('province', { name: '徐锡彦', organization: '江门市产业技术研究院', position: '院长' });
  for (let i = 1; i < PROVINCIAL_DEPUTIES; i++) higherDeputy('province');

  for (let i = 0; i < COUNTY_DEPUTIES; i++) {
    const c = COUNTIES[i % COUNTIES.length]!;
    const place = rng.pick(c.places);
    const g = gender();
    const body = DEMO_BODIES.find((b) => b.key === `npc-${c.code}`)!;
    person({
      body: 'npc',
      name: names.next(g),
      gender: g,
      party: deputyParty(),
      ...workplace(c, place),
      memberships: [
        {
          role: 'deputy',
          deputyLevel: 'county',
          delegation: `${place.replace(/(镇|街道)$/, '')}代表团`,
          title: `${body.term!.name}代表`,
          startDate: body.term!.startDate,
        },
      ],
    });
  }
  for (const c of COUNTIES) {
    for (const town of c.towns) {
      const term = DEMO_BODIES.find((b) => b.key === `town-${c.code}-${c.towns.indexOf(town)}`)!.term!;
      for (let i = 0; i < TOWN_DEPUTIES_PER_TOWN; i++) {
        const g = gender(0.35);
        const work = rng.chance(0.6)
          ? {
              organization: village(c, town),
              position: rng.pick(['党支部书记、主任', '村民委员会委员', '村民小组长']),
            }
          : workplace(c, town);
        person({
          body: 'npc',
          name: names.next(g),
          gender: g,
          party: deputyParty(),
          ...work,
          memberships: [
            {
              role: 'deputy',
              deputyLevel: 'town',
              delegation: `第${chineseNumber(i + 1)}选区`,
              title: `${term.name}代表`,
              startDate: term.startDate,
            },
          ],
        });
      }
    }
  }

  // ------------------------------------------------ 人大 staff, liaisons and experts
  for (const s of NPC_STAFF) {
    const g = s.name ? s.gender! : gender(0.5);
    person({
      body: 'npc',
      ...(s.key ? { key: s.key } : {}),
      name: s.name ?? names.next(g),
      gender: g,
      birthDate: rng.date(1972, 1996),
      party: rng.chance(0.85) ? '中共党员' : '群众',
      organization: '江门市人大常委会',
      position: `${s.unit === JOINT_MEETING_TEAM ? '综合工作专班' : s.unit}${s.title}`,
      memberships: [{ role: 'staff', unit: { body: 'npc', name: s.unit }, title: s.title }],
    });
  }

  // One liaison per department for deputies' suggestions (建议) and one for proposals (提案). The 市科技局
  // liaison does both, so the demo liaison account sees both bodies' work.
  const liaisonOf = new Map<string, { name: string; gender: Gender; position: string }>();
  for (const d of DEPARTMENTS) {
    const hand = d.shortName === LIAISON.department;
    const g = hand ? LIAISON.gender : gender(0.5);
    const entry = {
      name: hand ? LIAISON.name : names.next(g),
      gender: g,
      position: hand
        ? LIAISON.position
        : rng.pick(['办公室主任', '办公室副主任', '综合科科长', '一级主任科员']),
    };
    liaisonOf.set(d.shortName, entry);
    person({
      body: 'npc',
      // Keyed so that the department liaison accounts (accounts.ts) can be linked to them.
      key: hand ? 'liaison' : `liaison:${d.shortName}`,
      ...entry,
      birthDate: rng.date(1975, 1995),
      party: '中共党员',
      organization: d.name,
      memberships: [{ role: 'liaison', unit: { body: 'gov', name: d.shortName }, title: '建议办理联络员' }],
    });
  }

  const expert = (
    body: string,
    e: { name: string; gender: Gender } & Workplace,
    title: string,
    key?: string,
  ) =>
    person({
      body,
      ...(key ? { key } : {}),
      name: e.name,
      gender: e.gender,
      party: rng.pick(['中共党员', '无党派人士', rng.pick(DEMOCRATIC_PARTIES)]),
      organization: e.organization,
      position: e.position,
      memberships: [{ role: 'expert', title }],
    });
  const inventExpert = (pool: readonly Workplace[]) => {
    const g = gender(0.35);
    return { name: names.next(g), gender: g, ...rng.pick(pool) };
  };
  expert('npc', EXPERT, '立法咨询与监督工作专家', 'expert');
  for (let i = 1; i < 10; i++) expert('npc', inventExpert(LOCAL_EXPERTS), '立法咨询与监督工作专家');

  // ------------------------------------------------ 江门市政协: leadership, members by sector, 常委
  const memberOf = (sector: string): DemoMembership => ({
    role: 'member',
    sector,
    unit: { body: 'cppcc', name: sector },
    inTerm: true,
  });
  const cppccMembers: DemoPerson[] = [];
  const sectorCount = new Map<string, number>();
  const addMember = (p: DemoPerson, sector: string) => {
    sectorCount.set(sector, (sectorCount.get(sector) ?? 0) + 1);
    cppccMembers.push(p);
    return p;
  };
  for (const l of CPPCC_LEADERS) {
    addMember(
      person({
        body: 'cppcc',
        name: l.name,
        gender: l.gender,
        birthDate: rng.date(1964, 1975),
        party: SECTORS.find((s) => s.name === l.sector)?.party ?? '中共党员',
        organization: l.organization ?? '江门市政协',
        position: l.organization ? l.position : `江门市政协${l.position}`,
        memberships: [{ role: 'leader', title: l.title, inTerm: true }, memberOf(l.sector)],
      }),
      l.sector,
    );
  }
  addMember(
    person({
      body: 'cppcc',
      key: 'member',
      name: MEMBER.name,
      gender: 'female',
      birthDate: '1983-09-02',
      party: '致公党党员',
      organization: MEMBER.organization,
      position: MEMBER.position,
      memberships: [memberOf(MEMBER.sector)],
    }),
    MEMBER.sector,
  );
  for (const s of SECTORS) {
    for (let i = sectorCount.get(s.name) ?? 0; i < s.members; i++) {
      const g = gender(0.35);
      const c = weightedCounty();
      const work = sectorWorkplace(rng, s.name, c, () => workplace(c), company);
      addMember(
        person({
          body: 'cppcc',
          name: names.next(g),
          gender: g,
          ...(s.name === '少数民族界' ? { ethnicity: rng.pick(MINORITIES) } : {}),
          party: s.party ?? (rng.chance(0.45) ? '中共党员' : '群众'),
          ...work,
          memberships: [memberOf(s.name)],
        }),
        s.name,
      );
    }
  }
  // 常委: every special committee's director (专职), then members spread over the sectors.
  const ordinary = cppccMembers.filter((p) => !p.memberships.some((m) => m.role === 'leader') && !p.key);
  const step = Math.floor(ordinary.length / CPPCC_STANDING_MEMBERS);
  for (let i = 0; i < CPPCC_STANDING_MEMBERS; i++) {
    const p = ordinary[i * step]!;
    const unit = CPPCC_SPECIAL_COMMITTEES[i];
    if (unit) {
      p.organization = '江门市政协';
      p.position = `${unit}主任`;
    }
    p.memberships.unshift({
      role: 'committee_member',
      title: unit ? '主任' : '常务委员',
      ...(unit ? { unit: { body: 'cppcc', name: unit } } : {}),
      inTerm: true,
    });
  }

  for (const s of CPPCC_STAFF) {
    const g = gender(0.5);
    person({
      body: 'cppcc',
      name: names.next(g),
      gender: g,
      birthDate: rng.date(1972, 1996),
      party: rng.chance(0.85) ? '中共党员' : '群众',
      organization: '江门市政协',
      position: `${s.unit}${s.title}`,
      memberships: [{ role: 'staff', unit: { body: 'cppcc', name: s.unit }, title: s.title }],
    });
  }
  for (const d of DEPARTMENTS) {
    const shared = d.shortName === LIAISON.department;
    const g = shared ? LIAISON.gender : gender(0.5);
    person({
      body: 'cppcc',
      name: shared ? LIAISON.name : names.next(g),
      gender: g,
      birthDate: rng.date(1975, 1995),
      party: '中共党员',
      organization: d.name,
      position: shared
        ? LIAISON.position
        : rng.pick(['办公室主任', '办公室副主任', '综合科科长', '一级主任科员']),
      memberships: [{ role: 'liaison', unit: { body: 'gov', name: d.shortName }, title: '提案办理联络员' }],
    });
  }
  // 市政协智库: local scholars plus the experts from Hong Kong, Macao and Shenzhen the article mentions.
  expert('cppcc', EXPERT, '市政协智库专家');
  for (const w of OUTSIDE_EXPERTS) expert('cppcc', { ...inventExpert([w]) }, '市政协智库专家');
  for (let i = 1 + OUTSIDE_EXPERTS.length; i < 15; i++)
    expert('cppcc', inventExpert(LOCAL_EXPERTS), '市政协智库专家');

  // ------------------------------------------------ 江门市人民政府: mayor, vice-mayors, department heads
  for (const title of ['市长', '常务副市长', '副市长', '副市长', '副市长']) {
    const g = gender(0.2);
    person({
      body: 'gov',
      name: names.next(g),
      gender: g,
      birthDate: rng.date(1966, 1976),
      party: '中共党员',
      organization: '江门市人民政府',
      position: `江门市人民政府${title}`,
      memberships: [{ role: 'leader', title }],
    });
  }
  for (const d of DEPARTMENTS) {
    const g = gender(0.25);
    const title = d.shortName === '市国资委' ? '主任' : '局长';
    person({
      body: 'gov',
      name: names.next(g),
      gender: g,
      birthDate: rng.date(1966, 1980),
      party: '中共党员',
      organization: d.name,
      position: title,
      memberships: [{ role: 'leader', unit: { body: 'gov', name: d.shortName }, title }],
    });
  }

  // ------------------------------------------------ county and town bodies: leadership and an office head
  for (const c of COUNTIES) {
    const npcKey = `npc-${c.code}`;
    for (const title of ['主任', '副主任', '副主任']) {
      const g = gender(0.25);
      person({
        body: npcKey,
        name: names.next(g),
        gender: g,
        birthDate: rng.date(1964, 1976),
        party: '中共党员',
        organization: `${c.name}人大常委会`,
        position: title,
        memberships: [
          { role: 'leader', title, inTerm: true },
          {
            role: 'deputy',
            deputyLevel: 'county',
            delegation: `${c.places[0]!.replace(/(镇|街道)$/, '')}代表团`,
            inTerm: true,
          },
        ],
      });
    }
    const cppccKey = `cppcc-${c.code}`;
    for (const [title, sector] of [
      ['主席', '中共'],
      ['副主席', rng.pick(['民盟', '致公党', '民建'])],
      ['副主席', rng.pick(['工商联', '无党派人士', '归国华侨'])],
    ] as const) {
      const g = gender(0.25);
      person({
        body: cppccKey,
        name: names.next(g),
        gender: g,
        birthDate: rng.date(1964, 1976),
        party: SECTORS.find((s) => s.name === sector)?.party ?? '中共党员',
        organization: `政协${c.name}委员会`,
        position: title,
        memberships: [
          { role: 'leader', title, inTerm: true },
          { role: 'member', sector, inTerm: true },
        ],
      });
    }
    for (const key of [npcKey, cppccKey]) {
      const g = gender(0.5);
      person({
        body: key,
        name: names.next(g),
        gender: g,
        birthDate: rng.date(1975, 1990),
        party: '中共党员',
        organization: key === npcKey ? `${c.name}人大常委会` : `政协${c.name}委员会`,
        position: '办公室主任',
        memberships: [{ role: 'staff', unit: { body: key, name: '办公室' }, title: '主任' }],
      });
    }
    c.towns.forEach((town, i) => {
      const townKey = `town-${c.code}-${i}`;
      for (const title of ['主席', '专职副主席']) {
        const g = gender(0.3);
        person({
          body: townKey,
          name: names.next(g),
          gender: g,
          birthDate: rng.date(1970, 1985),
          party: '中共党员',
          organization: `${c.name}${town}人大主席团`,
          position: title,
          memberships: [
            { role: 'leader', title, inTerm: true },
            { role: 'deputy', deputyLevel: 'town', delegation: '第一选区', inTerm: true },
          ],
        });
      }
    });
  }
  return out;
}

/** Where a CPPCC member of a given sector typically works. */
function sectorWorkplace(
  rng: Rng,
  sector: string,
  c: DemoCounty,
  generic: () => Workplace,
  company: (c: DemoCounty) => string,
): Workplace {
  const any = (...choices: [string, string[]][]): Workplace => {
    const [organization, positions] = rng.pick(choices);
    return { organization, position: rng.pick(positions) };
  };
  switch (sector) {
    case '中共':
      return any(
        [`中共${local(c)}委员会`, ['副书记', '常委、组织部部长', '常委、宣传部部长']],
        [`${local(c)}人民政府`, [c.suffix === '区' ? '副区长' : '副市长']],
        ['江门市人民政府办公室', ['副主任']],
        [`中共${local(c)}${rng.pick(c.places)}委员会`, ['书记']],
      );
    case '经济界':
    case '工商联':
    case '少数民族界':
      return {
        organization: company(c),
        position: rng.pick(['董事长', '总经理', '董事长、总经理', '副总经理']),
      };
    case '农业界':
      return any(
        [`${local(c)}${rng.pick(['陈皮', '水产', '稻米', '蔬菜', '茶叶'])}专业合作社`, ['理事长']],
        ['江门市农业科学研究所', ['所长', '高级农艺师']],
        [`${local(c)}农业农村局`, ['副局长']],
      );
    case '教育界':
      return any(
        ['五邑大学', ['教授', '副校长', '学院院长']],
        ['江门职业技术学院', ['教授', '副院长']],
        [`${local(c)}${rng.pick(['第一中学', '实验中学', '实验小学'])}`, ['校长', '高级教师']],
      );
    case '医药卫生界':
      return any(
        ['江门市中心医院', ['副院长', '主任医师', '科主任']],
        ['江门市人民医院', ['院长', '主任医师']],
        [`${local(c)}人民医院`, ['院长', '主任医师']],
        ['江门市疾病预防控制中心', ['主任', '主任医师']],
      );
    case '科技界':
      return any(
        ['江门市科学技术协会', ['副主席']],
        ['江门市产业技术研究院', ['研究员', '副院长']],
        [company(c), ['技术总监', '研发中心主任', '首席工程师']],
      );
    case '文化艺术界':
      return any(
        ['江门市文学艺术界联合会', ['副主席']],
        ['江门市粤剧团', ['团长', '国家一级演员']],
        ['江门市五邑华侨华人博物馆', ['馆长']],
        ['江门市书法家协会', ['主席']],
      );
    case '体育界':
      return any(['江门市体育运动学校', ['校长', '教练员']], ['江门市体育总会', ['副主席']]);
    case '新闻出版界':
      return any(['江门日报社', ['副总编辑', '主任记者']], ['江门市广播电视台', ['副台长', '主任编辑']]);
    case '社会科学界':
      return any(
        ['江门市社会科学界联合会', ['副主席']],
        ['中共江门市委党校', ['教授', '副校长']],
        ['五邑大学', ['教授']],
      );
    case '社会福利和社会保障界':
      return any(
        ['江门市慈善会', ['副会长']],
        ['江门市残疾人联合会', ['理事长']],
        ['江门市社会福利院', ['院长']],
        [`${local(c)}社会工作服务中心`, ['主任']],
      );
    case '宗教界':
      return any(
        ['江门市佛教协会', ['会长', '副会长']],
        ['江门市基督教两会', ['主席']],
        ['江门市天主教爱国会', ['主任']],
        ['江门市道教协会', ['会长']],
      );
    case '特邀香港人士':
      return any(
        [`香港${rng.pick(BRANDS)}集团有限公司`, ['董事长', '董事总经理']],
        ['香港江门五邑同乡总会', ['会长', '副会长']],
      );
    case '特邀澳门人士':
      return any(
        [`澳门${rng.pick(BRANDS)}置业有限公司`, ['董事长', '总经理']],
        ['澳门江门同乡会', ['会长', '副会长']],
      );
    case '归国华侨':
      return any(
        ['江门市归国华侨联合会', ['副主席']],
        [company(c), ['董事长']],
        [`${local(c)}归国华侨联合会`, ['主席']],
      );
    case '共青团':
      return any(['共青团江门市委员会', ['副书记']], [`共青团${local(c)}委员会`, ['书记']]);
    case '工会':
      return any(['江门市总工会', ['副主席']], [company(c), ['工会主席', '高级技师']]);
    case '妇联':
      return any(['江门市妇女联合会', ['副主席']], ['江门市女企业家协会', ['会长', '副会长']]);
    default:
      // Democratic parties and non-party people: professionals, mostly.
      return rng.chance(0.6)
        ? any(
            ['五邑大学', ['教授', '副教授']],
            ['江门市中心医院', ['主任医师']],
            [`广东${rng.pick(BRANDS)}律师事务所`, ['主任律师']],
            [`${local(c)}${rng.pick(['第一中学', '实验中学'])}`, ['高级教师']],
          )
        : generic();
  }
}

// ------------------------------------------------ hand-named people (the article's and the demo accounts')

/**
 * The Standing Committee's leadership (主任会议). Each leads one of the 8 research groups, in the order
 * of RESEARCH_FIELDS in SCENARIO-2025: 创新驱动, 空间保障, 人力资源, 新质生产力, 侨务优势, 生活服务,
 * 安全生产, 陈皮全产业链发展; so 凌传茂, who opened the joint meeting's first plenary, leads 新质生产力.
 */
export const NPC_LEADERS: { key?: string; name: string; gender: Gender; position: string }[] = [
  { name: '谭振邦', gender: 'male', position: '党组书记、主任' },
  { name: '陈惠玲', gender: 'female', position: '副主任' },
  { name: '梁国栋', gender: 'male', position: '副主任' },
  { key: 'leader', name: '凌传茂', gender: 'male', position: '党组副书记、副主任' },
  { name: '李卓文', gender: 'male', position: '副主任' },
  { name: '司徒健华', gender: 'male', position: '副主任' },
  { name: '甄伟强', gender: 'male', position: '副主任' },
  { name: '区锦荣', gender: 'male', position: '秘书长' },
];

export const CPPCC_LEADERS: {
  name: string;
  gender: Gender;
  title: string;
  position: string;
  sector: string;
  organization?: string;
}[] = [
  { name: '黄卓然', gender: 'male', title: '主席', position: '党组书记、主席', sector: '中共' },
  { name: '伍建华', gender: 'male', title: '副主席', position: '党组副书记、副主席', sector: '中共' },
  { name: '李秀清', gender: 'female', title: '副主席', position: '副主席', sector: '民盟' },
  { name: '陈永德', gender: 'male', title: '副主席', position: '副主席', sector: '致公党' },
  { name: '关家豪', gender: 'male', title: '副主席', position: '副主席', sector: '民建' },
  { name: '谢婉仪', gender: 'female', title: '副主席', position: '副主席', sector: '无党派人士' },
  {
    name: '冯立新',
    gender: 'male',
    title: '副主席',
    position: '董事长',
    sector: '工商联',
    organization: '江门市鸿达新能源科技有限公司',
  },
  { name: '余志坚', gender: 'male', title: '秘书长', position: '秘书长', sector: '中共' },
];

const NPC_STAFF: { key?: string; name?: string; gender?: Gender; unit: string; title: string }[] = [
  { unit: NPC_OFFICE, title: '主任' },
  { unit: NPC_OFFICE, title: '副主任' },
  { key: 'staff', name: '林晓彤', gender: 'female', unit: NPC_OFFICE, title: '秘书科科长' },
  { unit: NPC_OFFICE, title: '综合科科长' },
  { unit: NPC_OFFICE, title: '一级主任科员' },
  { unit: NPC_OFFICE, title: '一级科员' },
  { unit: '代表人事选举任免联络工作委员会', title: '代表联络科科长' },
  { unit: '代表人事选举任免联络工作委员会', title: '一级主任科员' },
  { unit: NPC_RESEARCH_OFFICE, title: '主任' },
  { unit: NPC_RESEARCH_OFFICE, title: '二级调研员' },
  { unit: '法制工作委员会', title: '法规科科长' },
  { unit: '预算工作委员会', title: '预算审查科科长' },
  { unit: JOINT_MEETING_TEAM, title: '组长' },
  { unit: JOINT_MEETING_TEAM, title: '副组长' },
  { unit: JOINT_MEETING_TEAM, title: '成员' },
  { unit: JOINT_MEETING_TEAM, title: '成员' },
];

const CPPCC_STAFF: { unit: string; title: string }[] = [
  { unit: CPPCC_OFFICE, title: '主任' },
  { unit: CPPCC_OFFICE, title: '副主任' },
  { unit: CPPCC_OFFICE, title: '秘书科科长' },
  { unit: CPPCC_OFFICE, title: '一级主任科员' },
  { unit: CPPCC_RESEARCH_OFFICE, title: '主任' },
  { unit: CPPCC_RESEARCH_OFFICE, title: '一级科员' },
  { unit: '提案委员会', title: '提案科科长' },
  { unit: '提案委员会', title: '一级主任科员' },
];

const LIAISON = {
  name: '梁志诚',
  gender: 'male' as Gender,
  department: '市科技局',
  position: '办公室主任',
};
const EXPERT = {
  name: '甄文博',
  gender: 'male' as Gender,
  organization: '五邑大学经济管理学院',
  position: '教授',
};
const MEMBER = {
  name: '司徒慧敏',
  sector: '致公党',
  organization: '开平市碉楼侨乡文化发展有限公司',
  position: '总经理',
};

const LOCAL_EXPERTS: Workplace[] = [
  { organization: '五邑大学', position: '教授' },
  { organization: '五邑大学智能制造学部', position: '教授' },
  { organization: '江门职业技术学院', position: '教授' },
  { organization: '中共江门市委党校', position: '教授' },
  { organization: '江门市产业技术研究院', position: '研究员' },
  { organization: '广东江门中医药职业学院', position: '副教授' },
  { organization: '广东侨都律师事务所', position: '主任律师' },
  { organization: '江门五邑会计师事务所', position: '注册会计师' },
  { organization: '江门市规划勘察设计研究院', position: '正高级工程师' },
];
const OUTSIDE_EXPERTS: Workplace[] = [
  { organization: '香港中文大学', position: '教授' },
  { organization: '香港理工大学', position: '副教授' },
  { organization: '香港江门五邑投资促进会', position: '顾问' },
  { organization: '澳门大学', position: '教授' },
  { organization: '澳门城市大学', position: '副教授' },
  { organization: '深圳大学', position: '教授' },
  { organization: '中国科学院深圳先进技术研究院', position: '研究员' },
];

const HAND_NAMED = [
  ...NPC_LEADERS.map((l) => l.name),
  ...CPPCC_LEADERS.map((l) => l.name),
  '林晓彤',
  '何美玲',
  LIAISON.name,
  EXPERT.name,
  MEMBER.name,
];
