/** The search index of a built site: `tsx scripts/index-search.ts [DIST]` (default dist/). `npm run build` runs the same step (scripts/build.ts); the bench times it on its own. */
import path from 'node:path';
import { hostingBase } from '../src/lib/publish/hosting.ts';
import { buildSearchIndex } from '../src/lib/search/indexer/indexer.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const { records, out, cached, words } = await buildSearchIndex({ dist, base: hostingBase() });
console.log(
  `search: indexed ${records} filings (${cached} unchanged since the last build) into ${path.relative(process.cwd(), out)}; distinct words ${Object.entries(
    words,
  )
    .map(([s, n]) => `${s} ${n}`)
    .join(', ')}`,
);
