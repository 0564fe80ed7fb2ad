/**
 * Reading the archive's records from a content folder (ARCHIVE_CONTENT_DIR, default `content/`).
 * Used by the Astro content loader and by the tests, so both see the same records.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { kindsOf, loadArchiveConfig } from './config.ts';
import { RecordError, parseClauseSet, parseRecord, type ClauseSetFile, type RecordFile } from './record.ts';

/** The content folder the site is built from. */
export function contentDir(): string {
  return path.resolve(process.env['ARCHIVE_CONTENT_DIR'] ?? 'content');
}

/** Every record under `<dir>/filings/`, sorted by file name. Throws one RecordError listing every bad file. */
export function loadRecords(dir: string = contentDir()): Array<RecordFile & { file: string }> {
  const folder = path.join(dir, 'filings');
  if (!existsSync(folder)) return [];
  const files = readdirSync(folder)
    .filter((f) => /\.md$/iu.test(f))
    .sort();
  const out: Array<RecordFile & { file: string }> = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const kinds = kindsOf(loadArchiveConfig(dir)).map((k) => k.name);
  for (const f of files) {
    const file = path.join(folder, f);
    try {
      const text = readFileSync(file, 'utf8');
      const record = parseRecord(text, file);
      if (!kinds.includes(record.data.kind)) {
        const line = text.split('\n').findIndex((l) => /^kind:/u.test(l)) + 1;
        problems.push(
          `${file}:${line || 2}: kind: 「${record.data.kind}」 is not a kind of this archive (${kinds.join(', ')}); correct it, or add it to ${path.join(dir, 'archive.yaml')} under kinds`,
        );
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
  if (problems.length > 0) throw new Error(`${problems.length} record problem(s):\n${problems.join('\n')}`);
  return out;
}

/**
 * Every clause set published on its own, under `<dir>/clauses/`, sorted by file name. Throws one
 * error listing every bad file, as loadRecords does.
 */
export function loadClauseSets(dir: string = contentDir()): Array<ClauseSetFile & { file: string }> {
  const folder = path.join(dir, 'clauses');
  if (!existsSync(folder)) return [];
  const out: Array<ClauseSetFile & { file: string }> = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const f of readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()) {
    const file = path.join(folder, f);
    try {
      const set = parseClauseSet(readFileSync(file, 'utf8'), file);
      const other = seen.get(set.data.id);
      if (other) {
        problems.push(`${file}:2: id ${set.data.id} is also used by ${other}; give one of them another id`);
        continue;
      }
      seen.set(set.data.id, file);
      out.push({ ...set, file });
    } catch (e) {
      if (!(e instanceof RecordError)) throw e;
      problems.push(e.message);
    }
  }
  if (problems.length > 0) throw new Error(`${problems.length} clause set problem(s):\n${problems.join('\n')}`);
  return out;
}
