/**
 * Reading the archive's records from a content folder (ARCHIVE_CONTENT_DIR, default `content/`).
 * Used by the Astro content loader and by the tests, so both see the same records.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { kindsOf } from './config.ts';
import { loadArchiveConfig } from './config-fs.ts';
import { RecordError, parseClauseSet, parseRecord, type ClauseSetFile, type RecordFile } from './record.ts';

/** The content folder the site is built from. */
export function contentDir(): string {
  return path.resolve(process.env['ARCHIVE_CONTENT_DIR'] ?? 'content');
}

/** A record as read from its file. */
type Loaded<R> = R & { file: string };

/**
 * The records of one folder, sorted by file name: each parsed with `parse` and checked with
 * `check` (which returns a problem or nothing); ids must be unique. Throws one Error listing every
 * bad file, so that a build names them all at once.
 */
function loadFolder<R extends { data: { id: string } }>(
  folder: string,
  what: string,
  parse: (text: string, file: string) => R,
  check: (record: R, text: string, file: string) => string | undefined = () => undefined,
): Array<Loaded<R>> {
  if (!existsSync(folder)) return [];
  const out: Array<Loaded<R>> = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const f of readdirSync(folder)
    .filter((name) => /\.md$/iu.test(name))
    .sort()) {
    const file = path.join(folder, f);
    try {
      const text = readFileSync(file, 'utf8');
      const record = parse(text, file);
      const problem = check(record, text, file);
      if (problem) {
        problems.push(problem);
        continue;
      }
      const other = seen.get(record.data.id);
      if (other) {
        problems.push(`${file}:2: id ${record.data.id} is also used by ${other}; give one of them another id`);
        continue;
      }
      seen.set(record.data.id, file);
      out.push({ ...record, file });
    } catch (e) {
      if (!(e instanceof RecordError)) throw e;
      problems.push(e.message);
    }
  }
  if (problems.length > 0) throw new Error(`${problems.length} ${what} problem(s):\n${problems.join('\n')}`);
  return out;
}

/** Every record under `<dir>/filings/`, sorted by file name. Throws one Error listing every bad file. */
export function loadRecords(dir: string = contentDir()): Array<RecordFile & { file: string }> {
  const kinds = kindsOf(loadArchiveConfig(dir)).map((k) => k.name);
  return loadFolder(path.join(dir, 'filings'), 'record', parseRecord, (record, text, file) => {
    if (kinds.includes(record.data.kind)) return undefined;
    const line = text.split('\n').findIndex((l) => /^kind:/u.test(l)) + 1;
    return `${file}:${line || 2}: kind: 「${record.data.kind}」 is not a kind of this archive (${kinds.join(', ')}); correct it, or add it to ${path.join(dir, 'archive.yaml')} under kinds`;
  });
}

/** Every clause set published on its own, under `<dir>/clauses/`, sorted by file name, as loadRecords reads filings. */
export function loadClauseSets(dir: string = contentDir()): Array<ClauseSetFile & { file: string }> {
  return loadFolder(path.join(dir, 'clauses'), 'clause set', parseClauseSet);
}
