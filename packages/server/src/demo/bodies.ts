import type { BodyKind, BodyLevel } from '@yiting/domain';
import { chineseNumber } from '../documents/wording.ts';

/** A 届: number, name and dates. The 2021 county and town elections and the 2022 city ones. */
export interface DemoTerm {
  number: number;
  name: string;
  startDate: string;
  endDate: string;
}

export interface DemoBody {
  key: string;
  name: string;
  shortName: string;
  kind: BodyKind;
  level: BodyLevel;
  regionCode: string;
  regionName: string;
  parent?: string;
  /** The current term; governments have none of their own here. */
  term?: DemoTerm;
  /** The body's configuration (tracking/config.ts), e.g. the 代字 of its assignment notices. */
  config?: Record<string, unknown>;
}

/** 江门市 + 16 + 人民代表大会 → 江门市第十六届人民代表大会. */
function term(number: number, prefix: string, suffix: string, startDate: string, endDate: string): DemoTerm {
  return { number, name: `${prefix}第${chineseNumber(number)}届${suffix}`, startDate, endDate };
}

const CITY = { regionCode: '440700', regionName: '江门市' };

export interface DemoCounty {
  code: string;
  name: string;
  suffix: string;
  /** Towns that get a presidium body of their own in the demo. */
  towns: string[];
  /** Every town and subdistrict (镇街), for deputies' constituencies and workplaces. */
  places: string[];
  /** Current term numbers of the county People's Congress and CPPCC (invented but plausible). */
  npcTerm: number;
  cppccTerm: number;
}

/** County-level divisions of Jiangmen (三区四市) and two towns of each that has towns. */
export const COUNTIES: DemoCounty[] = [
  {
    code: '440703',
    name: '蓬江区',
    suffix: '区',
    towns: ['棠下镇', '荷塘镇'],
    places: ['环市街道', '白沙街道', '潮连街道', '杜阮镇', '棠下镇', '荷塘镇'],
    npcTerm: 11,
    cppccTerm: 11,
  },
  {
    code: '440704',
    name: '江海区',
    suffix: '区',
    towns: [],
    places: ['外海街道', '礼乐街道', '江南街道'],
    npcTerm: 7,
    cppccTerm: 7,
  },
  {
    code: '440705',
    name: '新会区',
    suffix: '区',
    towns: ['双水镇', '司前镇'],
    places: [
      '会城街道',
      '大泽镇',
      '司前镇',
      '罗坑镇',
      '双水镇',
      '崖门镇',
      '沙堆镇',
      '古井镇',
      '三江镇',
      '睦洲镇',
      '大鳌镇',
    ],
    npcTerm: 17,
    cppccTerm: 13,
  },
  {
    code: '440781',
    name: '台山市',
    suffix: '市',
    towns: ['广海镇', '斗山镇'],
    places: [
      '台城街道',
      '大江镇',
      '水步镇',
      '四九镇',
      '白沙镇',
      '三合镇',
      '冲蒌镇',
      '斗山镇',
      '都斛镇',
      '赤溪镇',
      '端芬镇',
      '广海镇',
      '海宴镇',
      '汶村镇',
      '深井镇',
      '北陡镇',
      '川岛镇',
    ],
    npcTerm: 17,
    cppccTerm: 14,
  },
  {
    code: '440783',
    name: '开平市',
    suffix: '市',
    towns: ['赤坎镇', '塘口镇'],
    places: [
      '长沙街道',
      '三埠街道',
      '月山镇',
      '水口镇',
      '沙塘镇',
      '苍城镇',
      '龙胜镇',
      '大沙镇',
      '马冈镇',
      '塘口镇',
      '赤坎镇',
      '百合镇',
      '蚬冈镇',
      '金鸡镇',
      '赤水镇',
    ],
    npcTerm: 17,
    cppccTerm: 14,
  },
  {
    code: '440784',
    name: '鹤山市',
    suffix: '市',
    towns: ['址山镇', '宅梧镇'],
    places: [
      '沙坪街道',
      '龙口镇',
      '雅瑶镇',
      '古劳镇',
      '桃源镇',
      '鹤城镇',
      '共和镇',
      '址山镇',
      '宅梧镇',
      '双合镇',
    ],
    npcTerm: 17,
    cppccTerm: 14,
  },
  {
    code: '440785',
    name: '恩平市',
    suffix: '市',
    towns: ['大田镇', '良西镇'],
    places: [
      '恩城街道',
      '横陂镇',
      '圣堂镇',
      '良西镇',
      '沙湖镇',
      '牛江镇',
      '君堂镇',
      '大槐镇',
      '东成镇',
      '大田镇',
      '那吉镇',
    ],
    npcTerm: 17,
    cppccTerm: 12,
  },
];

/** The city congress and CPPCC were elected in January 2022, counties and towns in late 2021. */
export const CITY_NPC_TERM = term(16, '江门市', '人民代表大会', '2022-01-06', '2027-01-05');
export const CITY_CPPCC_TERM = term(14, '政协江门市', '委员会', '2022-01-05', '2027-01-04');
/**
 * The CPPCC's current session in the scenario year: the 4th session of the 14th committee (January 2025).
 * Proposals are numbered in it unless they name another, so a member submitting one is not asked for it.
 */
export const CITY_CPPCC_SESSION = { term: CITY_CPPCC_TERM.number, meeting: 4 };
const COUNTY_START = '2021-10-15';
const COUNTY_END = '2026-10-14';
const TOWN_START = '2021-09-10';
const TOWN_END = '2026-09-09';
/** Town congresses here are all in their 18th term (invented; numbering varies from town to town). */
export const TOWN_TERM_NUMBER = 18;

/** The bodies of SCENARIO-2025: 三级人大 (city, county, town), the CPPCC committees and the city government. */
export const DEMO_BODIES: DemoBody[] = [
  {
    key: 'npc',
    name: '江门市人民代表大会常务委员会',
    shortName: '江门市人大常委会',
    kind: 'npc_standing_committee',
    level: 'city',
    ...CITY,
    term: CITY_NPC_TERM,
    // 督办通知 are numbered 江人大督〔2025〕N号.
    config: { matterNumberPrefix: '江人大督' },
  },
  {
    key: 'cppcc',
    name: '中国人民政治协商会议江门市委员会',
    shortName: '江门市政协',
    kind: 'cppcc_committee',
    level: 'city',
    ...CITY,
    term: CITY_CPPCC_TERM,
    config: { proposalSession: CITY_CPPCC_SESSION },
  },
  { key: 'gov', name: '江门市人民政府', shortName: '江门市政府', kind: 'government', level: 'city', ...CITY },
  ...COUNTIES.flatMap((c): DemoBody[] => [
    {
      key: `npc-${c.code}`,
      name: `${c.name}人民代表大会常务委员会`,
      shortName: `${c.name}人大常委会`,
      kind: 'npc_standing_committee',
      level: 'county',
      regionCode: c.code,
      regionName: c.name,
      parent: 'npc',
      term: term(c.npcTerm, c.name, '人民代表大会', COUNTY_START, COUNTY_END),
    },
    {
      key: `cppcc-${c.code}`,
      name: `中国人民政治协商会议${c.name}委员会`,
      shortName: `${c.name}政协`,
      kind: 'cppcc_committee',
      level: 'county',
      regionCode: c.code,
      regionName: c.name,
      parent: 'cppcc',
      term: term(c.cppccTerm, `政协${c.name}`, '委员会', COUNTY_START, COUNTY_END),
    },
    ...c.towns.map(
      (t, i): DemoBody => ({
        key: `town-${c.code}-${i}`,
        name: `${c.name}${t}人民代表大会主席团`,
        shortName: `${t}人大`,
        kind: 'town_npc_presidium',
        level: 'town',
        regionCode: `${c.code}${String(100 + i)}`,
        regionName: `${c.name}${t}`,
        parent: `npc-${c.code}`,
        term: term(TOWN_TERM_NUMBER, `${c.name}${t}`, '人民代表大会', TOWN_START, TOWN_END),
      }),
    ),
  ]),
];
