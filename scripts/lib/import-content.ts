/**
 * What an import finds before it writes: the files under the paths given, and the records
 * already in the content folder by the SHA-256 of their original (with the subject, section and
 * date the importer last read, which a corrected original is matched on).
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { distance } from '../../src/lib/record/record.ts';
import { BASE_FOLDER, fieldsOf } from './import-store.ts';

/** Files under the paths, each once: folders are walked by their real paths, so symbolic-link loops end. */
export async function collect(p: string, into: string[], problems: string[], seen: Set<string>): Promise<void> {
  let s;
  let real: string;
  try {
    s = await stat(p);
    real = await realpath(p);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    problems.push(
      code === 'ENOENT'
        ? `${p}: no such file or folder`
        : `${p}: cannot be read (${code ?? (cause as Error).message}); check its permissions`,
    );
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  if (s.isDirectory()) {
    let entries: string[];
    try {
      entries = (await readdir(p)).filter((e) => !e.startsWith('.')).sort();
    } catch (cause) {
      problems.push(
        `${p}: the folder cannot be read (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}); check its permissions`,
      );
      return;
    }
    for (const e of entries) await collect(path.join(p, e), into, problems, seen);
  } else if (s.isFile()) {
    into.push(p);
  }
}

/** Records already in the content folder, by the SHA-256 of their original. */
export interface Existing {
  file: string;
  id: string;
  title?: string;
  section?: string;
  date?: string;
  /** The file is kept as a copy of this record's original (the same document in another format). */
  copy?: boolean;
}

/** Records already in the content folder, by the SHA-256 of their original and of its copies. */
export async function existingBySource(out: string): Promise<Map<string, Existing>> {
  const map = new Map<string, Existing>();
  for (const folder of ['filings', 'clauses']) {
    const dir = path.join(out, folder);
    if (!existsSync(dir)) continue;
    for (const f of (await readdir(dir)).filter((x) => /\.md$/iu.test(x)).sort()) {
      const file = path.join(dir, f);
      try {
        // The subject, section and date the importer last read (its base), else the record's:
        // what a corrected original is matched on, whatever staff have corrected since.
        const base = path.join(out, BASE_FOLDER, folder, f);
        const record = frontmatterOf(await readFile(file, 'utf8'));
        const read = existsSync(base) ? (frontmatterOf(await readFile(base, 'utf8')) ?? record) : record;
        const sha = record?.source?.sha256;
        const text = (x: unknown): string | undefined =>
          typeof x === 'string' ? x : x instanceof Date ? x.toISOString().slice(0, 10) : undefined;
        if (typeof sha === 'string' && typeof record?.id === 'string' && !map.has(sha)) {
          const found: Existing = { file, id: record.id };
          const title = text(read?.title);
          const section = text(read?.department?.section);
          const date = text(read?.date);
          if (title) found.title = title;
          if (section) found.section = section;
          if (date) found.date = date;
          map.set(sha, found);
          for (const c of record.source?.copies ?? [])
            if (typeof c?.sha256 === 'string' && !map.has(c.sha256)) map.set(c.sha256, { ...found, copy: true });
        }
      } catch {
        // A record that cannot be read is the content checker's to report, not the importer's.
      }
    }
  }
  return map;
}

/**
 * The record a corrected original corrects: a filing of the same section and date whose subject
 * differs by a few characters (a typo fixed), the nearest if several.
 */
export function correctedOriginalOf(records: Existing[], title: string, section: string, date: string): Existing | undefined {
  const limit = Math.max(2, Math.floor([...title].length / 10));
  let best: { e: Existing; d: number } | undefined;
  for (const e of records) {
    if (!e.title || e.section !== section || e.date !== date || !e.file.includes(`${path.sep}filings${path.sep}`)) continue;
    const d = distance(e.title, title);
    if (d <= limit && (!best || d < best.d)) best = { e, d };
  }
  return best?.e;
}

/** The frontmatter of a record file's text, loosely read (the content checker reports what is wrong). */
function frontmatterOf(text: string): {
  id?: unknown;
  title?: unknown;
  date?: unknown;
  department?: { section?: unknown };
  source?: { sha256?: unknown; copies?: Array<{ sha256?: unknown } | null> };
} | null {
  const fields = fieldsOf(text);
  return typeof fields === 'string' ? null : fields.data;
}
