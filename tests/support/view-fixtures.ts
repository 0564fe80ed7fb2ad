/** Small literal archives for the view modules' unit tests (src/lib/*-view.ts, recipients, pictures). */
import { buildArchive, type Archive } from '../../src/lib/crosslinks/archive.ts';
import type { Entry } from '../../src/lib/record/schema.ts';
import { filingSchema, type FilingInput } from '../../src/lib/record/schema.ts';
import type { Paths } from '../../src/lib/views/view.ts';

/** A filing entry from a few fields; the rest take the schema's defaults. */
export function filing(id: string, fields: Partial<FilingInput> & { date: string }): Entry {
  return {
    id,
    data: filingSchema.parse({
      id,
      title: `件名${id}`,
      kind: '報告',
      department: { bureau: '総務部', section: '情報課' },
      date_source: 'inferred',
      ...fields,
    }),
    body: '',
  };
}

/** An archive without registries; slugs are the names' keys in ASCII (`s-0`, `s-1`… by first sight). */
export function archiveOf(entries: Entry[]): Archive {
  const seen = new Map<string, string>();
  return buildArchive(entries, {}, (t) => {
    if (!seen.has(t)) seen.set(t, `s${seen.size}`);
    return seen.get(t) ?? 'x';
  });
}

/** Paths that show what they link to: `/filing/<id>`, `/contractor/<slug>`… */
export const PATHS: Paths = {
  filing: (x) => `/filing/${x}`,
  department: (x) => `/department/${x}`,
  contractor: (x) => `/contractor/${x}`,
  basis: (x) => `/basis/${x}`,
  year: (x) => `/year/${x}`,
  item: (x) => `/item/${x}`,
  matter: (x) => `/matter/${x}`,
  meeting: (x) => `/meeting/${x}`,
  clauseVersion: (x) => `/version/${x}`,
  compare: (a, b) => `/compare/${a}/${b}`,
  source: (x) => `/source/${x}`,
};

/** The change of contractor of seed 004, cut down: a 企業体 before, a company with two subcontractors after. */
export const CHANGE: FilingInput['contractors'] = [
  { name: '甲企業体', role: '委託先', change: '変更前' },
  { name: 'A株式会社', role: '代表企業', change: '変更前', group: '甲企業体' },
  { name: 'B株式会社', role: '構成企業', change: '変更前', group: '甲企業体' },
  { name: 'B株式会社', role: '委託先', change: '変更後' },
  { name: 'C株式会社', role: '再委託先', change: '変更後', task: '保守' },
  { name: 'D株式会社', role: '再委託先', change: '変更後', task: 'コールセンター' },
];
