/** Build the site into a temporary folder for tests (one build per content/base pair per run). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const cache = new Map<string, string>();

/** Build with `astro build` in a child process; returns the output folder. */
export function buildSite(options: { contentDir?: string; base?: string } = {}): string {
  const key = `${options.contentDir ?? ''}|${options.base ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const work = mkdtempSync(path.join(tmpdir(), 'archive-build-'));
  const outDir = path.join(work, 'dist');
  execFileSync(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir, '--silent'], {
    env: {
      ...cleanEnv(),
      ARCHIVE_CONTENT_DIR: options.contentDir ?? 'content',
      ARCHIVE_BASE: options.base ?? '/',
      ARCHIVE_CACHE_DIR: path.join(work, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cache.set(key, outDir);
  return outDir;
}

/**
 * The environment without what vitest adds: it puts import.meta.env values (BASE_URL, MODE…) into
 * process.env, and Astro would take BASE_URL from there over its own base.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|VITEST.*|TEST)$/u.test(key)));
}
