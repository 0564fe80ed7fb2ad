/**
 * How an import writes a content folder without losing anything: whole files or none (a
 * temporary file renamed into place), one import at a time (the folder's lock), and each record
 * merged with staff corrections over the base the importer last wrote (`.import/`).
 */
import { createHash } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { mergeRecord, type Merged, type RecordFields } from '../../src/lib/import/merge.ts';
import { serializeClauseSet, serializeRecord } from '../../src/lib/record/record.ts';
import type { ClauseSetInput, FilingInput } from '../../src/lib/record/schema.ts';
import { ensureDir, processAlive } from './fs-safe.ts';

/** The folder, inside the content folder, where the importer keeps what it last wrote for each record. */
export const BASE_FOLDER = '.import';

export const sha256Of = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** A record file's text as fields (frontmatter and body), or why it cannot be read. */
export function fieldsOf(text: string): RecordFields | string {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/u.exec(text);
  if (!m) return 'has no frontmatter between --- lines';
  try {
    const data = parseYaml(m[1] ?? '') as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data)) return 'its frontmatter is not a mapping';
    return { data: data as Record<string, unknown>, body: (m[2] ?? '').replace(/^(\r?\n)+/u, '').replace(/\n*$/u, '\n') };
  } catch (e) {
    return `its frontmatter is not YAML (${(e as Error).message.split('\n')[0] ?? ''})`;
  }
}

/** The record merged with today's import over the last import; a string says why it could not be. */
export function mergeInto(
  current: string,
  base: string | undefined,
  incoming: string,
  folder: 'filings' | 'clauses',
  take: 'source' | 'record' | undefined,
): (Merged & { text: string }) | string {
  if (current === incoming) return { data: {}, body: '', conflicts: [], kept: [], taken: [], text: incoming };
  const c = fieldsOf(current);
  if (typeof c === 'string') return `${c}; correct the record first (npm run check-content) and import again`;
  const n = fieldsOf(incoming);
  if (typeof n === 'string') throw new Error(`the importer wrote a record it cannot read back (${n}); this is an importer bug`);
  const b = base === undefined ? undefined : fieldsOf(base);
  const merged = mergeRecord(typeof b === 'string' ? undefined : b, c, n, take);
  if (merged.conflicts.length > 0) return { ...merged, text: current };
  try {
    const text =
      folder === 'clauses'
        ? serializeClauseSet(merged.data as unknown as ClauseSetInput, merged.body)
        : serializeRecord(merged.data as unknown as FilingInput, merged.body);
    return { ...merged, text };
  } catch (e) {
    return `the merged record is not valid (${(e as Error).message.split('\n')[0] ?? ''}); correct the record (npm run check-content) and import again`;
  }
}

/** Write a file whole or not at all: a temporary file beside it, renamed into place. */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await writeFile(tmp, data, { flag: 'wx' });
    await rename(tmp, file);
  } catch (cause) {
    await unlink(tmp).catch(() => undefined);
    throw cause;
  }
}

/**
 * Take the content folder's import lock (`.import.lock`, holding the process id); a lock left by
 * a process that is gone is taken over. Returns the release, or why the folder is busy.
 */
export async function takeLock(out: string): Promise<(() => Promise<void>) | string> {
  const file = path.join(out, '.import.lock');
  try {
    await ensureDir(out);
  } catch (e) {
    return (e as Error).message;
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return async () => {
        await unlink(file).catch(() => undefined);
      };
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST')
        return `${file}: cannot be made (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message})`;
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && processAlive(pid))
        return `another import (process ${pid}) is writing to ${out}; wait for it to end, or remove ${file} if no import is running`;
      await unlink(file).catch(() => undefined);
    }
  }
  return `${file}: could not be taken; remove it if no import is running`;
}

/**
 * Add an original to a record's copies (the same document in another format or extraction): the
 * record is otherwise untouched. Returns why it could not be, or undefined.
 */
export async function addCopy(
  output: string,
  folder: 'filings' | 'clauses',
  copy: { file: string; sha256: string; size: number; type: string },
): Promise<string | undefined> {
  const fields = fieldsOf(await readFile(output, 'utf8'));
  if (typeof fields === 'string') return `${output}: ${fields}; correct the record first (npm run check-content) and import again`;
  const source = (fields.data['source'] ?? {}) as Record<string, unknown>;
  const copies = Array.isArray(source['copies']) ? (source['copies'] as Array<Record<string, unknown>>) : [];
  if (source['sha256'] === copy.sha256 || copies.some((c) => c['sha256'] === copy.sha256)) return undefined;
  const data = { ...fields.data, source: { ...source, copies: [...copies, copy] } };
  try {
    const text =
      folder === 'clauses'
        ? serializeClauseSet(data as unknown as ClauseSetInput, fields.body)
        : serializeRecord(data as unknown as FilingInput, fields.body);
    await writeAtomic(output, text);
  } catch (e) {
    return `${output}: the copy could not be added (${(e as Error).message.split('\n')[0] ?? ''}); correct the record (npm run check-content) and import again`;
  }
  return undefined;
}
