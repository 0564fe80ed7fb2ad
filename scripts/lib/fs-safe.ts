/**
 * Making folders without `mkdir({ recursive: true })`: Node's recursive mkdir never returns under
 * a folder that refuses new entries with ENOENT, such as /proc (it retries the parent, which
 * exists, then the child again, for ever). Here each missing folder is made once, from the nearest
 * one that exists, and any refusal is an error naming the folder.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Make `dir` and its missing parents; throws an Error that names the folder and what to do. */
export async function ensureDir(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    try {
      const s = await stat(at);
      if (!s.isDirectory()) throw new Error(`${at} is a file, not a folder; choose another folder`);
      break;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
      missing.unshift(at);
      const parent = path.dirname(at);
      if (parent === at) break;
      at = parent;
    }
  }
  for (const d of missing) {
    try {
      await mkdir(d);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      throw new Error(`${d} cannot be made (${code ?? (cause as Error).message}); choose a folder you can write to`, { cause });
    }
  }
}

export { processAlive } from '../../src/lib/publish/swap-fs.ts';
