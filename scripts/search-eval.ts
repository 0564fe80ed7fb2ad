/**
 * `npm run search-eval [-- DIST]`: recall and exactness of this archive's search and of stock
 * Pagefind on the same built pages, with a query set drawn from the records. Build first.
 */
import path from 'node:path';
import { contentDir, loadRecords } from '../src/lib/record/load-fs.ts';
import { loadRegistries } from '../src/lib/record/registry-fs.ts';
import { getTokenizer } from '../src/lib/core/tokenizer-fs.ts';
import { buildQuerySet, evaluateSearch, formatEval } from './lib/bench/search-eval.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const entries = loadRecords(contentDir()).map((r) => ({ id: r.data.id, data: r.data, body: r.body }));
const queries = buildQuerySet(entries, await getTokenizer(), 30, loadRegistries(contentDir()));
const result = await evaluateSearch(dist, entries, queries);
console.log(formatEval(result));
for (const f of result.failures.filter((x) => x.engine === 'archive'))
  console.log(`archive: ${f.q} missing ${f.missing.join(',')} extra ${f.extra.join(',')}`);
console.log(
  `stock Pagefind misses or over-matches on ${new Set(result.failures.filter((x) => x.engine === 'stock').map((x) => x.q)).size} of ${queries.length} queries`,
);
