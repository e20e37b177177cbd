import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { searchText } from '@yiting/domain';
import { openDatabase } from '../src/db/client.ts';
import { bodies } from '../src/db/schema.ts';
import { newId } from '../src/ids.ts';
import { type ImportPhase, importPeople } from '../src/usecases/import-people.ts';
import { type PersonOutRow, type UnitOutRow, writeWorkbook } from '../src/xlsx/write.ts';
import type { BenchFigure } from './main.ts';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅文辉鹏飞宇浩然晓燕海波斌雪琳欣怡子涵俊杰婷立新永';
const SECTORS = [
  '中共',
  '民革',
  '民盟',
  '民建',
  '民进',
  '农工党',
  '致公党',
  '无党派',
  '共青团',
  '工商联',
  '教育界',
  '医药卫生界',
];
const LEVELS = ['全国人大代表', '省人大代表', '市人大代表', '县级人大代表', '乡镇人大代表'];

/** A realistic file: 20 units, `n` people, most of them deputies or CPPCC members, every tenth with two roles. */
export function sampleRows(n: number): { units: UnitOutRow[]; people: PersonOutRow[] } {
  const units: UnitOutRow[] = Array.from({ length: 20 }, (_, i) => ({
    name: `基准测试第${i + 1}委员会`,
    kind: i % 2 ? '工作委员会' : '专门委员会',
    phone: `0750-30000${String(i).padStart(2, '0')}`,
  }));
  const people: PersonOutRow[] = [];
  for (let i = 0; i < n; i++) {
    const name =
      SURNAMES[i % SURNAMES.length]! +
      GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]! +
      (i % 3 ? GIVEN[(i * 7) % GIVEN.length]! : '');
    const base: PersonOutRow = {
      name,
      gender: i % 2 ? '女' : '男',
      birthDate: `${1950 + (i % 50)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      ethnicity: '汉族',
      party: i % 4 ? '中共党员' : '群众',
      organization: `江门市第${(i % 300) + 1}单位`,
      position: i % 5 ? '职员' : '主任',
      phone: `139${String(i).padStart(8, '0')}`,
      email: i % 10 ? null : `p${i}@example.cn`,
    };
    const deputy = i % 5 !== 4;
    people.push({
      ...base,
      ...(deputy
        ? { role: '人大代表', deputyLevel: LEVELS[i % 5]!, delegation: `第${(i % 40) + 1}代表团` }
        : { role: '政协委员', sector: SECTORS[i % SECTORS.length]! }),
      startDate: '2021-10-01',
    });
    if (i % 10 === 0) {
      people.push({
        ...base,
        role: '常委会组成人员',
        unit: units[i % 20]!.name,
        title: '委员',
        startDate: '2022-01-01',
      });
    }
  }
  return { units, people };
}

/** 10,000 people from a fresh .xlsx into a fresh embedded PGlite data folder, timed phase by phase. */
export async function importBench(): Promise<BenchFigure[]> {
  const n = 10_000;
  const data = sampleRows(n);
  let t0 = performance.now();
  const file = await writeWorkbook(data);
  const writeMs = performance.now() - t0;

  // The CPU cost of search text alone (pinyin-pro), measured apart.
  t0 = performance.now();
  for (const p of data.people) searchText(p.name!, p.organization, p.position);
  const pinyinMs = performance.now() - t0;

  const dir = mkdtempSync(join(tmpdir(), 'yiting-bench-'));
  const database = await openDatabase({ dataDir: dir });
  try {
    await database.migrate();
    const bodyId = newId();
    await database.db.insert(bodies).values({
      id: bodyId,
      name: '基准测试人大常委会',
      kind: 'npc_standing_committee',
      level: 'city',
      regionCode: 'BENCH',
      regionName: '基准市',
    });
    const phaseStart = new Map<ImportPhase, number>();
    t0 = performance.now();
    const result = await importPeople({
      db: database.db,
      bodyId,
      actor: { id: null, name: 'bench' },
      file,
      locale: 'zh-CN',
      onProgress: (p) => {
        if (!phaseStart.has(p.phase)) phaseStart.set(p.phase, performance.now());
      },
    });
    const end = performance.now();
    const totalMs = end - t0;
    if (result.people !== n) throw new Error(`imported ${result.people} people, expected ${n}`);
    const parse = (phaseStart.get('validate') ?? end) - t0;
    const validate = (phaseStart.get('write') ?? end) - (phaseStart.get('validate') ?? end);
    const write = end - (phaseStart.get('write') ?? end);
    return [
      {
        name: `import: .xlsx size (${n} people, ${data.people.length} rows)`,
        value: file.length / 1024,
        unit: 'KiB',
      },
      { name: 'import: writing the .xlsx (export path)', value: writeMs, unit: 'ms' },
      { name: 'import: search text (pinyin) for every person, alone', value: pinyinMs, unit: 'ms' },
      { name: 'import: parse (streaming reader)', value: parse, unit: 'ms' },
      { name: 'import: validate (zod, units, duplicates, pinyin)', value: validate, unit: 'ms' },
      {
        name: `import: write (${result.people + result.memberships + result.units} rows, one transaction)`,
        value: write,
        unit: 'ms',
      },
      {
        name: `import: total, ${n} people into embedded PGlite (goal < 10,000 ms)`,
        value: totalMs,
        unit: 'ms',
      },
    ];
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
