/**
 * The first stage: a file's bytes → a decoded document, whatever the format. The format is told
 * from the bytes, not the file name (a PDF saved as `.txt` is still a PDF); the name only tells
 * HTML from plain text.
 */
import { DecodeError, decodeFiling } from './bytes.ts';
import { decodeDocx, isZip } from './docx.ts';
import { decodePdf, isPdf } from './pdf.ts';
import { htmlToLines } from './html-lines.ts';
import { textDocument } from './text.ts';
import { SourceError, type SourceDoc, type SourceFormat } from '../source.ts';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The format of some bytes, or why they cannot be imported. */
export function sniff(bytes: Uint8Array, name: string): SourceFormat {
  if (isPdf(bytes)) return 'pdf';
  if (isZip(bytes)) return 'docx';
  if (OLE.every((b, i) => bytes[i] === b))
    throw new SourceError('this is an Office 97-2003 file (.doc or .xls); open it in Word and save it as .docx or PDF, then import that');
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
  if (head.startsWith('{\\rtf'))
    throw new SourceError('this is an RTF file; open it in Word and save it as .docx or PDF, then import that');
  if (/\.html?$/iu.test(name) || head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  return 'text';
}

/** Decode a file into the importer's lines. Throws SourceError (or DecodeError for text) with what to do. */
export async function decodeSource(bytes: Uint8Array, name: string): Promise<SourceDoc> {
  const format = sniff(bytes, name);
  if (format === 'pdf') return decodePdf(bytes);
  if (format === 'docx') return decodeDocx(bytes);
  const { text } = decodeFiling(bytes);
  if (format === 'html') {
    const notes: SourceDoc['notes'] = [];
    return { format: 'html', lines: htmlToLines(text, notes), notes };
  }
  return textDocument(text);
}

export { DecodeError, SourceError };
