/**
 * `npm run bench -- [--filings 1000,10000] [--only pipeline|import] [--import-filings 1000] [--import-processes N]
 * [--render-cache DIR] [--work DIR]`: the benchmark tables (see scripts/lib/bench/: pipeline.ts, import-stage.ts, portal.ts), printed
 * and written to bench-results/bench-<date>.json.
 *
 * - `pipeline`: generate → import → Astro build → search index, beside the stock path.
 * - `import`: the filings as text, PDF and .docx, each imported with `npm run import`; the PDFs
 *   and .docx are rendered once into DIR (default WORK/render-cache), keyed by seed and size.
 *   `--import-processes N` (N > 1) imports the PDFs once more with N CLIs at once. Each import
 *   waits (up to 10 minutes) for the rest of the machine to be idle before it is timed.
 * - `portal`: a portal (npm run portal) over k archives of each size, against searching them one
 *   by one (scripts/lib/bench/portal.ts): k = 1, 3 and 10 at up to 1,000 filings, k = 3 above.
 *   It uses the pipeline stage's build of that size (WORK/<n>/dist), running the pipeline first
 *   when there is none.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchImport, formatImportBench, formatRenderNote, type ImportStageResult } from './lib/bench/import-stage.ts';
import { benchSize, formatBench, type SizeResult } from './lib/bench/pipeline.ts';
import { BENCH_QUERIES } from './lib/bench/queries.ts';
import { benchPortal, formatPortalBench, type PortalBenchResult } from './lib/bench/portal.ts';

const STAGES = ['pipeline', 'import', 'portal'] as const;
type Stage = (typeof STAGES)[number];

const { values } = parseArgs({
  options: {
    filings: { type: 'string', default: '1000,10000' },
    only: { type: 'string', multiple: true },
    'import-processes': { type: 'string', default: '1' },
    'import-filings': { type: 'string' },
    'render-cache': { type: 'string' },
    work: { type: 'string', default: path.join(os.tmpdir(), 'archive-bench') },
  },
});
const sizes = (values.filings ?? '')
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const only = (values.only ?? []).flatMap((o) => o.split(',')).filter((o) => o !== '');
const unknown = only.filter((o) => !(STAGES as readonly string[]).includes(o));
const processes = Number(values['import-processes']);
if (unknown.length > 0 || !Number.isInteger(processes) || processes < 1 || sizes.length === 0) {
  console.error(
    `usage: npm run bench -- [--filings 1000,10000] [--only ${STAGES.join('|')}] [--import-filings 1000] [--import-processes N] [--render-cache DIR] [--work DIR]`,
  );
  process.exit(2);
}
const stages = new Set<Stage>(only.length > 0 ? (only as Stage[]) : STAGES);
// The import stage renders every filing to PDF first (about 3 minutes a thousand): beside the
// pipeline it runs at 1,000 filings unless told otherwise; alone, at the sizes asked for.
const importSizes = (values['import-filings'] ?? (stages.has('pipeline') ? '1000' : (values.filings ?? '')))
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const work = values.work ?? '';
const results: SizeResult[] = [];
const imports: ImportStageResult[] = [];
const portals: PortalBenchResult[] = [];
for (const n of [...new Set([...sizes, ...importSizes])].sort((a, b) => a - b)) {
  const dist = path.join(work, String(n), 'dist');
  if (sizes.includes(n) && (stages.has('pipeline') || (stages.has('portal') && !existsSync(path.join(dist, 'data', 'archive.json'))))) {
    console.log(`${n} filings…`);
    results.push(await benchSize(n, path.join(work, String(n)), (s) => console.log(s)));
  }
  if (stages.has('portal') && sizes.includes(n))
    for (const k of n <= 1000 ? [1, 3, 10] : [3]) {
      console.log(`${n} filings: portal over ${k}…`);
      portals.push(await benchPortal(dist, n, k, work, (s) => console.log(s), BENCH_QUERIES));
    }
  if (stages.has('import') && importSizes.includes(n)) {
    console.log(`${n} filings: import stage…`);
    imports.push(
      await benchImport(n, work, (s) => console.log(s), {
        cache: values['render-cache'] ?? path.join(work, 'render-cache'),
        processes,
        quiet: true,
      }),
    );
  }
}
const machine = { cores: os.cpus().length, memGiB: os.totalmem() / 2 ** 30, node: process.version };
// The code measured: the commit, and whether the importer had uncommitted changes.
const git = (args: string[]): string => {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};
const code = {
  commit: git(['rev-parse', 'HEAD']),
  importerChanged: git(['status', '--porcelain', '--', 'src/lib', 'scripts/lib/import-*.ts']) !== '',
};
console.log(
  `\nmachine: ${machine.cores} cores, ${machine.memGiB.toFixed(0)} GiB, Node ${machine.node}; commit ${code.commit.slice(0, 7)}${code.importerChanged ? ' with uncommitted changes to the importer' : ''}\n`,
);
if (results.length > 0) console.log(`${formatBench(results)}\n`);
if (portals.length > 0) console.log(`${formatPortalBench(portals)}\n`);
if (imports.length > 0) {
  console.log(formatImportBench(imports));
  for (const r of imports) console.log(formatRenderNote(r));
}
mkdirSync('bench-results', { recursive: true });
const file = path.join('bench-results', `bench-${new Date().toISOString().slice(0, 19).replace(/:/gu, '')}.json`);
writeFileSync(file, `${JSON.stringify({ machine, code, results, imports, portals }, null, 2)}\n`);
console.log(`\nwritten to ${file}`);
