/**
 * Filings per year by kind, as a bar chart drawn at build time (home and department pages). Years
 * run down the side — one row each, every year between the first and the last, so gaps show — and
 * bars run across, stacked by kind: a layout that stays legible on a phone. d3-scale places the
 * rows (scaleBand) and lengths (scaleLinear, with its nice ticks), d3-shape stacks the kinds.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import { PICTURE_WORDS as P } from '../words/pictures.ts';

/** One segment of a year's bar: the filings of one kind. */
export interface YearSegment {
  kind: string;
  /** Index of the kind, for its colour class. */
  k: number;
  x: number;
  width: number;
  count: number;
  title: string;
}

export interface YearRow {
  year: string;
  y: number;
  height: number;
  total: number;
  segments: YearSegment[];
  /** The year's page, when it has filings. */
  href?: string;
}

export interface YearChart {
  title: string;
  desc: string;
  width: number;
  height: number;
  /** Where the bars start (after the year labels). */
  left: number;
  rows: YearRow[];
  ticks: Array<{ x: number; label: string }>;
  kinds: Array<{ name: string; k: number }>;
  /** The same numbers as a table: one row per year with filings, a column per kind. */
  table: Array<{ year: string; counts: number[]; total: number }>;
}

const YEAR_CHART = { width: 360, left: 56, right: 30, top: 22, row: 22 } as const;

/**
 * The chart of `filings` (their ISO dates and kinds). `kinds` fixes the order and colours of the
 * kinds (the archive's, so every chart of the site colours a kind alike); `href` links a year.
 */
export function yearChart(
  filings: Array<{ date: string; kind: string }>,
  kinds: string[],
  href: (year: string) => string,
): YearChart | undefined {
  if (filings.length === 0) return undefined;
  const counts = new Map<number, Map<string, number>>();
  for (const f of filings) {
    const y = Number(f.date.slice(0, 4));
    const m = counts.get(y) ?? new Map<string, number>();
    m.set(f.kind, (m.get(f.kind) ?? 0) + 1);
    counts.set(y, m);
  }
  const used = [
    ...kinds.filter((k) => filings.some((f) => f.kind === k)),
    ...new Set(filings.map((f) => f.kind).filter((k) => !kinds.includes(k))),
  ];
  const kIndex = (kind: string): number => (kinds.includes(kind) ? kinds.indexOf(kind) : kinds.length + used.indexOf(kind));
  const yearsSeen = [...counts.keys()];
  const first = Math.min(...yearsSeen);
  const last = Math.max(...yearsSeen);
  const years = Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
  const data = years.map(
    (y) =>
      Object.fromEntries([['year', y], ...used.map((k) => [k, counts.get(Number(y))?.get(k) ?? 0])]) as Record<string, number | string>,
  );
  const series = stack<Record<string, number | string>, string>()
    .keys(used)
    .value((d, key) => Number(d[key] ?? 0))(data);
  const max = Math.max(...data.map((d) => used.reduce((s, k) => s + Number(d[k] ?? 0), 0)));
  const { width, left, right, top, row } = YEAR_CHART;
  const x = scaleLinear()
    .domain([0, max])
    .nice()
    .range([left, width - right]);
  const y = scaleBand<string>()
    .domain(years)
    .range([top, top + years.length * row])
    .paddingInner(0.25);
  const rows: YearRow[] = years.map((year, i) => {
    const total = used.reduce((s, k) => s + Number(data[i]?.[k] ?? 0), 0);
    return {
      year,
      y: y(year) ?? 0,
      height: y.bandwidth(),
      total,
      ...(total > 0 ? { href: href(year) } : {}),
      segments: series.flatMap((s) => {
        const [a, b] = s[i] ?? [0, 0];
        const n = b - a;
        return n > 0
          ? [{ kind: s.key, k: kIndex(s.key), x: x(a), width: x(b) - x(a), count: n, title: `${P.year(year)} ${P.kindCount(s.key, n)}` }]
          : [];
      }),
    };
  });
  const table = rows
    .filter((r) => r.total > 0)
    .map((r) => ({ year: r.year, counts: used.map((k) => r.segments.find((s) => s.kind === k)?.count ?? 0), total: r.total }));
  return {
    title: P.yearChart,
    desc: P.yearChartDesc(
      filings.length,
      P.year(String(first)),
      P.year(String(last)),
      table
        .map((r) =>
          P.yearPart(r.year, used.flatMap((k, i) => ((r.counts[i] ?? 0) > 0 ? [P.kindCount(k, r.counts[i] ?? 0)] : [])).join('・')),
        )
        .join('。'),
    ),
    width,
    height: top + years.length * row + 4,
    left,
    rows,
    ticks: x.ticks(Math.min(4, max)).map((t) => ({ x: x(t), label: String(t) })),
    kinds: used.map((name) => ({ name, k: kIndex(name) })),
    table,
  };
}
