/**
 * A persistent cache of the reading pairs of each line of text (src/lib/search/readings.ts): kuromoji
 * reads about 100,000 characters a second here, so reading every filing at every build would add
 * minutes at 10,000 filings; a line read once is not read again, in this build (filings share
 * many lines) or the next. Keyed by the SHA-1 of the line; dropped when the code that reads
 * changes (its source and the lockfile, which pins kuromoji's dictionary). Lives beside the
 * split cache (src/lib/search/indexer/split-cache.ts); deleting it only costs time.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readingPairs } from '../readings.ts';
import type { Tokenizer } from '../../core/tokenizer-fs.ts';
import { defaultCacheDir } from './split-cache.ts';

type Pairs = Array<[string, string]>;

interface CacheFile {
  version: string;
  lines: Record<string, Pairs>;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

function codeVersion(): string {
  const h = createHash('sha256');
  for (const f of ['src/lib/search/readings.ts', 'package-lock.json']) {
    const file = path.join(root, f);
    h.update(f).update(existsSync(file) ? readFileSync(file) : '');
  }
  return h.digest('hex').slice(0, 16);
}

export class ReadingCache {
  readonly file: string;
  private readonly version = codeVersion();
  private lines: Record<string, Pairs> = {};
  private readonly used = new Map<string, Pairs>();
  private fresh = 0;

  constructor(dir: string = defaultCacheDir(), warn: (message: string) => void = console.warn) {
    this.file = path.join(dir, 'search-readings.json');
    if (!existsSync(this.file)) return;
    try {
      const read = JSON.parse(readFileSync(this.file, 'utf8')) as CacheFile;
      if (read.version === this.version && typeof read.lines === 'object') this.lines = read.lines;
    } catch (e) {
      warn(`${this.file}: unreadable reading cache (${(e as Error).message}); it is rebuilt`);
    }
  }

  /** The reading pairs of a text, line by line, each line read at most once. */
  pairs(text: string, tokenizer: Tokenizer): Pairs {
    const out: Pairs = [];
    for (const line of text.split('\n')) {
      if (!/[\p{Script=Han}\p{Script=Katakana}]/u.test(line)) continue;
      const key = createHash('sha1').update(line).digest('base64url').slice(0, 20);
      let pairs = this.used.get(key) ?? this.lines[key];
      if (!pairs) {
        pairs = readingPairs(tokenizer.tokenize(line));
        this.fresh++;
      }
      this.used.set(key, pairs);
      for (const p of pairs) out.push(p);
    }
    return out;
  }

  /** Write back the lines of this run (atomically), when anything was read anew or dropped. */
  save(): void {
    if (this.fresh === 0 && this.used.size === Object.keys(this.lines).length) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: this.version, lines: Object.fromEntries(this.used) } satisfies CacheFile));
    renameSync(tmp, this.file);
  }
}
