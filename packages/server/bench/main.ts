export async function benchMain(_args: string[]) {
  console.log('no benchmarks yet');
}
