/**
 * `npm run fixtures [-- --only seed-002 --only form-example]`: write the importer's PDF and Word
 * inputs, tests/fixtures/import/<name>-pdf/input.pdf and <name>-docx/input.docx, for each seed
 * filing and each tests/fixtures/forms/*.html body (see scripts/lib/fixtures/).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fixtureJobs } from './lib/fixtures/jobs.ts';
import { renderDocx } from './lib/fixtures/render-docx.ts';
import { renderPdfs } from './lib/fixtures/render-pdf.ts';

const { values } = parseArgs({ options: { only: { type: 'string', multiple: true } } });
const root = process.cwd();
const only = (values.only ?? []).flatMap((o) => o.split(',')).filter((o) => o !== '');
const jobs = fixtureJobs(root).filter((j) => only.length === 0 || only.some((o) => j.name.includes(o)));
if (jobs.length === 0) {
  console.error(`no fixture matches ${only.join(', ')}`);
  process.exit(2);
}
const out = path.join(root, 'tests/fixtures/import');
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const rel = (p: string): string => path.relative(root, p);

const t0 = performance.now();
const pdfs = await renderPdfs(jobs.map((j) => ({ html: j.html, out: path.join(out, `${j.name}-pdf`, 'input.pdf'), options: j.pdf })));
for (const r of pdfs) console.log(`${rel(r.out)}  ${kb(r.bytes)}  ${r.pages} p.  ${Math.round(r.ms)} ms`);
for (const j of jobs) {
  const t = performance.now();
  const file = path.join(out, `${j.name}-docx`, 'input.docx');
  const buf = await renderDocx(j.html);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, buf);
  console.log(`${rel(file)}  ${kb(buf.length)}  ${Math.round(performance.now() - t)} ms`);
}
console.log(`${jobs.length} fixtures in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
