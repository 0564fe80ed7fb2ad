/**
 * `npm run build`: the site and its search index, built into a fresh folder beside dist/ and put
 * in dist/'s place only when every step has succeeded. A failure at any step (a registry that
 * does not parse, a record the file system refuses, the indexer) leaves dist/ exactly as the last
 * good build left it, so a deploy that ignores the exit status still publishes a whole site.
 *
 * The content is checked first (src/lib/record/check-content-fs.ts): with errors, nothing is built.
 * ARCHIVE_DIST names the output folder (default dist/).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkContent, formatContentProblem } from '../src/lib/record/check-content-fs.ts';
import { contentDir } from '../src/lib/record/load-fs.ts';
import { hostingBase } from '../src/lib/publish/hosting.ts';
import { buildSearchIndex } from '../src/lib/search/indexer/indexer.ts';
import { putInPlace, recoverInterrupted, swapFolders } from '../src/lib/publish/swap-fs.ts';

const folders = swapFolders(process.env['ARCHIVE_DIST'] ?? 'dist');
const { final, building } = folders;
// Astro writes its output by renaming files from the project's .astro/, which fails across
// filesystems (EXDEV): for a dist/ on another one, the site is built on the project's filesystem
// and copied beside dist/ before the swap.
mkdirSync(path.dirname(final), { recursive: true });
const elsewhere = statSync(path.dirname(final)).dev !== statSync(process.cwd()).dev;
const astroOut = elsewhere ? path.resolve('node_modules', '.cache', 'council-archive', `dist.building-${process.pid}`) : building;

recoverInterrupted(final, (m) => console.warn(m));

function fail(message: string): never {
  rmSync(building, { recursive: true, force: true });
  rmSync(astroOut, { recursive: true, force: true });
  console.error(
    `build failed: ${message}\n${path.relative(process.cwd(), final) || final}/ is unchanged: it still holds the last good build.`,
  );
  process.exit(1);
}

// The content first: every problem at once, and no build of content that has errors.
const { problems } = checkContent(contentDir());
for (const p of problems) console.error(formatContentProblem(p));
if (problems.some((p) => p.level === 'error'))
  fail('the content has errors (listed above); `npm run check-content` checks it again without building');

rmSync(building, { recursive: true, force: true });
rmSync(astroOut, { recursive: true, force: true });
const astro = spawnSync(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', astroOut], {
  stdio: 'inherit',
});
if (astro.error) fail(`astro could not be started (${astro.error.message})`);
if (astro.status !== 0) fail(`astro build exited with ${astro.status ?? astro.signal}; its messages are above`);
try {
  const { records, out, cached, words } = await buildSearchIndex({ dist: astroOut, base: hostingBase() });
  console.log(
    `search: indexed ${records} filings (${cached} unchanged since the last build) into ${path.basename(out)}/; distinct words ${Object.entries(
      words,
    )
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}`,
  );
} catch (e) {
  fail(`the search index could not be written: ${(e as Error).message}`);
}
if (elsewhere) {
  try {
    cpSync(astroOut, building, { recursive: true });
  } catch (e) {
    fail(`the new build could not be copied to ${path.dirname(final)} (${(e as Error).message})`);
  }
  rmSync(astroOut, { recursive: true, force: true });
}
// The swap (src/lib/publish/swap-fs.ts): dist/ is the old build or the new one, never a part.
try {
  putInPlace(folders);
} catch (e) {
  fail(`the new build could not be put in place (${(e as Error).message})`);
}
console.log(`built ${path.relative(process.cwd(), final) || final}/`);
