/**
 * One file through every stage, without touching the disk: bytes → decoded document → record
 * text, with every problem formatted as `file:line: message` (`file: page N: message` for a paged
 * PDF). The command line (scripts/lib/import-run.ts) adds reading, writing and the checks
 * against the content folder; the importer's case tests call this directly.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ArchiveConfig } from '../record/config.ts';
import { DecodeError } from './decode/bytes.ts';
import { serializeClauseSet, serializeRecord } from '../record/record.ts';
import type { ClauseSetInput, FilingInput } from '../record/schema.ts';
import { decodeSource } from './decode/decode.ts';
import { missingText } from './lossless.ts';
import type { Problem } from './messages.ts';
import type { Line } from './source.ts';
import { parseSource, type ParsedFiling } from './parse-filing.ts';
import { SourceError, type SourceDoc } from './source.ts';

/** What importing one file gives. */
export interface Imported {
  /** The decoded document, when the file could be decoded. */
  doc?: SourceDoc;
  parsed?: ParsedFiling;
  /** The record file's text, when the file imports. */
  content?: string;
  /** The record's folder in the content folder: `filings` or `clauses`. */
  folder?: 'filings' | 'clauses';
  sha256: string;
  warnings: string[];
  errors: string[];
}

/** Options for importDocument. */
export interface ImportOptions {
  /** The name the messages use for the file. */
  file: string;
  config: ArchiveConfig;
  id?: string;
  date?: string;
}

/** `file:12: message`, or `file: page 3: message` for a paged document. */
export function formatter(file: string, lines: Line[]): (p: Problem) => string {
  const paged = lines.some((l) => (l.page ?? 1) > 1);
  const byNo = new Map(lines.map((l) => [l.no, l]));
  return (p) => {
    if (p.line <= 0) return `${file}: ${p.message}`;
    const page = byNo.get(p.line)?.page;
    return paged && page !== undefined ? `${file}: page ${page}: ${p.message}` : `${file}:${p.line}: ${p.message}`;
  };
}

/** Import one file's bytes. Never throws for bad input. */
export async function importDocument(bytes: Uint8Array, options: ImportOptions): Promise<Imported> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const out: Imported = { sha256, warnings: [], errors: [] };
  let doc: SourceDoc;
  try {
    doc = await decodeSource(bytes, options.file);
  } catch (cause) {
    if (!(cause instanceof DecodeError) && !(cause instanceof SourceError)) throw cause;
    out.errors.push(`${options.file}: ${cause.message}`);
    return out;
  }
  out.doc = doc;
  const parsed = parseSource(doc, {
    file: path.basename(options.file),
    sha256,
    size: bytes.length,
    sourceType: doc.format,
    config: options.config,
    ...(options.id ? { id: options.id } : {}),
    ...(options.date ? { date: options.date } : {}),
  });
  out.parsed = parsed;
  const fmt = formatter(options.file, parsed.lines);
  out.warnings.push(...parsed.warnings.map(fmt));
  out.errors.push(...parsed.errors.map(fmt));
  const data = parsed.type === 'clause-set' ? parsed.clauseSet : parsed.data;
  if (!data || parsed.errors.length > 0) return out;
  for (const m of missingText(parsed.lines, data, parsed.tree ?? parsed.body))
    out.errors.push(
      fmt({ line: m.line, message: `the record would lose 「${m.text}」; this is an importer bug — please report it with the file` }),
    );
  if (out.errors.length > 0) return out;
  out.folder = parsed.type === 'clause-set' ? 'clauses' : 'filings';
  out.content =
    parsed.type === 'clause-set'
      ? serializeClauseSet(data as ClauseSetInput, parsed.body)
      : serializeRecord(data as FilingInput, parsed.body);
  return out;
}
