/**
 * The identity of a clause's wording: what counts as the same text (widths, spaces, bullet marks
 * and a final 。 do not), and the key of a whole clause set built from it.
 */
import type { Clause } from '../record/schema.ts';
import { nfkc } from '../core/text.ts';

/** Splits a text into words (kuromoji surface forms in production). */
export type WordSplitter = (text: string) => string[];

/**
 * The identity of a clause's wording: NFKC (widths, bracket forms), no whitespace, no bullet
 * marks, no final 。 — so extraction noise never makes a new version.
 */
export function normalizeClauseText(text: string): string {
  return nfkc(text)
    .replace(/[\s\u3000]+/gu, '')
    .replace(/^[-・*]+/u, '')
    .replace(/[。.]+$/u, '');
}

export function normalizeHeading(heading: string | undefined): string {
  return heading ? normalizeClauseText(heading).replace(/^[(（]|[)）]$/gu, '') : '';
}

function clauseKey(c: Clause): string {
  return [c.number, normalizeHeading(c.heading), normalizeClauseText(c.text), ...(c.items ?? []).map(normalizeClauseText)].join('\u0001');
}

/** The identity of a clause set; equal for sets that differ only by extraction noise. */
export function versionKey(clauses: Clause[]): string {
  return clauses.map(clauseKey).join('\u0002');
}

/** A clause's text with its items, as compared and diffed. */
export function fullText(c: Clause): string {
  return [c.text, ...(c.items ?? [])].join('\n');
}
