/**
 * A filing's page, worked out from its record: the plain summary at the top, the fact rows, the
 * contractors before and after a change, the note on its clause version, the contents list.
 * src/pages/filings/[id].astro renders what these return.
 */
import { describeRole, type Archive } from '../crosslinks/archive.ts';
import type { Entry } from '../record/schema.ts';
import type { ClauseVersion } from '../clauses/versions.ts';
import type { ComparisonRow } from '../clauses/comparison.ts';
import { formatEra, formatEraWithIso } from '../core/era.ts';
import { DATE_SOURCE_LABELS, FIELD_LABELS as L, municipalityMeasuresLabel } from '../words/fields.ts';
import { FILING_WORDS as W, SUMMARY_WORDS as S } from '../words/filing.ts';
import { companyKey, nameKey } from '../core/names.ts';
import { partySides, type Party, type PartySide } from './parties.ts';
import type { Filing } from '../record/schema.ts';
import { line, link, type Line, type Part, type Paths } from './view.ts';

/** How many items, companies or filings a sentence names before it says ほか. */
const FIRST = 3;
/** The longest 対象者 that reads well inside the sentence on the items. */
const SHORT_SUBJECTS = 16;

function roleText(p: Party): string {
  return describeRole({ role: p.role, written: p.name, ...(p.task ? { task: p.task } : {}) });
}

/** `A（代表企業 X、構成企業 Y）` for a group, the name alone otherwise. */
function partyName(p: Party): string {
  const [first, ...rest] = p.members;
  if (!first) return p.name;
  return S.group(p.name, S.names([S.member(first.role, first.name)], rest.length));
}

function names(parties: Party[]): string {
  return S.names(parties.slice(0, FIRST).map(partyName), Math.max(0, parties.length - FIRST));
}

/** The first sentence of a text, at most `max` characters (…). */
export function firstSentence(text: string, max = 80): string {
  const s = text.replace(/\s+/gu, ' ').trim();
  const end = s.indexOf('。');
  const first = end >= 0 ? s.slice(0, end) : s;
  return first.length > max ? `${first.slice(0, max)}…` : first;
}

/**
 * The plain summary of a filing, one sentence per question a citizen asks: whose data and which
 * items, to which companies, for what, for how long, re-outsourced or not, under which clauses.
 */
export function filingSummary(f: Filing, version?: ClauseVersion): string[] {
  const out: string[] = [];
  // A short 対象者 reads as 「区民の個人情報…」; a long one (住民票の写しは住民登録者 …) is a sentence of its own.
  const subjects = f.subjects ? firstSentence(f.subjects, 60) : undefined;
  const short = subjects !== undefined && subjects.length <= SHORT_SUBJECTS && !/\s/u.test(subjects);
  if (subjects && !short) out.push(S.subjects(subjects));
  out.push(
    f.items.length > 0 ? S.data(short ? subjects : undefined, f.items.length, f.items.slice(0, FIRST), f.items.length > FIRST) : S.noItems,
  );
  const sides = partySides(f.contractors);
  const tops = (s: PartySide | undefined): Party[] => s?.parties ?? [];
  if (sides.length === 0) out.push(f.contractor_status ? S.undetermined(f.contractor_status) : S.noContractor);
  else if (sides.length === 2) out.push(S.change(names(tops(sides[0])), names(tops(sides[1]))));
  else out.push(S.to(names(tops(sides[0]))));
  if (f.purpose) out.push(S.purpose(firstSentence(f.purpose)));
  const p = f.period;
  if (p?.start && p.end) out.push(S.periodFromTo(formatEra(p.start), formatEra(p.end), p.ongoing));
  else if (p?.start) out.push(S.periodFrom(formatEra(p.start), p.ongoing));
  else if (p?.end) out.push(S.periodTo(formatEra(p.end)));
  else out.push(S.noPeriod);
  // Re-outsourcing: the subcontractors of the side in force (変更後 when the filing changes contractor).
  const current = tops(sides[sides.length - 1]);
  const subs = current.filter((t) => t.subs.length > 0);
  if (subs.length > 0)
    for (const t of subs) {
      out.push(
        t.subs.every((s) => s.task)
          ? S.sub(t.name, t.subs.map((s) => S.subTask(s.task, s.name)).join('、'))
          : S.subNoTask(t.name, t.subs.map((s) => s.name).join('、')),
      );
    }
  else if (sides.length > 0) out.push(S.noSub);
  out.push(version ? S.clauses(version.name, version.clauses.length) : S.noClauses);
  return out;
}

/** One row of the facts table: its label and lines (an inline list, a list, or text). */
export interface FactRow {
  key: string;
  label: string;
  lines: Line[];
  /** Shown as an inline list, a list, or lines of text. */
  list?: 'inline' | 'block';
  /** Keeps the text's line breaks. */
  pre?: boolean;
  /** Columns side by side: 変更前 → 変更後. */
  sides?: Array<{ heading: string; lines: Line[] }>;
}

/** What the fact rows need beyond the record. */
export interface FactContext {
  archive: Archive;
  paths: Paths;
  /** The word the municipality uses for itself (区, 市). */
  self: string;
  /** What an article is about (content/archive.yaml), if the municipality says. */
  about: (article: string) => string | undefined;
}

/** A party and those under it as lines of a list: name (linked), role, then members and subcontractors indented. */
function partyLines(p: Party, ctx: FactContext, depth = 0): Line[] {
  const c = ctx.archive.contractorByName.get(p.name) ?? ctx.archive.contractors.get(companyKey(p.name));
  const head: Line = { parts: [link(p.name, c ? ctx.paths.contractor(c.slug) : undefined), { text: `（${roleText(p)}）` }], depth };
  return [head, ...p.members.flatMap((m) => partyLines(m, ctx, depth + 1)), ...p.subs.flatMap((s) => partyLines(s, ctx, depth + 1))];
}

function dateParts(iso: string): Part {
  return { text: formatEraWithIso(iso), datetime: iso };
}

/** Every fact of a filing as rows of the facts table, each department, company, article, item and matter linked. */
export function filingFacts(entry: Entry, ctx: FactContext): FactRow[] {
  const f = entry.data;
  const a = ctx.archive;
  const rows: FactRow[] = [];
  const text = (key: string, label: string, value: string | undefined): void => {
    if (value) rows.push({ key, label, lines: [line({ text: value })], pre: true });
  };
  if (f.number) rows.push({ key: 'number', label: L.number, lines: [line({ text: f.number })] });
  /** A row of names, each linked to its index page when the archive has one. */
  const linked = (
    key: string,
    label: string,
    names: string[],
    index: Map<string, { slug: string }>,
    page: (slug: string) => string,
  ): void => {
    if (names.length === 0) return;
    rows.push({
      key,
      label,
      list: 'inline',
      lines: names.map((n) => {
        const idx = index.get(nameKey(n));
        return line(link(n, idx ? page(idx.slug) : undefined));
      }),
    });
  };
  linked('matters', L.matters, f.matters, a.matters, ctx.paths.matter);
  rows.push({
    key: 'basis',
    label: L.basis,
    list: 'block',
    lines: f.basis.map((b) => {
      const about = ctx.about(b.article);
      return line(
        link(b.article, ctx.paths.basis(a.basis.get(b.article)?.slug ?? '')),
        ...(b.label ? [{ text: `（${b.label}）` }] : []),
        ...(about ? [{ text: W.articleAbout(about), meta: true }] : []),
      );
    }),
  });
  const section = a.sectionOf.get(entry.id);
  const bureau = a.bureauOf.get(entry.id);
  const d = f.department;
  rows.push({
    key: 'department',
    label: L.department,
    lines: [
      line(
        ...(d.bureau ? [link(d.bureau, bureau ? ctx.paths.department(bureau.slug) : undefined), { text: ' ' }] : []),
        link(d.section, section ? ctx.paths.department(section.slug) : undefined),
        ...(d.unit ? [{ text: ` ${d.unit}` }] : []),
        ...(d.contact ? [{ text: `（${d.contact}）`, meta: true }] : []),
      ),
    ],
  });
  rows.push({
    key: 'date',
    label: L.date,
    lines: [
      line(
        { ...dateParts(f.date), href: ctx.paths.year(f.date.slice(0, 4)) },
        { text: `（${DATE_SOURCE_LABELS[f.date_source]}）`, meta: true },
      ),
    ],
  });
  const sides = partySides(f.contractors);
  if (sides.length === 0)
    rows.push({ key: 'contractors', label: L.contractors, lines: [line({ text: f.contractor_status ?? W.noContractor })] });
  else if (sides.length === 1)
    rows.push({
      key: 'contractors',
      label: L.contractors,
      list: 'block',
      lines: sides[0]?.parties.flatMap((p) => partyLines(p, ctx)) ?? [],
    });
  else
    rows.push({
      key: 'contractors',
      label: L.contractors,
      lines: [],
      sides: sides.map((s) => ({ heading: s.change ?? '', lines: s.parties.flatMap((p) => partyLines(p, ctx)) })),
    });
  const p = f.period;
  if (p) {
    const parts: Part[] = [];
    if (p.start) parts.push(dateParts(p.start), { text: W.from });
    if (p.end) parts.push(dateParts(p.end), { text: W.to });
    if (p.ongoing) parts.push({ text: `（${W.ongoingWord}）` });
    rows.push({ key: 'period', label: L.period, lines: [line(...parts), line({ text: `${W.periodOriginal}${p.text}`, meta: true })] });
  }
  text('purpose', L.purpose, f.purpose);
  text('subjects', L.subjects, f.subjects);
  linked('items', L.items, f.items, a.items, ctx.paths.item);
  text('media', L.media, f.media);
  text('municipality', municipalityMeasuresLabel(ctx.self), f.measures.municipality);
  text('contractor', L.contractor, f.measures.contractor);
  if (f.references.length > 0)
    rows.push({
      key: 'references',
      label: L.references,
      list: 'inline',
      lines: f.references.map((r) => {
        const m = a.meetings.get(nameKey(r));
        const others = m?.filings.filter((x) => x.id !== entry.id) ?? [];
        return m && others.length > 0
          ? line(link(r, ctx.paths.meeting(m.slug)), { text: W.referenceLink(others.length), meta: true })
          : line({ text: r });
      }),
    });
  if (f.meeting) {
    const m = a.meetings.get(nameKey(f.meeting));
    rows.push({ key: 'meeting', label: L.meeting, lines: [line(link(f.meeting, m ? ctx.paths.meeting(m.slug) : undefined))] });
  }
  return rows;
}

/** The note on a filing's clause version, and how it departs from the version most used around its time. */
export interface VersionNote {
  version: { id: string; name: string; clauses: number; href: string };
  /** The title the same wording was published under, if it was. */
  published?: string;
  departure?: {
    mainline: { id: string; name: string; href: string };
    years: number;
    from: number;
    to: number;
    /** The mainline's filings within the window (at most `shown` of them are listed). */
    filings: Array<{ id: string; title: string; date: string; href: string }>;
    /** How many there are in all. */
    count: number;
    compareHref: string;
    /** Every row of the 新旧対照表, unchanged ones included, so the counts match the comparison page. */
    rows: ComparisonRow[];
  };
}

const byYear = new WeakMap<ClauseVersion, Map<number, Entry[]>>();

/** A version's filings dated within `years` of `year`, oldest first. */
export function filingsAround(v: ClauseVersion, year: number, years: number): Entry[] {
  let m = byYear.get(v);
  if (!m) {
    m = new Map();
    for (const f of v.filings) {
      const y = Number(f.data.date.slice(0, 4));
      m.set(y, [...(m.get(y) ?? []), f]);
    }
    byYear.set(v, m);
  }
  const out: Entry[] = [];
  for (let y = year - years; y <= year + years; y++) out.push(...(m.get(y) ?? []));
  return out;
}

/**
 * The version note of a filing. `mainline` is the version most filings within `years` of it used
 * when that is not its own (mainlineFor); `rows` its 新旧対照表 against the filing's version, in
 * the order the comparison page shows (older version first).
 */
export function versionNote(
  entry: Entry,
  version: ClauseVersion,
  paths: Paths,
  comparison?: {
    mainline: ClauseVersion;
    rows: ComparisonRow[];
    older: ClauseVersion;
    newer: ClauseVersion;
    years?: number;
    shown?: number;
  },
): VersionNote {
  const note: VersionNote = {
    version: { id: version.id, name: version.name, clauses: version.clauses.length, href: paths.clauseVersion(version.id) },
    ...(version.published[0] ? { published: version.published[0].data.title } : {}),
  };
  if (!comparison) return note;
  const years = comparison.years ?? 3;
  const year = Number(entry.data.date.slice(0, 4));
  const near = filingsAround(comparison.mainline, year, years);
  note.departure = {
    mainline: { id: comparison.mainline.id, name: comparison.mainline.name, href: paths.clauseVersion(comparison.mainline.id) },
    years,
    from: year - years,
    to: year + years,
    filings: near
      .slice(0, comparison.shown ?? 10)
      .map((f) => ({ id: f.id, title: f.data.title, date: f.data.date, href: paths.filing(f.id) })),
    count: near.length,
    compareHref: paths.compare(comparison.older.id, comparison.newer.id),
    rows: comparison.rows,
  };
  return note;
}

/** An entry of a filing page's contents list, with the sections under it. */
export interface ContentsEntry {
  id: string;
  text: string;
  children: ContentsEntry[];
}

/** The contents list: the page's own sections, the body's sections under 本文. */
export function filingContents(own: Array<[string, string]>, body: { id: string; text: string }[], bodyId: string): ContentsEntry[] {
  return own.map(([id, text]) => ({
    id,
    text,
    children: id === bodyId ? body.map((h) => ({ id: h.id, text: h.text, children: [] })) : [],
  }));
}
