/**
 * A persistent cache of splitBody (src/lib/search/indexer/records.ts): parsing the Markdown of a
 * filing is most of the indexer's own work, and a
 * body that has not changed splits the same way. Keyed by the SHA-256 of the body; the whole
 * cache is dropped when the code that splits changes (a hash of its source files and the
 * lockfile). The 特記事項 text is kept once per distinct set, as the index keeps it.
 *
 * The cache lives in ARCHIVE_CACHE_DIR (Astro's cacheDir too) or node_modules/.cache; deleting
 * it only costs time. A damaged cache file is reported and ignored.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clauseSetId, splitBody, splitBodyUnder } from './records.ts';

interface CacheFile {
  version: string;
  /** Body hash → its own text and its clause set id ('' for none). */
  bodies: Record<string, [own: string, set: string]>;
  /** Clause set id → its text. */
  sets: Record<string, string>;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** What the split depends on: its source and the parser versions pinned by the lockfile. */
function codeVersion(): string {
  const h = createHash('sha256');
  for (const f of ['src/lib/search/indexer/records.ts', 'src/lib/clauses/extract.ts', 'package-lock.json']) {
    const file = path.join(root, f);
    h.update(f).update(existsSync(file) ? readFileSync(file) : '');
  }
  return h.digest('hex').slice(0, 16);
}

export function defaultCacheDir(): string {
  return path.resolve(process.env['ARCHIVE_CACHE_DIR'] ?? path.join(root, 'node_modules/.cache/council-archive'));
}

export class SplitCache {
  readonly file: string;
  private readonly version = codeVersion();
  private data: CacheFile;
  private readonly used = new Set<string>();
  /** Bodies split in this run (not found in the cache). */
  private readonly fresh = new Set<string>();

  constructor(dir: string = defaultCacheDir(), warn: (message: string) => void = console.warn) {
    this.file = path.join(dir, 'search-split.json');
    this.data = { version: this.version, bodies: {}, sets: {} };
    if (!existsSync(this.file)) return;
    try {
      const read = JSON.parse(readFileSync(this.file, 'utf8')) as CacheFile;
      if (read.version === this.version && typeof read.bodies === 'object' && typeof read.sets === 'object') this.data = read;
    } catch (e) {
      warn(`${this.file}: unreadable search cache (${(e as Error).message}); it is rebuilt`);
    }
  }

  /** splitBody, from the cache when the body was split before. */
  split: typeof splitBody = (markdown) => this.splitUnder(markdown);

  /** splitBodyUnder (a record's clause_section names its 特記事項 heading), from the cache likewise. */
  splitUnder: typeof splitBodyUnder = (markdown, clauseHeading) => {
    // The heading is part of the key: the same body splits otherwise under another heading.
    const key = createHash('sha256')
      .update(clauseHeading === undefined ? '' : `${clauseHeading}\u0000`)
      .update(markdown)
      .digest('hex');
    this.used.add(key);
    const hit = this.data.bodies[key];
    const clauses = hit ? (hit[1] === '' ? '' : this.data.sets[hit[1]]) : undefined;
    if (hit && clauses !== undefined) return { own: hit[0], clauses };
    this.fresh.add(key);
    const out = splitBodyUnder(markdown, clauseHeading);
    const set = out.clauses === '' ? '' : clauseSetId(out.clauses);
    this.data.bodies[key] = [out.own, set];
    if (set) this.data.sets[set] = out.clauses;
    return out;
  };

  /** How many of the bodies asked for came from the cache. */
  get reused(): number {
    return this.used.size - this.fresh.size;
  }

  /** Write the cache back, keeping only the bodies of this run (atomic: a new file renamed over the old). */
  save(): void {
    const bodies: CacheFile['bodies'] = {};
    const sets: CacheFile['sets'] = {};
    for (const key of this.used) {
      const entry = this.data.bodies[key];
      if (!entry) continue;
      bodies[key] = entry;
      if (entry[1] !== '') sets[entry[1]] = this.data.sets[entry[1]] ?? '';
    }
    if (this.fresh.size === 0 && Object.keys(bodies).length === Object.keys(this.data.bodies).length) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: this.version, bodies, sets } satisfies CacheFile));
    renameSync(tmp, this.file);
  }
}
