/** `npm run corpus -- --filings N --out DIR [--seed S]`: write N generated raw filings (see scripts/lib/bench/corpus.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, outsideClauses, uniqueShare, uniqueTextShare } from './lib/bench/corpus.ts';
import { seedClauseSets } from './lib/bench/seed-clauses.ts';

const { values } = parseArgs({
  options: {
    filings: { type: 'string', default: '100' },
    out: { type: 'string', default: 'corpus' },
    seed: { type: 'string', default: '1' },
  },
});
const n = Number(values.filings);
if (!Number.isInteger(n) || n < 1) {
  console.error('--filings takes a whole number ≥ 1');
  process.exit(2);
}
const out = path.resolve(values.out);
mkdirSync(out, { recursive: true });
const corpus = generateCorpus(n, Number(values.seed), seedClauseSets());
for (const [name, text] of corpus) writeFileSync(path.join(out, name), text);
const texts = corpus.map(([, t]) => t);
const own = texts.map(outsideClauses);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
console.log(
  `wrote ${n} filings to ${out}; outside the 特記事項 (which repeat by design), text not repeated from another line: ${pct(uniqueTextShare(own))} of characters, ${pct(uniqueShare(own))} of lines`,
);
