/**
 * `npm run build` never leaves a broken dist/: it builds beside it and swaps only on success.
 * A registry that does not parse fails the build; the last good dist/ stays as it was.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVE } from '../support/archive.ts';

function build(content: string, dist: string): { status: number | null; output: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|VITEST.*|TEST)$/u.test(k)));
  const r = spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts'], {
    env: {
      ...env,
      ARCHIVE_CONTENT_DIR: content,
      ARCHIVE_DIST: dist,
      ARCHIVE_CACHE_DIR: path.join(path.dirname(dist), 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('npm run build', () => {
  it('puts a new build in dist/ only when every step succeeded; a failure leaves the last good one', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-swap-'));
    const content = path.join(work, 'content');
    cpSync(ARCHIVE, content, { recursive: true });
    const dist = path.join(work, 'dist');
    mkdirSync(dist);
    writeFileSync(path.join(dist, 'index.html'), 'the last good build');
    // A registry that is not YAML: the Astro build fails after the records were read.
    writeFileSync(path.join(content, 'registry', 'contractors.yaml'), 'contractors:\n  - name: [unclosed\n');
    const failed = build(content, dist);
    expect(failed.status).toBe(1);
    expect(failed.output).toMatch(/dist\/ is unchanged: it still holds the last good build/u);
    expect(failed.output).toMatch(/error: .*contractors\.yaml:2: YAML: /u);
    expect(readdirSync(dist)).toEqual(['index.html']);
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('the last good build');
    expect(readdirSync(work).filter((f) => /\.(building|previous)-/u.test(f))).toEqual([]);
    // Mended, the build replaces dist/ whole.
    cpSync(path.join(ARCHIVE, 'registry'), path.join(content, 'registry'), { recursive: true });
    const ok = build(content, dist);
    expect(ok.status, ok.output).toBe(0);
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toMatch(/<html/u);
    expect(existsSync(path.join(dist, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    expect(readdirSync(work).filter((f) => /\.(building|previous)-/u.test(f))).toEqual([]);
  }, 300_000);

  it('puts back a dist/ that an interrupted build left missing, and removes what interrupted builds left', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-recover-'));
    const content = path.join(work, 'content');
    cpSync(ARCHIVE, content, { recursive: true });
    // Killed between its two renames: no dist/, the last good build as dist.previous-<pid>.
    const previous = path.join(work, 'dist.previous-999999998');
    mkdirSync(previous);
    writeFileSync(path.join(previous, 'index.html'), 'the last good build');
    mkdirSync(path.join(work, 'dist.building-999999997'));
    // A content error stops this build early: the recovery has happened before it.
    writeFileSync(path.join(content, 'registry', 'contractors.yaml'), 'contractors:\n  - name: [unclosed\n');
    const dist = path.join(work, 'dist');
    const r = build(content, dist);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/was missing after an interrupted build: the last good build is back in place/u);
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('the last good build');
    expect(readdirSync(work).filter((f) => /\.(building|previous)-/u.test(f))).toEqual([]);
  }, 300_000);

  const shm = '/dev/shm';
  const otherFs = existsSync(shm) && statSync(shm).dev !== statSync(process.cwd()).dev;
  it.runIf(otherFs)(
    'builds into a dist/ on another filesystem (/dev/shm here)',
    () => {
      const work = mkdtempSync(path.join(shm, 'archive-exdev-'));
      try {
        const dist = path.join(work, 'dist');
        const r = build(ARCHIVE, dist);
        expect(r.status, r.output).toBe(0);
        expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toMatch(/<html/u);
        expect(existsSync(path.join(dist, 'pagefind', 'pagefind-entry.json'))).toBe(true);
        expect(readdirSync(work).filter((f) => /\.(building|previous)-/u.test(f))).toEqual([]);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
