/** Developer commands (`yiting dev …`): checks of generated files and benchmarks. Not for operators. */
export async function devCommand(args: string[]) {
  const [sub] = args;
  switch (sub) {
    case 'check-generated': {
      const { checkGenerated } = await import('./dev/check-generated.ts');
      return checkGenerated(args.includes('--write'));
    }
    case 'bench': {
      const { benchMain } = await import('../bench/main.ts');
      return benchMain(args.slice(1));
    }
    default:
      console.error('usage: yiting dev check-generated [--write] | bench');
      process.exit(1);
  }
}
