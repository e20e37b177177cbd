import type { BodyKind, BodyLevel } from '@yiting/domain';

export interface DemoBody {
  key: string;
  name: string;
  shortName: string;
  kind: BodyKind;
  level: BodyLevel;
  regionCode: string;
  regionName: string;
  parent?: string;
}

const CITY = { regionCode: '440700', regionName: '江门市' };

/** County-level divisions of Jiangmen (三区四市) and two towns of each that has towns. */
const COUNTIES = [
  { code: '440703', name: '蓬江区', suffix: '区', towns: ['棠下镇', '荷塘镇'] },
  { code: '440704', name: '江海区', suffix: '区', towns: [] },
  { code: '440705', name: '新会区', suffix: '区', towns: ['双水镇', '司前镇'] },
  { code: '440781', name: '台山市', suffix: '市', towns: ['广海镇', '斗山镇'] },
  { code: '440783', name: '开平市', suffix: '市', towns: ['赤坎镇', '塘口镇'] },
  { code: '440784', name: '鹤山市', suffix: '市', towns: ['址山镇', '宅梧镇'] },
  { code: '440785', name: '恩平市', suffix: '市', towns: ['大田镇', '良西镇'] },
];

/** The bodies of SCENARIO-2025: 三级人大 (city, county, town), the CPPCC committees and the city government. */
export const DEMO_BODIES: DemoBody[] = [
  {
    key: 'npc',
    name: '江门市人民代表大会常务委员会',
    shortName: '江门市人大常委会',
    kind: 'npc_standing_committee',
    level: 'city',
    ...CITY,
  },
  {
    key: 'cppcc',
    name: '中国人民政治协商会议江门市委员会',
    shortName: '江门市政协',
    kind: 'cppcc_committee',
    level: 'city',
    ...CITY,
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
      }),
    ),
  ]),
];
