/**
 * The 特記事項 pages' notes, worked out from the versions: the span of a version's use (one date
 * when it is one day), and why a version is called その2 (the other versions first seen in its
 * month). src/pages/clauses/ render what these return.
 */
import type { ClauseVersion, PublishedSet } from '../clauses/versions.ts';
import { formatEra, formatEraSpan } from '../core/era.ts';
import { CLAUSE_WORDS as C } from '../words/clauses.ts';

/** The first and last date of a version's filings (its `first` may be when a published set took effect). */
export function useSpan(v: ClauseVersion): { first: string; last: string } | undefined {
  const a = v.filings[0]?.data.date;
  const b = v.filings[v.filings.length - 1]?.data.date;
  return a && b ? { first: a, last: b } : undefined;
}

/** A version's span in words: `平成20年7月〜平成20年12月1日`, or one date. */
export function spanText(first: string, last: string): string {
  return formatEraSpan(first, last, C.span);
}

/** The month part of a version's name, which its siblings share: `平成22年4月`. */
function nameMonth(v: ClauseVersion): string {
  return formatEra(v.first.slice(0, 7));
}

/**
 * The note that explains a version's name when other versions were first seen in the same month
 * (平成22年4月版, 平成22年4月版その2): the lead sentence and the versions of that month, in
 * name order; undefined when the version is alone in its month.
 */
export function nameNote(v: ClauseVersion, versions: ClauseVersion[]): { text: string; siblings: ClauseVersion[] } | undefined {
  if (!v.first) return undefined;
  const month = v.first.slice(0, 7);
  const siblings = versions.filter((x) => x.first.slice(0, 7) === month);
  if (siblings.length < 2) return undefined;
  return { text: C.nameNote(nameMonth(v), siblings.length), siblings };
}

/** When a published set took effect, as printed, else in the era form; 日付不明 when nothing says. */
export function publishedDate(p: PublishedSet): string {
  return p.data.date_text ?? (p.data.date ? formatEra(p.data.date) : C.undated);
}
