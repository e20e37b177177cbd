import { searchText } from '@yiting/domain';

/**
 * A small seeded generator (mulberry32): the demo must come out identical on every run and on both
 * engines, so nothing here may touch Math.random or the clock.
 */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Picks by weight: [[value, weight], …]. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return items[items.length - 1]![0];
  }
  /** A date string between two years inclusive; days stop at 28 so every month is valid. */
  date(fromYear: number, toYear: number): string {
    const y = this.int(fromYear, toYear);
    const m = this.int(1, 12);
    const d = this.int(1, 28);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
}

/** Common surnames of the 五邑 area (Cantonese and 侨乡 families), weighted roughly by frequency. */
const SURNAMES: [string, number][] = [
  ['李', 10],
  ['陈', 10],
  ['黄', 9],
  ['梁', 8],
  ['张', 6],
  ['林', 6],
  ['吴', 5],
  ['谭', 5],
  ['关', 4],
  ['甄', 3],
  ['余', 3],
  ['伍', 3],
  ['刘', 4],
  ['何', 4],
  ['冯', 3],
  ['邓', 3],
  ['周', 3],
  ['区', 2],
  ['司徒', 2],
  ['朱', 2],
  ['赵', 2],
  ['钟', 2],
  ['叶', 2],
  ['麦', 2],
  ['容', 1],
  ['郑', 2],
  ['许', 2],
  ['苏', 2],
  ['罗', 2],
  ['杨', 2],
  ['谢', 2],
  ['莫', 2],
  ['汤', 1],
  ['胡', 2],
  ['王', 3],
  ['曾', 2],
  ['彭', 1],
  ['方', 1],
  ['潘', 1],
  ['卢', 2],
  ['袁', 1],
  ['温', 1],
  ['雷', 1],
  ['蔡', 1],
  ['龙', 1],
  ['吕', 1],
  ['马', 1],
  ['欧阳', 1],
];

const MALE =
  '伟志强建国明华军平斌杰俊浩辉健勇峰锦荣汉永德文宏海鹏振耀家立新东卓锋晖达权坚彬展诚铭广恒亮洪卫中兴'.split(
    '',
  );
const FEMALE = '丽敏静燕芳玲红霞婷慧洁娟秀琳颖雪薇倩佩淑嘉碧月凤美惠翠晓欣怡莹洁珊妍桂兰雯'.split('');

export type Gender = 'male' | 'female';

function initials(name: string): string {
  // searchText puts the initials third: "name fullpinyin initials …".
  return searchText(name).split(' ')[2] ?? '';
}

/**
 * Invents unique personal names. Names given by hand (the article's 凌传茂, 崔岩, 徐锡彦…) are
 * reserved first, and no invented name may share their pinyin initials, so a search for `lcm` finds
 * exactly one person.
 */
export class NameGenerator {
  private readonly used = new Set<string>();
  private readonly reservedInitials = new Set<string>();
  constructor(private readonly rng: Rng) {}

  reserve(name: string): string {
    this.used.add(name);
    if (name.length >= 3) this.reservedInitials.add(initials(name));
    return name;
  }

  next(gender: Gender): string {
    for (;;) {
      const surname = this.rng.weighted(SURNAMES);
      const pool = gender === 'male' ? MALE : FEMALE;
      const given = this.rng.chance(0.78) ? this.rng.pick(pool) + this.rng.pick(pool) : this.rng.pick(pool);
      if (given.length === 2 && given[0] === given[1] && gender === 'male') continue;
      const name = surname + given;
      if (this.used.has(name)) continue;
      if (this.reservedInitials.size && this.reservedInitials.has(initials(name))) continue;
      this.used.add(name);
      return name;
    }
  }
}
