/**
 * The originals of imported records: the file a filing or a published clause set was imported
 * from, kept in the content folder at `sources/<first 16 hex of its SHA-256><extension>`
 * (sourcePath in src/lib/record/record.ts) and published by the site under the same name.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { SOURCE_EXTENSIONS, sourcePath } from './record.ts';
import { SOURCE_TYPES, type Filing } from './schema.ts';

/** A record's `source`. */
export type Source = NonNullable<Filing['source']>;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** What an original is: its `type`, or what its file name says. */
export function sourceType(source: Source): SourceType {
  if (source.type) return source.type;
  const ext = path.extname(source.file).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx' || ext === '.doc') return 'docx';
  if (ext === '.html' || ext === '.htm') return 'html';
  return 'text';
}

/** The original's file name in the content folder's `sources/`: `7fc5eb3caf0b5916.txt`, with the extension it was imported under. */
export function storedName(source: Source): string {
  return path.basename(sourcePath(source.sha256, path.extname(source.file).toLowerCase() || SOURCE_EXTENSIONS[sourceType(source)]));
}

/**
 * Extensions the site publishes originals under, by what they are, never by the name they came
 * with: a static host picks the content type from the extension, and an original is untrusted —
 * an HTML page (or a text file named `.html` or `.svg`) served as such would run its scripts on
 * the archive's own origin. HTML is published as text.
 */
const PUBLISHED: Record<SourceType, string> = { text: '.txt', pdf: '.pdf', docx: '.docx', html: '.html.txt' };

/** The original's file name on the site (`/sources/<name>`): `7fc5eb3caf0b5916.pdf`, `….html.txt`. */
export function originalName(source: Source): string {
  return `${source.sha256.slice(0, 16)}${PUBLISHED[sourceType(source)]}`;
}

/** An original as the site links it. */
export interface Original {
  /** The file name in `sources/` and under `/sources/` on the site. */
  name: string;
  /** Where it is (or would be) in the content folder. */
  file: string;
  /** It is in the content folder (else the page has no link). */
  exists: boolean;
  /** Bytes: the file's, else the record's `source.size`. */
  size: number | undefined;
  type: SourceType;
  /** The name it is saved under when downloaded: the file name it was imported as. */
  download: string;
}

/** The original of a record's `source` in the content folder `dir`. */
export function findOriginal(source: Source, dir: string): Original {
  const name = originalName(source);
  const file = path.join(dir, 'sources', storedName(source));
  const exists = existsSync(file) && statSync(file).isFile();
  return {
    name,
    file,
    exists,
    size: exists ? statSync(file).size : source.size,
    type: sourceType(source),
    download: path.basename(source.file.replace(/\\/gu, '/')) || name,
  };
}

/** `6.2 KB`, `11.6 KB`, `153 KB`, `1,204 KB`. */
export function formatKB(bytes: number): string {
  const kb = bytes / 1024;
  if (bytes > 0 && kb < 0.1) return '0.1 KB';
  return `${kb < 100 ? kb.toFixed(1) : Math.round(kb).toLocaleString('en-US')} KB`;
}
