/**
 * Dates given per file for a batch (`--dates FILE.csv`): for clause sets that print none. Each row
 * names a file (as given to the import, relative to the CSV's folder, or by its file name alone)
 * and a date (YYYY-MM-DD, or as officials write it: 令和3年4月1日). A header row `file,date` is
 * allowed; rows starting with # are comments.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { findDates } from '../../src/lib/core/era.ts';

/** The dates of a CSV, by the file each names; `problems` name the CSV's line and what to do. */
export interface GivenDates {
  dateOf(file: string): string | undefined;
  /** Rows that name no file of this import, said once the files are known. */
  unused(files: string[]): string[];
  problems: string[];
}

export async function readDates(csv: string): Promise<GivenDates> {
  const problems: string[] = [];
  const byPath = new Map<string, { date: string; line: number }>();
  const byName = new Map<string, { date: string; line: number } | 'ambiguous'>();
  let rows: Array<{ record: string[]; info: { lines: number } }>;
  try {
    rows = parse(await readFile(csv, 'utf8'), {
      bom: true,
      comment: '#',
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as Array<{ record: string[]; info: { lines: number } }>;
  } catch (e) {
    problems.push(`${csv}: cannot be read as CSV (${(e as Error).message.split('\n')[0] ?? ''}); give one row per file: file,date`);
    return { dateOf: () => undefined, unused: () => [], problems };
  }
  const dir = path.dirname(path.resolve(csv));
  for (const { record, info } of rows) {
    const [file = '', when = ''] = record;
    const line = info.lines;
    if (line === 1 && file.toLowerCase() === 'file') continue;
    if (!file || !when) {
      problems.push(`${csv}:${line}: give a file and a date (file,date)`);
      continue;
    }
    const iso = /^\d{4}-\d{2}-\d{2}$/u.test(when) ? when : findDates(when).dates[0]?.iso;
    if (!iso || Number.isNaN(Date.parse(iso))) {
      problems.push(`${csv}:${line}: 「${when}」 is not a date; write it as YYYY-MM-DD or 令和3年4月1日`);
      continue;
    }
    byPath.set(path.resolve(dir, file), { date: iso, line });
    const name = path.basename(file);
    byName.set(name, byName.has(name) ? 'ambiguous' : { date: iso, line });
  }
  const match = (file: string): { date: string; line: number } | undefined => {
    const exact = byPath.get(path.resolve(file));
    if (exact) return exact;
    const named = byName.get(path.basename(file));
    return named === 'ambiguous' ? undefined : named;
  };
  return {
    dateOf: (file) => match(file)?.date,
    unused: (files) => {
      const used = new Set(files.map((f) => match(f)?.line));
      return [...byPath.values()]
        .filter((r) => !used.has(r.line))
        .map((r) => `${csv}:${r.line}: names no file of this import; check the file name`);
    },
    problems,
  };
}
