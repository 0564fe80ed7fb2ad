/**
 * Pagefind's word index (the `index/*.pf_index` chunks and the word counts and chunk list of
 * `pagefind.*.pf_meta`), written here from the search tokens, in the files Pagefind 1.6 writes
 * and its browser side reads. Pagefind itself still writes everything else (fragments,
 * filters, page list, the search library): src/lib/search/indexer/indexer.ts.
 *
 * Why by hand: Pagefind builds a word index holding every (word, page) pair several times over
 * in Rust structures (each page's word map, then the merged map, then the chunks), and n-gram
 * tokens make about one pair per character of text: in a large archive it needed more memory
 * per token stream than the build may take (README, "Performance"). Its format is small and plain (gzip, a signature, CBOR arrays), and
 * the postings fit in a few typed arrays here: 16 bytes a pair and 4 bytes a position.
 *
 * Everything follows Pagefind's code (pagefind/src/index/mod.rs, fossick/mod.rs,
 * fossick/splitting.rs, read at the 1.5 line): which characters of a word it keeps, position
 * numbering, the weight marker, delta coding, chunking by posting count, chunk-name trimming and
 * file names; and where 1.6 differs from that code, its output (which diacritics it folds, how
 * variants count towards a chunk, katakana tails). tests/search/pagefind-words.test.ts holds the
 * chunks byte-identical to Pagefind 1.6's own on the seed and hostile archives and on random
 * texts cut by the search tokeniser, and the browser tests search the result with Pagefind's
 * own search library.
 *
 * One file: it is one file format, each part written against the part of Pagefind's source it
 * follows, and reviewed against a new Pagefind version as a whole (tests/search/pagefind-words.test.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * The Pagefind version whose files this module writes, checked by tests/search/pagefind-words.test.ts
 * (package.json pins it). Another version may read or write them differently.
 */
export const PAGEFIND_VERSION = '1.6.0';

/** Refuse an index Pagefind wrote in another version than the one this module follows. */
export function checkPagefindVersion(version: string, file: string): void {
  if (version !== PAGEFIND_VERSION)
    throw new Error(
      `${file}: Pagefind ${version} wrote this index, but the word index writer (src/lib/search/indexer/pagefind-words.ts) follows Pagefind ${PAGEFIND_VERSION}; run tests/search/pagefind-words.test.ts against the new version and update PAGEFIND_VERSION once it passes`,
    );
}

/** The signature at the start of every decompressed Pagefind file. */
export const SIGNATURE = 'pagefind_dcd';

/** Pagefind's default index chunk size (`index_chunk_size`: postings + pages per chunk). */
export const CHUNK_SIZE = 20_000;

/**
 * A page's positions start with a weight marker, -(weight) - 1; every word here has the default
 * weight, 1 × 24 (fossick/mod.rs `weight_multiplier`).
 */
const WEIGHT_MARKER = -25;

/** Characters Pagefind keeps in a word besides letters and digits (its `include_characters`). */
const INCLUDE_CHARACTERS = new Set(['_', '‿', '⁀', '⁔', '︳', '︴', '﹍', '﹎', '﹏', '＿']);

const ALPHANUMERIC = /^[\p{Alphabetic}\p{N}]$/u;
const UPPERCASE = /^\p{Uppercase}$/u;
const EMOJI = /\p{Emoji}/u;
const MARKS = /\p{M}+/gu;
const KATAKANA_WORD = /^[\p{Script=Katakana}\u30fc\uff70\uff9e\uff9f]{3,}$/u;
const VOICING = /[\u3099\u309a]/u;
const NOT_VOICING = /[^\u3099\u309a]/gu;

/**
 * The word Pagefind indexes for a whitespace-separated token of a record's content, and the
 * original form when folding diacritics changed it (Pagefind keeps those as variants); undefined
 * when it indexes nothing for the token (the token still takes a position). Pagefind would also
 * index parts of a token with punctuation or inner capitals, and emoji; search tokens have
 * neither (src/lib/search/tokens.ts), nor are they all katakana (below); such a token is refused
 * here rather than indexed differently from Pagefind.
 */
export function pagefindWord(token: string): { key: string; form?: string } | undefined {
  const raw = token.replaceAll('\u200b', '');
  let word = '';
  let compound = false;
  let first = true;
  for (const c of raw) {
    const alphanumeric = ALPHANUMERIC.test(c);
    if (!alphanumeric || (!first && UPPERCASE.test(c))) compound = true;
    if (alphanumeric || INCLUDE_CHARACTERS.has(c)) word += c.toLowerCase();
    first = false;
  }
  if (compound && (word !== '' || EMOJI.test(raw)))
    throw new Error(`search token "${token}": Pagefind would index parts of it, which this index writer does not do`);
  if (word === '') return undefined;
  // Pagefind 1.6 also indexes each tail of two or more characters of an all-katakana word
  // (コード gives ード too; found by testing its output). Search tokens of three characters or
  // more end in a shard letter, so they are never all katakana.
  if (KATAKANA_WORD.test(word))
    throw new Error(`search token "${token}": Pagefind would also index its katakana tails, which this index writer does not do`);
  // Pagefind folds diacritics off ASCII: decomposed, combining marks dropped but the kana voicing
  // marks, and recomposed only when one of those is there (Pagefind 1.6, found by testing its
  // output: が stays が, é becomes e, 한 becomes its jamo but not in 한が).
  // eslint-disable-next-line no-control-regex -- the ASCII range is the point
  if (/^[\x00-\x7f]*$/u.test(word)) return { key: word };
  let folded = word.normalize('NFD').replace(MARKS, (m) => m.replace(NOT_VOICING, ''));
  if (VOICING.test(folded)) folded = folded.normalize('NFC');
  return folded === word ? { key: word } : { key: folded, form: word };
}

/** Pagefind's (Rust's) string order: by code point, as UTF-8 bytes compare. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // UTF-16 puts surrogates (code points above U+FFFF) before U+E000–U+FFFF; code points don't.
      const fx = x >= 0xd800 ? (x >= 0xe000 ? x - 0x800 : x + 0x2000) : x;
      const fy = y >= 0xd800 ? (y >= 0xe000 ? y - 0x800 : y + 0x2000) : y;
      return fx - fy;
    }
  }
  return a.length - b.length;
}

/** Pagefind's `full_hash`: SHA-1 as hex, each byte *without* zero padding (`{:x?}`). */
export function pagefindHash(bytes: Uint8Array): string {
  let out = '';
  for (const b of createHash('sha1').update(bytes).digest()) out += b.toString(16);
  return out;
}

/**
 * A Pagefind file: gzip of signature + body. Level 9 for the files every first search
 * downloads whole (the page list); the word chunks take zlib's default, 6: on the word chunks
 * level 9 takes about five times as long for a few per cent less.
 */
export function pagefindFile(body: Uint8Array, level = 9): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(SIGNATURE), body]), { level });
}

/** The body of a Pagefind file (pagefindFile's inverse); `file` names it in the error. */
export function readPagefindFile(file: string): Buffer {
  const raw = gunzipSync(readFileSync(file));
  if (raw.subarray(0, SIGNATURE.length).toString() !== SIGNATURE)
    throw new Error(`${file}: not a Pagefind file (no ${SIGNATURE} signature); the Pagefind version may have changed its files`);
  return raw.subarray(SIGNATURE.length);
}

/** A growable Int32Array. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1 << 16) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/**
 * The CBOR Pagefind's files use: definite-length arrays, text strings and integers, each in its
 * shortest form (as minicbor writes them). Written by hand because a chunk is encoded straight
 * from the typed arrays: a CBOR library would need every posting as a JS array first, the
 * memory this module exists to save. Its output is checked against cborg in the tests.
 */
class CborWriter {
  private buf = Buffer.alloc(1 << 16);
  private at = 0;
  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const grown = Buffer.alloc(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(grown, 0, 0, this.at);
    this.buf = grown;
  }
  private head(major: number, value: number): void {
    this.room(9);
    const m = major << 5;
    if (value < 24) this.buf[this.at++] = m | value;
    else if (value < 0x100) {
      this.buf[this.at++] = m | 24;
      this.buf[this.at++] = value;
    } else if (value < 0x10000) {
      this.buf[this.at++] = m | 25;
      this.buf.writeUInt16BE(value, this.at);
      this.at += 2;
    } else if (value < 0x100000000) {
      this.buf[this.at++] = m | 26;
      this.buf.writeUInt32BE(value, this.at);
      this.at += 4;
    } else throw new Error(`CBOR value ${value} out of range`);
  }
  int(value: number): void {
    if (value >= 0) this.head(0, value);
    else this.head(1, -1 - value);
  }
  array(length: number): void {
    this.head(4, length);
  }
  text(value: string): void {
    const bytes = Buffer.byteLength(value);
    this.head(3, bytes);
    this.room(bytes);
    this.at += this.buf.write(value, this.at, 'utf8');
  }
  take(): Buffer {
    const out = Buffer.from(this.buf.subarray(0, this.at));
    this.at = 0;
    return out;
  }
}

/** One chunk of the word index: its first and last word (trimmed as Pagefind does) and file. */
export interface WordChunk {
  from: string;
  to: string;
  /** The file's name without extension, e.g. `zxx_1a2b3c4`. */
  hash: string;
  /** The file, gzipped with its signature. */
  file: Buffer;
}

/**
 * The word postings of one index, page by page. Pages must come in page-number order (the order
 * of the page list Pagefind wrote), each once.
 */
export class WordIndexBuilder {
  private readonly keyIds = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly formIds = new Map<string, number>();
  private readonly forms: string[] = [''];
  /** Distinct tokens: their key id, and form id (0 when the token is its own key); -1 for no word. */
  private readonly tokens = new Map<string, number>();
  private readonly tokenKey = new IntList();
  private readonly tokenForm = new IntList();
  private readonly pairKey = new IntList();
  private readonly pairPage = new IntList();
  private readonly pairForm = new IntList();
  /** Where each pair's positions end in `positions`. */
  private readonly pairEnd = new IntList();
  private readonly positions = new IntList(1 << 20);
  private lastPage = -1;
  /** Whether a word has a character beyond U+FFFF (which changes how words sort). */
  private astral = false;

  /** Index one page's tokens; returns its word count as Pagefind counts it (every token is a position). */
  addPage(page: number, tokens: Iterable<string>): number {
    if (page <= this.lastPage) throw new Error(`page ${page} after page ${this.lastPage}: pages go in order, once each`);
    this.lastPage = page;
    // Per token id of this page, its positions, in order of first use.
    const local = new Map<string, number[]>();
    let position = 0;
    for (const token of tokens) {
      const seen = local.get(token);
      if (seen) seen.push(position);
      else local.set(token, [position]);
      position++;
    }
    for (const [token, at] of local) {
      const id = this.token(token);
      const key = this.tokenKey.data[id] as number;
      const form = this.tokenForm.data[id] as number;
      if (form < 0) continue;
      this.pairKey.push(key);
      this.pairPage.push(page);
      this.pairForm.push(form);
      for (const p of at) this.positions.push(p);
      this.pairEnd.push(this.positions.length);
    }
    // Pagefind's word count is its last position + 1, and at least 1.
    return Math.max(position, 1);
  }

  /** The key id and form id of a token (tokenKey/tokenForm), worked out once per distinct token. */
  private token(token: string): number {
    const known = this.tokens.get(token);
    if (known !== undefined) return known;
    // Pagefind is given the tokens joined by spaces and splits them at white space again.
    if (token === '' || /\s/u.test(token)) throw new Error(`search token "${token}" is empty or has white space in it`);
    const word = pagefindWord(token);
    let key = -1;
    let form = -1;
    if (word) {
      // The token itself when it is its own key (nearly always), so the two maps share one string.
      const text = word.key === token ? token : word.key;
      key = this.keyIds.get(text) ?? -1;
      if (key < 0) {
        key = this.keys.push(text) - 1;
        if (/[\u{10000}-\u{10ffff}]/u.test(text)) this.astral = true;
        this.keyIds.set(text, key);
      }
      form = 0;
      if (word.form !== undefined) {
        form = this.formIds.get(word.form) ?? 0;
        if (form === 0) {
          form = this.forms.push(word.form) - 1;
          this.formIds.set(word.form, form);
        }
      }
    }
    const id = this.tokenKey.length;
    this.tokenKey.push(key);
    this.tokenForm.push(form);
    this.tokens.set(token, id);
    return id;
  }

  /** Counts, for the bench and tests. */
  get size(): { words: number; pairs: number; positions: number } {
    return { words: this.keys.length, pairs: this.pairKey.length, positions: this.positions.length };
  }

  /**
   * The index chunks, in word order, as Pagefind cuts them: words sorted by code point; a chunk
   * closed once its pages plus positions (with the weight marker), variants' included and one
   * more for each variant, reach `chunkSize`; each chunk's bounds trimmed to the shortest
   * prefixes that still tell it from its neighbours; file names from the content hash
   * (lengthened on a collision, also with the names in `names`: chunks of several builders in
   * one index).
   */
  *chunks(language: string, chunkSize = CHUNK_SIZE, names = new Set<string>()): Generator<WordChunk> {
    // UTF-16 order is code point order unless surrogates meet U+E000–U+FFFF; the plain sort is
    // native and several times faster than a comparator over millions of words.
    const sorted = [...this.keys];
    if (this.astral) sorted.sort(compareCodePoints);
    else sorted.sort();
    const order = sorted.map((key) => this.keyIds.get(key) as number);
    sorted.length = 0;
    // The pairs of each word, in page order (pairs were added in page order; the sort is stable).
    const start = new Int32Array(this.keys.length + 1);
    for (let i = 0; i < this.pairKey.length; i++) (start[(this.pairKey.data[i] as number) + 1] as number)++;
    for (let k = 0; k < this.keys.length; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
    const fill = start.slice(0, this.keys.length);
    const byWord = new Int32Array(this.pairKey.length);
    for (let i = 0; i < this.pairKey.length; i++) {
      const k = this.pairKey.data[i] as number;
      byWord[(fill[k] as number)++] = i;
    }

    const cbor = new CborWriter();
    let previous: { from: string; to: string; hash: string; file: Buffer } | undefined;
    const body = new CborWriter();
    let size = 0;
    let words = 0;
    let first = '';
    let last = '';

    const finish = (): { from: string; to: string; hash: string; file: Buffer } => {
      cbor.array(1);
      cbor.array(words);
      const bytes = Buffer.concat([cbor.take(), body.take()]);
      const full = `${language}_${pagefindHash(bytes)}`;
      let hash = full.slice(0, language.length + 8);
      // On a collision Pagefind lengthens the name two characters at a time (index/mod.rs).
      while (names.has(hash) && hash.length < full.length) hash = full.slice(0, hash.length + 2);
      names.add(hash);
      words = 0;
      size = 0;
      return { from: first, to: last, hash, file: pagefindFile(bytes, 6) };
    };
    // Trim the bounds between two chunks (chunk_meta): prefixes one character past their
    // common part; `to` only when that keeps it at or after its chunk's `from`.
    const trim = (a: { from: string; to: string }, b: { from: string }): void => {
      const ta = [...a.to];
      const fb = [...b.from];
      let common = 0;
      while (common < ta.length && common < fb.length && ta[common] === fb[common]) common++;
      const to = ta.slice(0, common + 1).join('');
      if (compareCodePoints(to, a.from) >= 0) a.to = to;
      b.from = fb.slice(0, common + 1).join('');
    };

    for (const k of order) {
      const key = this.keys[k] as string;
      if (words === 0) first = key;
      last = key;
      words++;
      const from = start[k] as number;
      const to = start[k + 1] as number;
      const plain: number[] = [];
      const variants: number[] = [];
      for (let j = from; j < to; j++) {
        const pair = byWord[j] as number;
        if (this.pairForm.data[pair] === 0) plain.push(pair);
        else variants.push(pair);
      }
      body.array(3);
      body.text(key);
      size += this.writePages(body, plain);
      // Variants in order of first appearance; within one page, by form (Pagefind's BTreeMap).
      variants.sort(
        (a, b) =>
          (this.pairPage.data[a] as number) - (this.pairPage.data[b] as number) ||
          compareCodePoints(this.forms[this.pairForm.data[a] as number] as string, this.forms[this.pairForm.data[b] as number] as string),
      );
      const groups = new Map<number, number[]>();
      for (const pair of variants) {
        const form = this.pairForm.data[pair] as number;
        const group = groups.get(form);
        if (group) group.push(pair);
        else groups.set(form, [pair]);
      }
      body.array(groups.size);
      for (const [form, pairs] of groups) {
        body.array(2);
        body.text(this.forms[form] as string);
        size += 1 + this.writePages(body, pairs);
      }
      if (size >= chunkSize) {
        const chunk = finish();
        if (previous) {
          trim(previous, chunk);
          yield { ...previous };
        }
        previous = chunk;
      }
    }
    if (words > 0) {
      const chunk = finish();
      if (previous) trim(previous, chunk);
      if (previous) yield { ...previous };
      previous = chunk;
    }
    if (previous) yield previous;
  }

  /** A word's pages: [page delta, [marker, first position, deltas…], []] each; returns their chunk-size count. */
  private writePages(out: CborWriter, pairs: number[]): number {
    out.array(pairs.length);
    let lastPage = 0;
    let size = 0;
    for (const pair of pairs) {
      const page = this.pairPage.data[pair] as number;
      const end = this.pairEnd.data[pair] as number;
      const begin = pair === 0 ? 0 : (this.pairEnd.data[pair - 1] as number);
      out.array(3);
      out.int(page - lastPage);
      lastPage = page;
      out.array(end - begin + 1);
      out.int(WEIGHT_MARKER);
      let last = 0;
      for (let i = begin; i < end; i++) {
        const p = this.positions.data[i] as number;
        out.int(i === begin ? p : p - last);
        last = p;
      }
      out.array(0);
      size += end - begin + 2;
    }
    return size;
  }
}
