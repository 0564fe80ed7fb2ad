/**
 * The archive's manifest, `data/archive.json`: what a portal needs to search this archive with
 * others (src/lib/portal/build-fs.ts, src/browser/search.ts): who publishes it, where, how many
 * filings, where its index and open data are, and which query side can read its index.
 *
 * An index can be searched only by the code that cut its text: a portal cuts a query once and
 * runs it on every archive, so every archive must have been indexed with the same tokens
 * (SEARCH_FORMAT) by the same Pagefind (its index format). `incompatibility` says why not.
 */
import { z } from 'zod';

/** The manifest's own format. */
export const MANIFEST_FORMAT = 'council-archive-manifest/1';

/**
 * Bounds on what a manifest may hold: a portal reads manifests of archives it does not control,
 * and one with a huge name or thousands of kinds would make every portal page that big.
 */
const NAME = z.string().min(1).max(200);
const SHORT = z.string().max(200);
const ADDRESS = z.string().max(2000);

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  municipality: NAME,
  council: NAME,
  title: NAME,
  /** The archive's address, ending in `/`: the site URL with the base path. */
  site: z.url().max(2000),
  /** The base path the archive was built for: `/archive/`. */
  base: ADDRESS.startsWith('/'),
  /** When the archive was built (ISO). */
  built: SHORT,
  counts: z.object({
    filings: z.number().int().nonnegative(),
    contractors: z.number().int().nonnegative(),
    items: z.number().int().nonnegative(),
    clauseVersions: z.number().int().nonnegative(),
  }),
  /** The kinds of filing it has (the search's "every filing" filter). */
  kinds: z.array(z.string().max(50)).max(50),
  search: z.object({
    format: SHORT,
    pagefind: SHORT,
    /** The index folder, relative to `site`. */
    bundle: ADDRESS,
    streams: z.record(SHORT, ADDRESS).refine((r) => Object.keys(r).length <= 20, 'at most 20 search streams'),
    shards: z.number().int().positive().max(64),
  }),
  /** Open data, relative to `site`. */
  data: z.object({ filings: ADDRESS, csv: ADDRESS, clauseVersions: ADDRESS, contractors: ADDRESS }),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** What a query side can read: its search format and its Pagefind. */
export interface QuerySide {
  format: string;
  pagefind: string;
}

/**
 * Why a query side cannot search an archive's index consistently, or undefined when it can.
 * Said so that the reader knows which side to rebuild.
 */
export function incompatibility(m: Pick<Manifest, 'search' | 'title'>, ours: QuerySide): string | undefined {
  const theirs = `its index was written with ${m.search.format} by Pagefind ${m.search.pagefind}`;
  const mine = `this portal queries ${ours.format} with Pagefind ${ours.pagefind}`;
  if (m.search.format !== ours.format || m.search.pagefind !== ours.pagefind)
    return `${theirs}, ${mine}: a query would be cut differently from its text, so its results would be wrong. Rebuild the archive with the council archive this portal is built from (or build the portal with the archive's version).`;
  return undefined;
}

/** The manifest's JSON, with the problems of a file that is not one, each with its path. */
export function parseManifest(text: string): { manifest?: Manifest; problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { problems: [`not JSON (${(e as Error).message})`] };
  }
  const r = manifestSchema.safeParse(value);
  if (r.success) return { manifest: r.data, problems: [] };
  return { problems: r.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`) };
}
