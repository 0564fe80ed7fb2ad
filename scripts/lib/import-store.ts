/**
 * How an import writes a content folder without losing anything: whole files or none (a
 * temporary file renamed into place), one import at a time (the folder's lock), and each record
 * merged with staff corrections over the base the importer last wrote (`.import/`).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
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
    return { ...merged, text: serializeIn(folder, merged.data, merged.body) };
  } catch (e) {
    return `the merged record is not valid (${(e as Error).message.split('\n')[0] ?? ''}); correct the record (npm run check-content) and import again`;
  }
}

/** A record's text from loosely read fields, as its folder's schema writes it (throws when they do not fit it). */
function serializeIn(folder: 'filings' | 'clauses', data: Record<string, unknown>, body: string): string {
  return folder === 'clauses'
    ? serializeClauseSet(data as unknown as ClauseSetInput, body)
    : serializeRecord(data as unknown as FilingInput, body);
}

/** Keep an original in the content folder: written whole unless the same bytes are there already. */
export async function keepOriginal(original: string, bytes: Uint8Array, sha256: string): Promise<void> {
  await ensureDir(path.dirname(original));
  if (!existsSync(original) || (await stat(original)).size !== bytes.length || sha256Of(await readFile(original)) !== sha256)
    await writeAtomic(original, bytes);
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
    await writeAtomic(output, serializeIn(folder, data, fields.body));
  } catch (e) {
    return `${output}: the copy could not be added (${(e as Error).message.split('\n')[0] ?? ''}); correct the record (npm run check-content) and import again`;
  }
  return undefined;
}
