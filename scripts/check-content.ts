/**
 * `npm run check-content [-- [--report FILE] [DIR]]`: the content folder (default
 * ARCHIVE_CONTENT_DIR or content/) checked without building, every problem at once as
 * `file:line: what and what to do`; exit 1 on any error. `--report FILE` also writes the staff
 * report (Markdown): problems, names the registries do not place, inferred dates, clause sets
 * without a printed date, and originals no record names.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent, formatContentProblem } from '../src/lib/record/check-content-fs.ts';

const { values, positionals } = parseArgs({ options: { report: { type: 'string' } }, allowPositionals: true });
const dir = path.resolve(positionals[0] ?? process.env['ARCHIVE_CONTENT_DIR'] ?? 'content');
const { problems, report } = checkContent(dir);
for (const p of problems) console.error(formatContentProblem(p));
if (values.report) writeFileSync(values.report, report);
const errors = problems.filter((p) => p.level === 'error').length;
console.error(
  `${path.relative(process.cwd(), dir) || dir}: ${errors} error(s), ${problems.length - errors} warning(s)${values.report ? `; report written to ${values.report}` : ''}`,
);
process.exitCode = errors > 0 ? 1 : 0;
