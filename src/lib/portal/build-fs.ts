/**
 * `npm run portal`: a portal over separately built archives. Each archive is read from its
 * folder (dist/ of `npm run build`) or its address: its manifest (data/archive.json, checked:
 * an index of another search format or Pagefind is refused, with why) and its open data. The
 * portal's pages (src/portal) are built by Astro from what was read (src/lib/portal/view.ts);
 * its search page searches every archive's own index in the browser (src/browser/search.ts),
 * with the portal's own copy of Pagefind's code. Like `npm run build`, the portal is built
 * beside the output folder and put in its place only when every step has succeeded.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { z } from 'zod';
import { incompatibility, parseManifest, type Manifest } from '../publish/manifest.ts';
import { SEARCH_FORMAT } from '../search/format.ts';
import { isWebAddress, ownLink } from '../search/sources.ts';
import { pagefindVersion } from '../publish/pagefind-version-fs.ts';
import { putInPlace, recoverInterrupted, swapFolders } from '../publish/swap-fs.ts';
import { openCompanySchema, openFilingSchema, openVersionSchema, portalView, type PortalArchive, type PortalData } from './view.ts';
import { slugify } from '../core/slug.ts';
import { getTokenizer } from '../core/tokenizer-fs.ts';

export interface PortalOptions {
  /** Folders of built archives (`DIR`, or `DIR=https://…` when it was built without ARCHIVE_SITE) or their addresses. */
  archives: string[];
  out: string;
  /** The path the portal is served under. */
  base?: string;
  log?: (line: string) => void;
}

/** One archive as given on the command line: where to read its files, and the address it is published at. */
interface Located {
  given: string;
  read: (file: string) => Promise<string>;
  /** The address given, if any (else the manifest's). */
  site?: string;
}

/**
 * How much a portal reads of an archive's file: its manifest is small, its open data grows with
 * its filings (a large archive's filings.json is some tens of MB); a hostile archive's huge file
 * must not be read whole.
 */
export const PORTAL_READ_LIMITS = { manifest: 1024 * 1024, data: 96 * 1024 * 1024 };
const limitOf = (file: string): number => (file === 'data/archive.json' ? PORTAL_READ_LIMITS.manifest : PORTAL_READ_LIMITS.data);
const tooBig = (what: string, size: number, limit: number): string =>
  `${what} is ${(size / 1024 / 1024).toFixed(1)} MB, more than the ${(limit / 1024 / 1024).toFixed(0)} MB a portal reads of it: refused`;

/** A response's text, read no further than `limit` bytes (its Content-Length may be absent or false). */
async function readBounded(r: Response, limit: number, what: string): Promise<string> {
  const declared = Number(r.headers.get('content-length') ?? '0');
  if (declared > limit) {
    await r.body?.cancel();
    throw new Error(tooBig(what, declared, limit));
  }
  const reader = r.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new Error(tooBig(what, size, limit));
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function locate(given: string): Located {
  const withSlash = (u: string): string => (u.endsWith('/') ? u : `${u}/`);
  if (/^https?:\/\//u.test(given)) {
    const site = withSlash(given);
    return {
      given,
      site,
      read: async (file) => {
        const url = new URL(file, site).href;
        // An archive's files are on its own origin: a manifest cannot send the portal elsewhere.
        if (new URL(url).origin !== new URL(site).origin) throw new Error(`${given}: ${file} is not on the archive's own address: refused`);
        let r: Response;
        try {
          r = await fetch(url, { signal: AbortSignal.timeout(30_000) });
        } catch (e) {
          throw new Error(`${url}: no answer (${(e as Error).message})`, { cause: e });
        }
        if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
        return readBounded(r, limitOf(file), `${given}: ${file}`);
      },
    };
  }
  const m = /^(.*?)=(https?:\/\/.+)$/u.exec(given);
  const dir = path.resolve(m?.[1] ?? given);
  return {
    given,
    ...(m?.[2] ? { site: withSlash(m[2]) } : {}),
    read: async (file) => {
      const p = path.resolve(dir, file);
      // An archive's files are inside its folder (links followed): a manifest cannot make the
      // portal read and publish another file of this machine.
      const inside = (x: string, root: string): boolean => x === root || x.startsWith(`${root}${path.sep}`);
      if (!inside(p, dir)) throw new Error(`${given}: ${file} is outside the archive's folder: refused`);
      if (!existsSync(p)) throw new Error(`${p}: not found`);
      if (!inside(realpathSync(p), realpathSync(dir))) throw new Error(`${given}: ${file} leads outside the archive's folder: refused`);
      const size = statSync(p).size;
      if (size > limitOf(file)) throw new Error(tooBig(`${given}: ${file}`, size, limitOf(file)));
      return readFileSync(p, 'utf8');
    },
  };
}

/** A JSON file of an archive, checked against what the portal reads. */
async function readJson<T>(loc: Located, file: string, schema: z.ZodType<T>): Promise<T> {
  const text = await loc.read(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // Not the parser's message: it quotes the text, and the file may not be the archive's.
    throw new Error(`${loc.given}: ${file} is not JSON`, { cause: e });
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Error(`${loc.given}: ${file}: ${i?.path.join('.') ?? ''}: ${i?.message ?? 'not as expected'}`);
  }
  return r.data;
}

/** Read every archive; problems name the archive and say what to do. */
export async function readArchives(
  given: string[],
  ours = { format: SEARCH_FORMAT, pagefind: pagefindVersion() },
): Promise<{ archives: PortalArchive[]; problems: string[]; refused: PortalData['refused'] }> {
  const archives: PortalArchive[] = [];
  const problems: string[] = [];
  const refused: PortalData['refused'] = [];
  const sites = new Set<string>();
  for (const g of given) {
    const loc = locate(g);
    let manifest: Manifest | undefined;
    try {
      const parsed = parseManifest(await loc.read('data/archive.json'));
      if (!parsed.manifest) {
        problems.push(
          `${g}: data/archive.json is not an archive manifest (${parsed.problems.join('; ')}); rebuild the archive with npm run build`,
        );
        continue;
      }
      manifest = parsed.manifest;
    } catch (e) {
      problems.push(
        `${(e as Error).message}: give the folder of a built archive (its dist/, with data/archive.json) or the address it is published at`,
      );
      continue;
    }
    const site = loc.site ?? manifest.site;
    if (!isWebAddress(site)) {
      problems.push(
        `${g}: its manifest gives ${JSON.stringify(site.slice(0, 200))} as its address, which is not an http(s) address: refused`,
      );
      continue;
    }
    if (!loc.site && new URL(site).hostname === 'example.invalid') {
      problems.push(
        `${g}: the archive was built without ARCHIVE_SITE (its manifest says ${manifest.site}), so the portal cannot link to it: rebuild it with ARCHIVE_SITE=<its address>, or give its address as ${g}=https://…`,
      );
      continue;
    }
    if (sites.has(site)) {
      problems.push(`${g}: ${site} is given twice; it is searched once`);
      continue;
    }
    // Its index is its own: under its address. A manifest pointing at another archive's index
    // (another host, or ../other/ on the same one) would show that archive's results as its own.
    const bundle = new URL(manifest.search.bundle, site).href;
    if (!bundle.startsWith(site)) {
      problems.push(`${g}: its manifest points its search index at ${bundle.slice(0, 200)}, outside the archive (${site}): refused`);
      continue;
    }
    const why = incompatibility(manifest, ours);
    if (why) {
      problems.push(`${g} (${manifest.title}): refused: ${why}`);
      refused.push({ archive: manifest.title, why: `索引の形式 ${manifest.search.format}・Pagefind ${manifest.search.pagefind}` });
      continue;
    }
    try {
      const [filings, companies, versions] = await Promise.all([
        readJson(loc, manifest.data.filings, z.array(openFilingSchema)),
        readJson(loc, manifest.data.contractors, z.array(openCompanySchema)),
        readJson(loc, manifest.data.clauseVersions, z.array(openVersionSchema)),
      ]);
      // An archive given at another address than it was built for (moved, or built without
      // ARCHIVE_SITE): its open data's links are moved with it.
      const moved = (u: string): string => (u.startsWith(manifest.site) ? `${site}${u.slice(manifest.site.length)}` : u);
      sites.add(site);
      archives.push({
        key: `a${archives.length}`,
        manifest,
        site,
        // Every link from its data stays on its own origin, http(s) only (ownLink).
        filings: filings.map((f) => ({ ...f, url: ownLink(moved(f.url), site) })),
        companies: companies.map((c) => ({ ...c, url: ownLink(moved(c.url), site) })),
        versions,
      });
    } catch (e) {
      problems.push(`${(e as Error).message}; rebuild the archive with npm run build`);
    }
  }
  return { archives, problems, refused };
}

/** An archive's name on the portal: its municipality, with its host when another archive has the same name. */
function labelOf(a: PortalArchive, all: PortalArchive[]): string {
  const same = all.filter((x) => x.manifest.municipality === a.manifest.municipality);
  if (same.length < 2) return a.manifest.municipality;
  const host = new URL(a.site).host;
  const hosts = new Set(same.map((x) => new URL(x.site).host));
  return `${a.manifest.municipality}（${hosts.size === same.length ? host : `${host}${new URL(a.site).pathname}`}）`;
}

/** The portal's data for its pages. */
export async function portalData(archives: PortalArchive[], refused: PortalData['refused']): Promise<PortalData> {
  const tokenizer = await getTokenizer();
  return {
    view: portalView(archives, (text) => slugify(text, tokenizer)),
    sources: archives.map((a) => ({
      key: a.key,
      label: labelOf(a, archives),
      site: a.site,
      bundle: new URL(a.manifest.search.bundle, a.site).href,
      kinds: a.manifest.kinds,
    })),
    refused,
    search: { format: SEARCH_FORMAT, pagefind: pagefindVersion() },
  };
}

/**
 * Pagefind's search code (pagefind.js and its WebAssembly), written by Pagefind itself for an
 * index with no pages: the portal searches the archives' indexes with it, so no code of theirs runs.
 */
async function writePagefindCode(into: string): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'portal-pagefind-'));
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind did not start: ${errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: tmp });
    if (written.errors.length > 0) throw new Error(`Pagefind did not write its code: ${written.errors.join('; ')}`);
    mkdirSync(into, { recursive: true });
    for (const file of ['pagefind.js', 'wasm.unknown.pagefind']) copyFileSync(path.join(tmp, file), path.join(into, file));
  } finally {
    await pagefind.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Build the portal; resolves with the problems (each archive's), having built it over the archives that could be read. */
export async function buildPortal(options: PortalOptions): Promise<{ problems: string[]; archives: number }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const { archives, problems, refused } = await readArchives(options.archives);
  if (archives.length === 0) {
    problems.push('no archive could be read, so no portal was built');
    return { problems, archives: 0 };
  }
  const folders = swapFolders(options.out);
  const { final, building } = folders;
  // What an interrupted portal build left, as the archive's build does.
  recoverInterrupted(final, log);
  const dataFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'portal-data-')), 'portal.json');
  try {
    writeFileSync(dataFile, JSON.stringify(await portalData(archives, refused)));
    rmSync(building, { recursive: true, force: true });
    // From a folder of its own (the project named by --root), as tests/support/build-site.ts explains:
    // Astro's prerender chunks go to <cwd>/.astro/ for an output folder outside the working
    // directory, and find the project's packages there through a link to its node_modules/.
    symlinkSync(path.resolve('node_modules'), path.join(path.dirname(dataFile), 'node_modules'), 'dir');
    const astro = spawnSync(
      process.execPath,
      [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--root', process.cwd(), '--outDir', building],
      {
        cwd: path.dirname(dataFile),
        stdio: ['ignore', 'pipe', 'inherit'],
        // Its own Astro cache, so that building a portal and an archive at once (tests do) share nothing.
        env: {
          ...process.env,
          ARCHIVE_PORTAL: dataFile,
          ARCHIVE_CACHE_DIR: path.join(path.dirname(dataFile), 'cache'),
          ...(options.base ? { ARCHIVE_BASE: options.base } : {}),
        },
        encoding: 'utf8',
      },
    );
    if (astro.status !== 0) throw new Error(`astro build of the portal exited with ${astro.status ?? astro.signal}:\n${astro.stdout}`);
    await writePagefindCode(path.join(building, 'pagefind'));
    putInPlace(folders);
    log(`portal: ${archives.length} archive(s) (${archives.map((a) => a.manifest.municipality).join('、')}) into ${final}/`);
  } catch (e) {
    rmSync(building, { recursive: true, force: true });
    problems.push(`the portal could not be built: ${(e as Error).message}; ${final}/ is unchanged`);
  } finally {
    rmSync(path.dirname(dataFile), { recursive: true, force: true });
  }
  return { problems, archives: archives.length };
}
