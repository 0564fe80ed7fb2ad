/**
 * How alike two clauses are: headings by character bigrams, texts by kuromoji words, with the
 * party words of both sides (甲/乙, 発注者/受注者…) made neutral so that clauses written with
 * other party words compare by what they say.
 */
import { DEFAULT_PARTIES } from '../record/config.ts';
import type { Clause } from '../record/schema.ts';
import { nfkc } from '../core/text.ts';
import { fullText, normalizeHeading, type WordSplitter } from './wording.ts';

/** The party words of a clause set: who is the municipality, who the contractor (甲/乙, 発注者/受注者…). */
export interface PartyWords {
  municipality: readonly string[];
  contractor: readonly string[];
}

/** What clause comparison takes beyond the word splitter. */
export interface ClauseOptions {
  /** The archive's party words (content/archive.yaml `parties`); DEFAULT_PARTIES are always added. */
  parties?: Partial<PartyWords> | undefined;
}

/** Dice coefficient of two multisets of words. */
function dice(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

const PUNCT = /^[\p{P}\p{S}\s]+$/u;

/** The neutral word each side's party words are compared as. */
const NEUTRAL = { municipality: '甲', contractor: '乙' } as const;

const neutralisers = new Map<string, (text: string) => string>();

/**
 * A function that writes every party word of a text as its side's neutral word (発注者, 委託者,
 * 区 → 甲; 受注者, 受託者 → 乙), so that clauses written with other party words compare by
 * what they say. The archive's words come first (a word it gives one side is not the other
 * side's by default), then DEFAULT_PARTIES; longer words before the words they contain
 * (受託事業者 before 受託者). Used for similarity only: diffs show the words as written.
 */
export function partyNeutraliser(parties: Partial<PartyWords> = {}): (text: string) => string {
  const key = JSON.stringify([parties.municipality ?? [], parties.contractor ?? []]);
  let f = neutralisers.get(key);
  if (f) return f;
  const side = new Map<string, string>();
  const add = (list: readonly string[] | undefined, neutral: string): void => {
    for (const w of list ?? []) {
      const word = nfkc(w).trim();
      if (word && !side.has(word)) side.set(word, neutral);
    }
  };
  add(parties.municipality, NEUTRAL.municipality);
  add(parties.contractor, NEUTRAL.contractor);
  add(DEFAULT_PARTIES.municipality, NEUTRAL.municipality);
  add(DEFAULT_PARTIES.contractor, NEUTRAL.contractor);
  const alternatives = [...side.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const pattern = new RegExp(alternatives.map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|'), 'gu');
  f = alternatives.length === 0 ? (text) => text : (text) => text.replace(pattern, (w) => side.get(w) ?? w);
  neutralisers.set(key, f);
  return f;
}

function contentWords(text: string, words: WordSplitter, neutral: (text: string) => string): string[] {
  return words(neutral(nfkc(text))).filter((w) => !PUNCT.test(w));
}

function bigrams(text: string): string[] {
  const t = normalizeHeading(text);
  return t.length < 2 ? [t] : Array.from({ length: t.length - 1 }, (_, i) => t.slice(i, i + 2));
}

/**
 * Similarity of two clauses: heading (character bigrams) and text (kuromoji words), each with
 * the party words of both sides written as one neutral word per side (partyNeutraliser), so
 * 「乙は、…」 and 「受注者は、…」 are the same clause.
 */
export function clauseSimilarity(a: Clause, b: Clause, words: WordSplitter, options: ClauseOptions = {}): number {
  const neutral = partyNeutraliser(options.parties);
  const text = dice(contentWords(fullText(a), words, neutral), contentWords(fullText(b), words, neutral));
  if (!a.heading || !b.heading) return text;
  const ha = neutral(normalizeHeading(a.heading));
  const hb = neutral(normalizeHeading(b.heading));
  const heading = ha === hb ? 1 : dice(bigrams(ha), bigrams(hb));
  return 0.35 * heading + 0.65 * text;
}
