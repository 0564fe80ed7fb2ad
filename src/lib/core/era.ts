/**
 * Japanese era dates: parsing the forms filings use, and showing ISO dates in the era calendar.
 *
 * Parsing is written by hand because no maintained library reads the forms found in
 * filings (元年, kanji numerals, 年度, month-only dates, 平成 years past the era's end);
 * display uses Intl.DateTimeFormat with the Japanese calendar.
 */

/** An era with the ISO date of its first day. */
export interface Era {
  name: string;
  start: string;
  /** Gregorian year of the era's year 1. */
  firstYear: number;
}

/** Eras from the field guide, oldest first. 明治 uses 1868 for year arithmetic. */
export const ERAS: readonly Era[] = [
  { name: '明治', start: '1868-01-25', firstYear: 1868 },
  { name: '大正', start: '1912-07-30', firstYear: 1912 },
  { name: '昭和', start: '1926-12-25', firstYear: 1926 },
  { name: '平成', start: '1989-01-08', firstYear: 1989 },
  { name: '令和', start: '2019-05-01', firstYear: 2019 },
];

/** The era of an ISO date (full or reduced precision) and its year in that era: `2020-04-01` → 令和, 2. */
export function eraOf(iso: string): { era: Era; year: number } | undefined {
  const era = [...ERAS].reverse().find((e) => iso >= e.start);
  return era ? { era, year: yearInEra(era, Number(iso.slice(0, 4))) } : undefined;
}

/** A Gregorian year counted in an era, past its end too, as documents written before a change do (平成32年 = 2020). */
export function yearInEra(era: Era, gregorian: number): number {
  return gregorian - era.firstYear + 1;
}

const KANJI_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * Read a number written in ASCII, full-width or kanji numerals (`12`, `１２`, `十二`, `二十二`,
 * `二〇`), or `元` (= 1). Returns undefined when the text is not a number.
 */
export function parseJapaneseNumber(text: string): number | undefined {
  const t = text.normalize('NFKC').replace(/\s+/gu, '');
  if (t === '元') return 1;
  if (/^\d+$/u.test(t)) return Number(t);
  if (!/^[〇零一二三四五六七八九十百]+$/u.test(t)) return undefined;
  if (!/[十百]/u.test(t)) {
    // Positional kanji digits: 二〇 = 20.
    return Number([...t].map((c) => KANJI_DIGITS[c]).join(''));
  }
  let total = 0;
  let current = 0;
  for (const c of t) {
    if (c === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (c === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      current = KANJI_DIGITS[c] ?? 0;
    }
  }
  return total + current;
}

/** A date read from text, with reduced precision where the text gives only year or month. */
export interface ParsedDate {
  /** ISO 8601: `2020`, `2020-04` or `2020-04-01`. */
  iso: string;
  /** The matched text as written. */
  text: string;
  /** Offset of the match in the input. */
  index: number;
  /** True when written as 年度 (fiscal year, April to March). */
  fiscal: boolean;
  /** Problems a person should check (e.g. 平成32年 converted to 2020). */
  warnings: string[];
}

/** A date that cannot exist (令和0年, 2月30日, 13月). */
export interface DateError {
  text: string;
  index: number;
  message: string;
}

const NUM = '[0-9０-９〇零一二三四五六七八九十百]+';
const ERA_DATE = new RegExp(`(明治|大正|昭和|平成|令和)\\s*(元|${NUM})\\s*(年度|年)(?:\\s*(${NUM})\\s*月(?:\\s*(${NUM})\\s*日)?)?`, 'gu');
const WESTERN_DATE = new RegExp(`([0-9０-９]{4})\\s*(年度|年)(?:\\s*(${NUM})\\s*月(?:\\s*(${NUM})\\s*日)?)?`, 'gu');

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Find every date in a text, in order. Impossible dates are returned as errors rather than
 * guessed; dates past an era's end are converted and carry a warning.
 */
export function findDates(text: string): { dates: ParsedDate[]; errors: DateError[] } {
  const dates: ParsedDate[] = [];
  const errors: DateError[] = [];
  const taken: Array<[number, number]> = [];
  for (const m of text.matchAll(ERA_DATE)) {
    const [whole, eraName, yearText, nen, monthText, dayText] = m;
    const era = ERAS.find((e) => e.name === eraName);
    const eraYear = parseJapaneseNumber(yearText ?? '');
    if (!era || eraYear === undefined) continue;
    taken.push([m.index, m.index + whole.length]);
    const warnings: string[] = [];
    if (eraYear < 1) {
      errors.push({ text: whole, index: m.index, message: `${whole}: ${eraName}${eraYear}年 does not exist (the first year is 元年)` });
      continue;
    }
    const year = era.firstYear + eraYear - 1;
    const next = ERAS[ERAS.indexOf(era) + 1];
    const result = buildDate(whole, m.index, year, nen === '年度', monthText, dayText, warnings, errors);
    if (!result) continue;
    const firstDay = (result.iso + '-01-01').slice(0, 10);
    if (next && firstDay >= next.start) {
      warnings.push(`${whole} is after the end of ${eraName} (${next.name} began ${next.start}); converted to ${result.iso}`);
    }
    if (result.iso < era.start.slice(0, result.iso.length)) {
      warnings.push(`${whole} is before ${eraName} began (${era.start}); read as ${result.iso}`);
    }
    dates.push(result);
  }
  for (const m of text.matchAll(WESTERN_DATE)) {
    const [whole, yearText, nen, monthText, dayText] = m;
    if (taken.some(([a, b]) => m.index < b && m.index + whole.length > a)) continue;
    const year = Number((yearText ?? '').normalize('NFKC'));
    const warnings: string[] = [];
    const result = buildDate(whole, m.index, year, nen === '年度', monthText, dayText, warnings, errors);
    if (result) dates.push(result);
  }
  dates.sort((a, b) => a.index - b.index);
  errors.sort((a, b) => a.index - b.index);
  return { dates, errors };
}

function buildDate(
  whole: string,
  index: number,
  year: number,
  fiscal: boolean,
  monthText: string | undefined,
  dayText: string | undefined,
  warnings: string[],
  errors: DateError[],
): ParsedDate | undefined {
  if (monthText === undefined) return { iso: String(year), text: whole, index, fiscal, warnings };
  const month = parseJapaneseNumber(monthText);
  if (month === undefined || month < 1 || month > 12) {
    errors.push({ text: whole, index, message: `${whole}: month ${monthText} does not exist` });
    return undefined;
  }
  // 年度 runs April to March: 令和2年度1月 is January 2021.
  const calendarYear = fiscal && month < 4 ? year + 1 : year;
  if (dayText === undefined) {
    return { iso: `${calendarYear}-${pad(month)}`, text: whole, index, fiscal, warnings };
  }
  const day = parseJapaneseNumber(dayText);
  if (day === undefined || day < 1 || day > daysInMonth(calendarYear, month)) {
    errors.push({ text: whole, index, message: `${whole}: ${month}月${dayText}日 does not exist in ${calendarYear}` });
    return undefined;
  }
  return { iso: `${calendarYear}-${pad(month)}-${pad(day)}`, text: whole, index, fiscal, warnings };
}

const ERA_FORMAT = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});
const ERA_FORMAT_MONTH = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
const ERA_FORMAT_YEAR = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * Show an ISO date (full or reduced precision) in the era calendar: `2020-04-01` →
 * `令和2年4月1日`. Intl writes year 1 as 1年; officials write 元年, so we do too.
 */
export function formatEra(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (y === undefined || Number.isNaN(y)) return iso;
  const date = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  const fmt = d !== undefined ? ERA_FORMAT : m !== undefined ? ERA_FORMAT_MONTH : ERA_FORMAT_YEAR;
  return fmt.format(date).replace(/^(\D+)1年/u, '$1元年');
}

/** `令和2年4月1日（2020-04-01）`: the era form officials read with the ISO form beside it. */
export function formatEraWithIso(iso: string): string {
  return `${formatEra(iso)}（${iso}）`;
}

/**
 * A span of two ISO dates in the era calendar, `平成20年7月〜平成20年12月1日`; one date when both
 * ends are the same day (a version used by one filing), so no span runs from a day to itself.
 */
export function formatEraSpan(first: string, last: string, join: (a: string, b: string) => string = (a, b) => `${a}〜${b}`): string {
  return first === last ? formatEra(first) : join(formatEra(first), formatEra(last));
}
