/**
 * Reading search: a query typed in kana (じゅうみんひょう, typed without conversion or on a phone
 * mid-input) finds the words of the archive read that way (住民票).
 *
 * At build time kuromoji (IPADIC) reads every filing; each word of the text, and each run of up to
 * four words of a compound (住民 + 票, 住民票 + コード) and the whole compound, is listed under its reading, folded
 * (foldReading). The list is cut into small files by the reading's first two characters
 * (readingBucket), so the browser fetches one small file for a query and needs no dictionary;
 * the words it finds are then searched as text, exactly as if they had been typed.
 *
 * Folding, the same on both sides: NFKC (half-width katakana), hiragana as katakana, the long
 * vowel mark ー dropped and the small vowels ァィゥェォ read as large, so ぱすわーど, パスワード and
 * ﾊﾟｽﾜｰﾄﾞ are one reading. The small ャュョッ are kept: じゆう (自由) is not じゅう (住).
 */
import type { Token } from '../core/tokenizer-fs.ts';

const SMALL: Record<string, string> = { ァ: 'ア', ィ: 'イ', ゥ: 'ウ', ェ: 'エ', ォ: 'オ', ヮ: 'ワ', ヵ: 'カ', ヶ: 'ケ' };

/** A reading as compared: katakana, no long-vowel marks, small vowels large. */
export function foldReading(text: string): string {
  return [...text.normalize('NFKC')]
    .map((ch) => {
      const c = ch.codePointAt(0) ?? 0;
      const kata = c >= 0x3041 && c <= 0x3096 ? String.fromCodePoint(c + 0x60) : ch;
      return SMALL[kata] ?? kata;
    })
    .join('')
    .replace(/[ー〜～\s]/gu, '');
}

/** True when a term is kana only (hiragana, katakana, ー; either width) and long enough to have a reading to look up. */
export function isKanaTerm(term: string): boolean {
  const t = term.normalize('NFKC');
  return /^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u.test(t) && [...foldReading(t)].length >= 2;
}

/** The file a reading is listed in: the code points of its first `chars` characters, in hex (`30b8`, `30b8-30e5`). */
export function readingBucket(folded: string, chars = 1): string {
  return [...folded]
    .slice(0, chars)
    .map((c) => (c.codePointAt(0) ?? 0).toString(16))
    .join('-');
}

/** A bucket too big to fetch for one query is split by two characters; its one-character file then only says so. */
export const SPLIT = '$split';
/** The size (JSON characters) above which a bucket is split. */
export const BUCKET_LIMIT = 24_000;

/** Words that may be typed by their reading: nouns and their prefixes and suffixes, not numbers. */
function isWord(t: Token): boolean {
  if (t.pos === '名詞') return t.pos_detail_1 !== '数' && t.pos_detail_1 !== '非自立' && t.pos_detail_1 !== '代名詞';
  return t.pos === '接頭詞';
}

/** A token's reading in katakana: kuromoji's, or the token itself when it is kana and has none. */
function readingOf(t: Token): string | undefined {
  if (t.reading && t.reading !== '*') return t.reading;
  return /^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u.test(t.surface_form) ? t.surface_form : undefined;
}

/**
 * The words of one text that may be typed by their reading, each with its folded reading: every
 * word, every run of up to `maxWords` words of a compound, and the whole compound. Words of hiragana only are found
 * as typed, so they are left out.
 */
export function readingPairs(tokens: readonly Token[], maxWords = 4): Array<[reading: string, word: string]> {
  const out: Array<[string, string]> = [];
  const add = (words: readonly Token[]): void => {
    const surface = words.map((w) => w.surface_form).join('');
    if (!/[\p{Script=Han}\p{Script=Katakana}]/u.test(surface) || [...surface].length > 24) return;
    const readings = words.map(readingOf);
    if (readings.some((r) => r === undefined)) return;
    const folded = foldReading(readings.join(''));
    if ([...folded].length >= 2) out.push([folded, surface]);
  };
  let run: Token[] = [];
  const flush = (): void => {
    for (let i = 0; i < run.length; i++) for (let j = i + 1; j <= Math.min(run.length, i + maxWords); j++) add(run.slice(i, j));
    // The whole compound too, however many words (add keeps it to 24 characters): a reader types
    // the word seen on the page (サービス計画作成開始年月日), not a run of four of its parts.
    if (run.length > maxWords) add(run);
    run = [];
  };
  for (const t of tokens) {
    if (isWord(t)) run.push(t);
    else flush();
  }
  flush();
  return out;
}

/** Count reading pairs into a list: folded reading → word → occurrences. */
export function addReadings(pairs: Iterable<[string, string]>, into: Map<string, Map<string, number>>): void {
  for (const [folded, word] of pairs) {
    const bySurface = into.get(folded) ?? new Map<string, number>();
    bySurface.set(word, (bySurface.get(word) ?? 0) + 1);
    into.set(folded, bySurface);
  }
}

/** One file of the reading list: each reading with its words, most frequent first. */
export type ReadingBucket = Record<string, string[]>;

/**
 * The reading list cut into buckets by the reading's first character, each reading's words most
 * frequent first (at most `perReading`); a bucket over BUCKET_LIMIT is cut again by the first two
 * characters, and its one-character file holds only `{"$split": []}`. Few files (an archive's
 * dist/ is counted in files by some hosts), each small.
 */
export function readingBuckets(
  readings: Map<string, Map<string, number>>,
  perReading = 8,
  limit = BUCKET_LIMIT,
): Map<string, ReadingBucket> {
  const byChars = (chars: number, keys: string[]): Map<string, ReadingBucket> => {
    const out = new Map<string, ReadingBucket>();
    for (const folded of keys) {
      const words = [...(readings.get(folded) ?? new Map<string, number>())]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, perReading)
        .map(([w]) => w);
      const key = readingBucket(folded, chars);
      const bucket = out.get(key) ?? {};
      bucket[folded] = words;
      out.set(key, bucket);
    }
    return out;
  };
  const keys = [...readings.keys()].sort();
  const out = new Map<string, ReadingBucket>();
  for (const [key, bucket] of byChars(1, keys)) {
    if (JSON.stringify(bucket).length <= limit) {
      out.set(key, bucket);
      continue;
    }
    out.set(key, { [SPLIT]: [] });
    for (const [k2, b2] of byChars(2, Object.keys(bucket))) out.set(k2, b2);
  }
  return out;
}

/** What a kana term reads as, from its bucket: the words of exactly that reading, else of readings that begin with it (typed mid-input). */
export function wordsForReading(term: string, bucket: ReadingBucket, limit = 8): string[] {
  const folded = foldReading(term);
  const exact = bucket[folded];
  if (exact && exact.length > 0) return exact.slice(0, limit);
  const out: string[] = [];
  for (const [reading, words] of Object.entries(bucket)) {
    if (!reading.startsWith(folded)) continue;
    for (const w of words) if (!out.includes(w)) out.push(w);
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}
