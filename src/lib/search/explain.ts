/**
 * Results that explain themselves (the search page's logic, pure): where a result's hit is, in
 * words a reader follows — a fact with its label (再委託先：株式会社BCC（コールセンター）), or the
 * sentence of the body with the term marked — instead of a run-on dump of the facts.
 */
import { containsTerm, excerpt, type ExcerptPart } from './tokens.ts';

/** A filing's text as its search result holds it (src/lib/search/indexer/records.ts filingDocument). */
export interface ResultText {
  /** The facts, a line each: label TAB value. */
  facts?: string;
  /** The body's own text (outside the 特記事項). */
  body?: string;
}

/** Where a result's hit is. */
export interface Explanation {
  /** The fact's label, for a hit in a fact. */
  label?: string;
  parts: ExcerptPart[];
}

/** The facts of a result as label and value. */
export function factsOf(r: ResultText): Array<{ label: string; value: string }> {
  return (r.facts ?? '')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      return tab < 0 ? { label: '', value: line } : { label: line.slice(0, tab), value: line.slice(tab + 1) };
    });
}

/** All of a result's own text: its facts' values and its body (for ranking and checks). */
export function resultText(r: ResultText): string {
  return [...factsOf(r).map((f) => f.value), r.body ?? ''].join('\n');
}

/** The sentences of a text: cut after 。 ！ ？ and at line ends. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？!?])|\n/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The explanation of a result for some terms (each term in any of its forms): the first fact
 * that holds one, with its label; else the first sentence of the body that does; else nothing
 * marked (the hit is elsewhere, e.g. only in the 特記事項).
 */
export function explain(r: ResultText, terms: string[], radius = 60): Explanation {
  const has = (text: string): boolean => terms.some((t) => containsTerm(text, t));
  for (const f of factsOf(r)) if (has(f.value)) return { label: f.label, parts: excerpt(f.value, terms, radius) };
  for (const s of sentences(r.body ?? '')) if (has(s)) return { parts: excerpt(s, terms, radius) };
  return { parts: excerpt(r.body ?? '', terms, radius) };
}
