/**
 * What the decoders give the rest of the importer: the document as lines, whatever it came
 * from (text extraction, PDF, Word). A line is a paragraph of text or a table row whose cells
 * are separated by tabs (cells may hold HTML, as in the text extractions); decoders that know
 * the layout say where each line is and how it sits on the page, so that normalise.ts can
 * join wrapped lines and drop page furniture.
 */
import type { Problem } from './messages.ts';

/** The formats the importer reads. */
export type SourceFormat = 'text' | 'pdf' | 'docx' | 'html';

/** One line of a decoded document. */
export interface SourceLine {
  /** The text; table rows have their cells separated by tabs. */
  text: string;
  /** 1-based page, where the format has pages (PDF; text with form feeds). */
  page?: number;
  /** The line ends at the right edge of its column (or cell), so the next line may continue it. */
  full?: boolean;
  /** Height of the text relative to the document's body text (1 = body text); PDF only. */
  size?: number;
  /** Nearer the top (`top`) or bottom (`bottom`) edge of the page than any body text; PDF only. */
  edge?: 'top' | 'bottom';
}

/** A line as the recognisers read it. */
export interface Line {
  /** Where it starts: the 1-based line of the source text, or of the decoded text for PDF and Word. */
  no: number;
  text: string;
  /** The page it is on (PDF). */
  page?: number;
}

/** A decoded document. */
export interface SourceDoc {
  format: SourceFormat;
  lines: SourceLine[];
  /** Pages in the document (PDF), or undefined. */
  pages?: number;
  /** What the decoder noticed (vertical text, restored list numbers …). Line 0 = the whole file. */
  notes: Problem[];
  /**
   * The dates the file says of itself (PDF Info, a .docx's docProps/core.xml), ISO: a clause set
   * that prints no date is dated from them, said as such.
   */
  fileDates?: { created?: string; modified?: string };
}

/** An ISO day from a PDF date (`D:20210401093000+09'00'`) or an XML dateTime (`2021-04-01T00:00:00Z`), if it is one. */
export function isoDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(?:D:)?(\d{4})-?(\d{2})-?(\d{2})/u.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || y > 2200 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** A decoding failure the user can act on (a damaged, encrypted or image-only file). */
export class SourceError extends Error {}
