import { importBench } from './import.ts';
import { mattersBench } from './matters.ts';
import { searchBench } from './search.ts';
import { statisticsBench } from './statistics.ts';

/** One measured figure of a benchmark. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
}

/**
 * Every benchmark, in order: `npm run bench` runs them all, `npm run bench -- NAME…` only those named.
 * Add a bench by adding a line here.
 */
const BENCHES: { name: string; run: () => Promise<BenchFigure[]> }[] = [
  { name: 'import', run: importBench },
  { name: 'matters', run: mattersBench },
  { name: 'search', run: searchBench },
  { name: 'statistics', run: statisticsBench },
];

export async function benchMain(args: string[]) {
  const chosen = args.length ? BENCHES.filter((b) => args.includes(b.name)) : BENCHES;
  if (chosen.length === 0) {
    console.error(`unknown bench; benches: ${BENCHES.map((b) => b.name).join(', ')}`);
    process.exit(1);
  }
  for (const bench of chosen) {
    console.log(`\n▶ ${bench.name}`);
    for (const f of await bench.run()) {
      const value = f.value >= 100 ? Math.round(f.value).toString() : f.value.toFixed(1);
      console.log(`  ${value.padStart(9)} ${f.unit.padEnd(4)} ${f.name}`);
    }
  }
}
