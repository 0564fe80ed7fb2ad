/** The swap both builds use (the archive's and the portal's): whole builds in place, and what an interrupted one left put right. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processAlive, putInPlace, recoverInterrupted, swapFolders } from '../../src/lib/publish/swap-fs.ts';

/** A pid no process has (the kernel's limit is below it). */
const GONE = 4_194_305;

function site(dir: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), text);
  return dir;
}

describe('the build swap', () => {
  it('puts back the live folder an interrupted build left missing, and removes only dead builds’ folders', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'archive-swap-'));
    const live = path.join(root, 'dist');
    expect(processAlive(GONE)).toBe(false);
    site(`${live}.previous-${GONE}`, 'last good');
    site(`${live}.building-${GONE - 1}`, 'half');
    site(`${live}.building-${process.pid}`, 'running');
    const said: string[] = [];
    recoverInterrupted(live, (m) => said.push(m));
    expect(readFileSync(path.join(live, 'index.html'), 'utf8')).toBe('last good');
    expect(said.join('\n')).toMatch(/was missing after an interrupted build: the last good build is back in place/u);
    expect(readdirSync(root).sort()).toEqual(['dist', `dist.building-${process.pid}`]);
  });

  it('swaps a new build in whole, and on failure leaves the old one', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'archive-swap-'));
    const folders = swapFolders(path.join(root, 'dist'));
    site(folders.final, 'old');
    site(folders.building, 'new');
    putInPlace(folders);
    expect(readFileSync(path.join(folders.final, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(folders.previous)).toBe(false);
    // No new build to put in place: the rename fails and the live folder stays.
    expect(() => putInPlace(folders)).toThrow();
    expect(readFileSync(path.join(folders.final, 'index.html'), 'utf8')).toBe('new');
  });
});
