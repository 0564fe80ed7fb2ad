/**
 * What a search query asks, beyond its words (the search page's logic, pure; the page only
 * renders it):
 *
 * - **Era years and dates**: 平成22年, 平成22年度, H22, R2, 令和2年, 令和元年, 2010年 and 2010年度 are a
 *   year (or fiscal-year, 年度) filter, shown as a chip, not a text match.
 * - **Other forms of a term**: a term in kana is also its words read that way (readings.ts), a
 *   registry name is also its other names (search-names.ts); each added form is shown and can be
 *   switched off. A quoted term is searched exactly as written, nothing added.
 */
import { formatEra } from '../core/era.ts';
import { isKanaTerm, wordsForReading, type ReadingBucket } from './readings.ts';
import { otherNames, type NameGroups } from './names.ts';
import { parseQuery } from './tokens.ts';

/** A year filter from the query: `year` is a calendar year, `fy` a fiscal year (年度, April to March). */
export interface YearChip {
  facet: 'year' | 'fy';
  /** The western year, as the filters hold it: `2010`. */
  value: string;
  /** As typed: `H22`. */
  typed: string;
}

/** A term of the query: the words to find, and whether it was quoted (exact, nothing added). */
export interface QueryTerm {
  text: string;
  quoted: boolean;
}

/** A parsed search: its terms and its year chips. */
export interface SearchQuery {
  terms: QueryTerm[];
  years: YearChip[];
}

const ERAS: Record<string, number> = { 明治: 1868, 大正: 1912, 昭和: 1926, 平成: 1989, 令和: 2019 };
const ERA_LETTERS: Record<string, string> = { M: '明治', T: '大正', S: '昭和', H: '平成', R: '令和' };

/** The western year of an era year (元年 = 1), or undefined past what the era had. */
function eraYear(era: string, n: number): number | undefined {
  const first = ERAS[era];
  if (first === undefined || n < 1 || n > 64) return undefined;
  return first + n - 1;
}

/**
 * A year written in a query, or undefined: `平成22年`, `平成22年度`, `令和元年`, `H22`, `h22年度`, `R2`,
 * `2010年`, `2010年度`. Widths and spaces do not matter.
 */
export function parseYear(token: string): YearChip | undefined {
  const t = token.normalize('NFKC').replace(/\s+/gu, '');
  const fiscal = /年度$/u.test(t);
  let year: number | undefined;
  const era = /^(明治|大正|昭和|平成|令和)(元|\d{1,2})年度?$/u.exec(t);
  const letter = /^([MTSHRmtshr])\.?(元|\d{1,2})(?:年度?)?$/u.exec(t);
  const western = /^(\d{4})年度?$/u.exec(t);
  if (era) year = eraYear(era[1] ?? '', era[2] === '元' ? 1 : Number(era[2]));
  else if (letter) year = eraYear(ERA_LETTERS[(letter[1] ?? '').toUpperCase()] ?? '', letter[2] === '元' ? 1 : Number(letter[2]));
  else if (western) year = Number(western[1]);
  if (year === undefined || year < 1868 || year > 2200) return undefined;
  return { facet: fiscal ? 'fy' : 'year', value: String(year), typed: token };
}

/** Split a query into its terms and year chips. A quoted term is never a year. */
export function parseSearch(query: string): SearchQuery {
  const terms: QueryTerm[] = [];
  const years: YearChip[] = [];
  const q = query.replace(/[“”＂]/gu, '"');
  for (const m of q.matchAll(/"([^"]*)"|([^\s"]+)/gu)) {
    const quoted = m[1] !== undefined;
    const text = (m[1] ?? m[2] ?? '').trim();
    if (!text) continue;
    const year = quoted ? undefined : parseYear(text);
    if (year) {
      if (!years.some((y) => y.facet === year.facet && y.value === year.value)) years.push(year);
      continue;
    }
    if (parseQuery(`"${text}"`).terms.length > 0) terms.push({ text, quoted });
  }
  return { terms, years };
}

/** The query with one year chip taken out (the chip's ×). */
export function withoutYear(query: string, chip: YearChip): string {
  return query
    .replace(/[“”＂]/gu, '"')
    .split(/(\s+)/u)
    .filter((part) => part.trim() === '' || parseYear(part)?.value !== chip.value || parseYear(part)?.facet !== chip.facet)
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A year as a reader knows it: `平成22年（2010年）`; a year with two eras, `平成31年・令和元年（2019年）`. */
export function yearLabel(year: string, fiscal = false): string {
  const first = formatEra(`${year}-${fiscal ? '04' : '01'}`).replace(/\d+月$/u, '');
  const last = formatEra(fiscal ? `${Number(year) + 1}-03` : `${year}-12`).replace(/\d+月$/u, '');
  if (fiscal) return `${first}度（${year}年度）`;
  return first === last ? `${first}（${year}年）` : `${first}・${last}（${year}年）`;
}

/** One form a term is searched in. */
export interface Variant {
  /** The words searched. */
  text: string;
  /** typed: the term itself; reading: a word read as the kana typed; name: a company's other name; term: a word of the same meaning. */
  source: 'typed' | 'reading' | 'name' | 'term';
}

/** What a term's other forms come from: the reading bucket of its first kana (when it is kana), the name groups. */
export interface ExpandWith {
  readings?: ReadingBucket | undefined;
  names?: NameGroups | undefined;
}

/** The forms a term is searched in: itself, then its readings' words and its other names (none for a quoted term). */
export function termVariants(term: QueryTerm, expand: ExpandWith): Variant[] {
  const out: Variant[] = [{ text: term.text, source: 'typed' }];
  if (term.quoted) return out;
  const add = (text: string, source: Variant['source']): void => {
    if (!out.some((v) => v.text === text)) out.push({ text, source });
  };
  if (expand.readings && isKanaTerm(term.text)) for (const w of wordsForReading(term.text, expand.readings)) add(w, 'reading');
  if (expand.names) for (const n of otherNames(term.text, expand.names)) add(n.text, n.kind);
  return out;
}
