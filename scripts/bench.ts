/**
 * `npm run bench -- [--filings 1000,10000] [--work DIR]`: the benchmark table (see
 * scripts/lib/bench.ts), printed and written to bench-results/bench-<date>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchSize, formatBench, type SizeResult } from './lib/bench.ts';

const { values } = parseArgs({
  options: {
    filings: { type: 'string', default: '1000,10000' },
    work: { type: 'string', default: path.join(os.tmpdir(), 'archive-bench') },
  },
});
const sizes = (values.filings ?? '')
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const results: SizeResult[] = [];
for (const n of sizes) {
  console.log(`${n} filings…`);
  results.push(await benchSize(n, path.join(values.work ?? '', String(n)), (s) => console.log(s)));
}
const table = formatBench(results);
console.log(`\nmachine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
console.log(table);
mkdirSync('bench-results', { recursive: true });
const file = path.join('bench-results', `bench-${new Date().toISOString().slice(0, 19).replace(/:/gu, '')}.json`);
writeFileSync(
  file,
  `${JSON.stringify({ machine: { cores: os.cpus().length, memGiB: os.totalmem() / 2 ** 30, node: process.version }, results }, null, 2)}\n`,
);
console.log(`\nwritten to ${file}`);
