/**
 * The clause versions on a time axis (the 特記事項 pages): one lane per version, its name above
 * a line from its first to its last use, and a dot per year sized by how many filings attached it
 * that year (one dot per filing would be thousands at 10,000 filings). A version only published,
 * never attached, is a ring at its date. d3-scale gives the time axis (scaleUtc, with its year
 * ticks) and the dot areas (scaleSqrt).
 */
import { scaleSqrt, scaleUtc } from 'd3-scale';
import type { ClauseVersion } from '../clauses/versions.ts';
import { formatEra, formatEraSpan } from '../core/era.ts';
import { CLAUSE_WORDS as C } from '../words/clauses.ts';
import { PICTURE_WORDS as P } from '../words/pictures.ts';

export interface VersionLane {
  id: string;
  name: string;
  href: string;
  /** The version this chart is on (its own page). */
  current: boolean;
  /** Baseline of the name. */
  labelY: number;
  /** The line of its use. */
  y: number;
  x1: number;
  x2: number;
  dots: Array<{ x: number; r: number; year: string; count: number; title: string }>;
  /** A published set no filing attached: where it was published. */
  published?: { x: number; title: string };
}

export interface VersionChart {
  title: string;
  desc: string;
  width: number;
  height: number;
  lanes: VersionLane[];
  ticks: Array<{ x: number; label: string }>;
  /** The bottom of the lanes, where the axis is. */
  axisY: number;
}

const VERSION_CHART = { width: 360, left: 8, right: 16, lane: 44, top: 8, maxR: 8 } as const;

function yearDate(y: number): Date {
  return new Date(Date.UTC(y, 0, 1));
}

/** Mid-year of a year: where its dot sits. */
function midYear(y: number): Date {
  return new Date(Date.UTC(y, 6, 1));
}

function date(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** The chart of `versions` (oldest first), `current` being the version of the page it is on. */
export function versionChart(versions: ClauseVersion[], href: (id: string) => string, current?: string): VersionChart | undefined {
  const dated = versions.filter((v) => v.first);
  if (dated.length === 0) return undefined;
  const years = dated.flatMap((v) => [Number(v.first.slice(0, 4)), Number(v.last.slice(0, 4))]);
  const first = Math.min(...years);
  const last = Math.max(...years) + 1;
  const { width, left, right, lane, top, maxR } = VERSION_CHART;
  const x = scaleUtc()
    .domain([yearDate(first), yearDate(last)])
    .range([left + maxR, width - right]);
  const perYear = dated.map((v) => {
    const m = new Map<number, number>();
    for (const f of v.filings) {
      const y = Number(f.data.date.slice(0, 4));
      m.set(y, (m.get(y) ?? 0) + 1);
    }
    return m;
  });
  const most = Math.max(1, ...perYear.flatMap((m) => [...m.values()]));
  const r = scaleSqrt().domain([0, most]).range([0, maxR]);
  const lanes: VersionLane[] = dated.map((v, i) => {
    const y0 = top + i * lane;
    const counts = perYear[i] ?? new Map<number, number>();
    const use =
      v.filings.length > 0
        ? [v.filings[0]?.data.date ?? v.first, v.filings[v.filings.length - 1]?.data.date ?? v.last]
        : [v.first, v.first];
    return {
      id: v.id,
      name: v.name,
      href: href(v.id),
      current: v.id === current,
      labelY: y0 + 14,
      y: y0 + 28,
      x1: x(date(use[0] ?? v.first)),
      x2: x(date(use[1] ?? v.last)),
      dots: [...counts]
        .sort((a, b) => a[0] - b[0])
        .map(([year, count]) => ({
          x: x(midYear(year)),
          r: Math.max(2.5, r(count)),
          year: String(year),
          count,
          title: `${v.name} ${P.year(String(year))} ${P.count(count)}`,
        })),
      ...(v.filings.length === 0 ? { published: { x: x(date(v.first)), title: P.versionNone(v.name, formatEra(v.first)) } } : {}),
    };
  });
  // Year ticks from the scale itself; labels are years, so a tick inside a year (spans of a year or two) is left out.
  const ticks = x
    .ticks(Math.min(6, last - first))
    .filter((d) => d.getUTCMonth() === 0 && d.getUTCDate() === 1)
    .map((d) => ({ x: x(d), label: String(d.getUTCFullYear()) }));
  const axisY = top + dated.length * lane + 4;
  return {
    title: P.versionChart,
    desc: P.versionChartDesc(
      dated
        .map((v) =>
          v.filings.length > 0
            ? P.versionPart(
                v.name,
                formatEraSpan(v.filings[0]?.data.date ?? v.first, v.filings[v.filings.length - 1]?.data.date ?? v.last, C.span),
                v.filings.length,
              )
            : P.versionNone(v.name, formatEra(v.first)),
        )
        .join('。'),
    ),
    width,
    height: axisY + 22,
    lanes,
    ticks,
    axisY,
  };
}
