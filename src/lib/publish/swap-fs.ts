/**
 * Putting a freshly built site folder in place of the live one, for the archive's build and the
 * portal's alike: the new build is made beside the live folder (`<dist>.building-<pid>`), then
 * two renames in one folder swap them, so the live folder is the old build or the new one, never
 * a part. A build killed between the renames leaves the live folder missing; the next build puts
 * the last good one back (`recoverInterrupted`) and removes what builds no longer running left.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** Whether a process (the holder of a lock, the builder of a folder) is still running. */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The folders of one build: the live one, the new build beside it, and the old one during the swap. */
export interface SwapFolders {
  final: string;
  building: string;
  previous: string;
}

export function swapFolders(final: string): SwapFolders {
  const live = path.resolve(final);
  return { final: live, building: `${live}.building-${process.pid}`, previous: `${live}.previous-${process.pid}` };
}

/**
 * What an interrupted build left: a live folder that is missing is put back from the newest
 * previous build (and `say` tells), and the folders of builds no longer running are removed.
 */
export function recoverInterrupted(final: string, say: (message: string) => void): void {
  const live = path.resolve(final);
  const dir = path.dirname(live);
  if (!existsSync(dir)) return;
  const base = path.basename(live);
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\.(building|previous)-(\\d+)$`, 'u');
  const left = readdirSync(dir)
    .map((name) => ({ name, m: pattern.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null && !processAlive(Number(x.m[2])));
  const newest = left
    .filter((x) => x.m[1] === 'previous')
    .sort((a, b) => statSync(path.join(dir, b.name)).mtimeMs - statSync(path.join(dir, a.name)).mtimeMs)[0];
  if (!existsSync(live) && newest) {
    renameSync(path.join(dir, newest.name), live);
    say(`${live}/ was missing after an interrupted build: the last good build is back in place`);
  }
  for (const x of left) rmSync(path.join(dir, x.name), { recursive: true, force: true });
}

/** Swap the new build into place; on failure the old build is put back and the error thrown. */
export function putInPlace({ final, building, previous }: SwapFolders): void {
  try {
    if (existsSync(final)) renameSync(final, previous);
    renameSync(building, final);
  } catch (e) {
    if (!existsSync(final) && existsSync(previous)) renameSync(previous, final);
    throw e;
  }
  rmSync(previous, { recursive: true, force: true });
}
