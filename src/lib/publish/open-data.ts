/** Open data: every record as JSON and as CSV (UTF-8 with BOM and CRLF, so Excel reads Japanese). */
import type { ContractorIndex } from '../crosslinks/archive.ts';
import type { Entry } from '../record/schema.ts';
import { extractClauses } from '../clauses/extract.ts';
import { CSV_HEADERS } from '../words/fields.ts';
import type { Clause } from '../record/schema.ts';

/** The JSON export: frontmatter, clauses and the page URL of each filing. */
export function filingsJson(
  entries: Entry[],
  pageUrl: (id: string) => string,
  clausesOf: (entry: Entry) => Clause[] = (e) => extractClauses(e.body, e.data.clause_section),
): string {
  return `${JSON.stringify(
    entries.map((e) => ({ ...e.data, url: pageUrl(e.id), clauses: clausesOf(e) })),
    null,
    2,
  )}\n`;
}

/** CSV columns, in order: the keys (the README lists them beside their Japanese headers, CSV_HEADERS). */
export const CSV_COLUMNS = [
  'id',
  'url',
  'title',
  'kind',
  'number',
  'matters',
  'basis',
  'bureau',
  'section',
  'unit',
  'date',
  'date_source',
  'contractors',
  'contractor_status',
  'period_start',
  'period_end',
  'period_ongoing',
  'period_text',
  'items',
  'media',
  'purpose',
  'subjects',
  'references',
  'source_file',
  'source_sha256',
] as const;

/**
 * A CSV cell, safe to open in a spreadsheet: a value that starts with =, +, -, @, a tab or a
 * carriage return would be run as a formula (=HYPERLINK(…) in a title), so it gets a leading
 * single quote and quotes around it, as OWASP's CSV-injection guidance says; then the usual
 * quoting of ", commas and line breaks.
 */
export function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[",\r\n']/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

/**
 * One CSV row per filing; lists are joined with ` / `. The header row is in Japanese (件名, 種別…)
 * for the people who open it in a spreadsheet; the stable keys are the JSON export's and are
 * listed in the README, so a script can map one to the other.
 */
export function filingsCsv(entries: Entry[], pageUrl: (id: string) => string): string {
  const rows = entries.map((e) => {
    const d = e.data;
    const values: Record<(typeof CSV_COLUMNS)[number], string> = {
      id: e.id,
      url: pageUrl(e.id),
      title: d.title,
      kind: d.kind,
      number: d.number ?? '',
      matters: d.matters.join(' / '),
      basis: d.basis.map((b) => `${b.article}${b.label ? `（${b.label}）` : ''}`).join(' / '),
      bureau: d.department.bureau ?? '',
      section: d.department.section,
      unit: d.department.unit ?? '',
      date: d.date,
      date_source: d.date_source,
      contractors: d.contractors.map((c) => `${c.name}（${[c.role, c.task, c.change].filter(Boolean).join('・')}）`).join(' / '),
      contractor_status: d.contractor_status ?? '',
      period_start: d.period?.start ?? '',
      period_end: d.period?.end ?? '',
      period_ongoing: d.period ? String(d.period.ongoing) : '',
      period_text: d.period?.text ?? '',
      items: d.items.join(' / '),
      media: d.media ?? '',
      purpose: d.purpose ?? '',
      subjects: d.subjects ?? '',
      references: d.references.join(' / '),
      source_file: d.source?.file ?? '',
      source_sha256: d.source?.sha256 ?? '',
    };
    return CSV_COLUMNS.map((c) => cell(values[c])).join(',');
  });
  return `\uFEFF${[CSV_COLUMNS.map((c) => cell(CSV_HEADERS[c])).join(','), ...rows].join('\r\n')}\r\n`;
}

/**
 * The companies as JSON: each company's name, every spelling seen, its page, its groups and
 * members (by name) and its roles in each filing. Portals (src/lib/portal/build-fs.ts) join the
 * companies of several archives by these names.
 */
export function contractorsJson(
  companies: ContractorIndex[],
  byKey: Map<string, ContractorIndex>,
  pageUrl: (slug: string) => string,
): string {
  const nameOf = (key: string): string => byKey.get(key)?.name ?? key;
  return `${JSON.stringify(
    companies.map((c) => ({
      name: c.name,
      names: c.names,
      url: pageUrl(c.slug),
      groups: c.groups.map(nameOf),
      members: c.members.map(nameOf),
      filings: c.appearances.map((a) => ({
        id: a.filing.id,
        roles: a.roles.map((r) => ({
          role: r.role,
          written: r.written,
          ...(r.task ? { task: r.task } : {}),
          ...(r.change ? { change: r.change } : {}),
          ...(r.group ? { group: nameOf(r.group) } : {}),
        })),
      })),
    })),
    null,
    2,
  )}\n`;
}
