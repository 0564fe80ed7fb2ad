/** Build the site into a temporary folder for tests (one build per content/base pair per run). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSearchIndex } from '../../src/lib/search/indexer/indexer.ts';
import { ARCHIVE } from './archive.ts';

const cache = new Map<string, Promise<string>>();

/** Build as `npm run build` does (astro build, then the search index); returns the output folder. */
export function buildSite(options: { contentDir?: string; base?: string; fresh?: string } = {}): Promise<string> {
  const key = `${options.contentDir ?? ''}|${options.base ?? ''}|${options.fresh ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const pending = build(options);
  cache.set(key, pending);
  return pending;
}

async function build(options: { contentDir?: string; base?: string }): Promise<string> {
  const work = mkdtempSync(path.join(tmpdir(), 'archive-build-'));
  const outDir = path.join(work, 'dist');
  // Run from the build's own folder, the project named by --root: Astro puts its prerender
  // chunks in <cwd>/.astro/ when the output folder is outside the working directory, and builds
  // running at once (test files do) would delete each other's. The chunks import the project's
  // packages, which they find through a link to its node_modules/.
  symlinkSync(path.resolve('node_modules'), path.join(work, 'node_modules'), 'dir');
  const result = spawnSync(
    process.execPath,
    [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--root', process.cwd(), '--outDir', outDir, '--silent'],
    {
      cwd: work,
      env: {
        ...cleanEnv(),
        ARCHIVE_CONTENT_DIR: path.resolve(options.contentDir ?? ARCHIVE),
        ARCHIVE_BASE: options.base ?? '/',
        ARCHIVE_CACHE_DIR: path.join(work, 'cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  // What the build printed (its warnings), beside the output: buildLog(dist).
  writeFileSync(path.join(work, 'build.log'), `${result.stdout}${result.stderr}`);
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`astro build failed (${result.status}):\n${result.stderr || result.stdout}`);
  await buildSearchIndex({ dist: outDir, content: path.resolve(options.contentDir ?? ARCHIVE), base: options.base ?? '/' });
  return outDir;
}

/**
 * The environment without what vitest adds: it puts import.meta.env values (BASE_URL, MODE…) into
 * process.env, and Astro would take BASE_URL from there over its own base.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|VITEST.*|TEST)$/u.test(key)));
}

/** What the build of `dist` (from buildSite) printed: its warnings name missing originals and the like. */
export function buildLog(dist: string): string {
  return readFileSync(path.join(path.dirname(dist), 'build.log'), 'utf8');
}
