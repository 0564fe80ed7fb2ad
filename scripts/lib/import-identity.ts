/**
 * Which document a record is, beyond the id it derives from its subject, section and year: two
 * documents can share those (a 報告 and an 諮問 of one subject, a clause set amended twice in a
 * year), and one document can come in several files (the PDF and the Word file of one filing).
 * A document is told by its kind, date and number; the same document in another format is a copy.
 */
import { createHash } from 'node:crypto';
import type { Imported } from '../../src/lib/import/importer.ts';
import type { SourceDoc } from '../../src/lib/import/source.ts';
import { fieldsOf } from './import-store.ts';

/** What tells one document from another with the same derived id. */
export interface DocumentKey {
  id: string;
  folder: 'filings' | 'clauses';
  kind: string;
  date: string;
  number: string;
  /** The format it was read from (not part of its identity: the same filing in PDF and Word is one). */
  format: SourceDoc['format'] | undefined;
}

/** A record this run wrote: the file it came from, where it went, which document it is. */
export interface Produced {
  file: string;
  output: string;
  document: DocumentKey;
}

const text = (x: unknown): string => (typeof x === 'string' ? x : x instanceof Date ? x.toISOString().slice(0, 10) : '');

/** The document an import read, or undefined when it made no record. */
export function documentOf(imported: Imported): DocumentKey | undefined {
  const p = imported.parsed;
  if (!p || !imported.folder) return undefined;
  if (p.type === 'clause-set' && p.clauseSet)
    return { id: p.clauseSet.id, folder: 'clauses', kind: '', date: text(p.clauseSet.date), number: '', format: imported.doc?.format };
  if (p.type === 'filing' && p.data)
    return {
      id: p.data.id,
      folder: 'filings',
      kind: p.data.kind,
      date: text(p.data.date),
      number: p.data.number ?? '',
      format: imported.doc?.format,
    };
  return undefined;
}

/** The document a record file holds, loosely read; undefined when it cannot be read. */
export function recordDocument(record: string, folder: 'filings' | 'clauses'): DocumentKey | undefined {
  const f = fieldsOf(record);
  if (typeof f === 'string') return undefined;
  const d = f.data;
  const source = (d['source'] ?? {}) as Record<string, unknown>;
  const type = text(source['type']);
  return {
    id: text(d['id']),
    folder,
    kind: folder === 'clauses' ? '' : text(d['kind']),
    date: text(d['date']),
    number: folder === 'clauses' ? '' : text(d['number']),
    format: type === 'text' || type === 'pdf' || type === 'docx' || type === 'html' ? type : undefined,
  };
}

/** The same document: one folder, kind, date and number (the format may differ). */
export function sameDocument(a: DocumentKey | undefined, b: DocumentKey | undefined): boolean {
  return !!a && !!b && a.folder === b.folder && a.kind === b.kind && a.date === b.date && a.number === b.number;
}

/** The id of a document whose derived id another document holds: the derived id and a hash of what tells them apart. */
export function distinctId(d: DocumentKey): string {
  const tell = createHash('sha256').update(`${d.kind}\n${d.date}\n${d.number}`).digest('hex').slice(0, 4);
  return `${d.id}-${tell}`;
}
