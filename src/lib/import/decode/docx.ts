/**
 * Word in: a .docx through mammoth, whose HTML keeps tables, then the same lines as any HTML
 * (html-lines.ts). Before mammoth inflates anything, the zip's own directory is read for the
 * sizes its files claim, so that a zip bomb is refused instead of filling memory.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { htmlToLines } from './html-lines.ts';
import type { Problem } from '../messages.ts';
import { SourceError, isoDay, type SourceDoc } from '../source.ts';

/** Limits on what a .docx may unpack to. */
export const DOCX_LIMITS = { bytes: 200 * 1024 * 1024, ratio: 200, entries: 5000 };

/** An entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  compressed: number;
  size: number;
}

/**
 * The central directory of a zip file (names and sizes), read by hand: JSZip exposes the sizes
 * only through a private field, and mammoth inflates every part it reads. Throws SourceError
 * when the bytes are not a zip.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new SourceError('the file is not a .docx (no zip directory): it may be damaged or cut short; save it again from Word');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      throw new SourceError('the .docx zip directory is damaged; save the document again from Word and import that');
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, compressed, size: size === 0xffffffff ? Infinity : size });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** True when the bytes are a zip (a .docx is one). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Decode a .docx into lines. Throws SourceError for a file that is not a Word document or is unsafe to unpack. */
export async function decodeDocx(bytes: Uint8Array): Promise<SourceDoc> {
  const entries = zipEntries(bytes);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    if (entries.some((e) => e.name.startsWith('xl/')))
      throw new SourceError('this is an Excel workbook, not a Word document; save the filing as PDF or .docx and import that');
    if (entries.some((e) => e.name.startsWith('ppt/')))
      throw new SourceError('this is a PowerPoint file, not a Word document; save it as PDF and import that');
    throw new SourceError('this zip file is not a Word document (no word/document.xml); import the .docx or PDF of the filing');
  }
  const total = entries.reduce((n, e) => n + e.size, 0);
  const packed = entries.reduce((n, e) => n + e.compressed, 0);
  if (entries.length > DOCX_LIMITS.entries || total > DOCX_LIMITS.bytes || total > Math.max(packed, 1) * DOCX_LIMITS.ratio)
    throw new SourceError(
      `the .docx would unpack to ${Number.isFinite(total) ? `${Math.round(total / 1024 / 1024)} MB` : 'an unbounded size'} from ${Math.round(bytes.length / 1024)} KB (${entries.length} parts): refused as a zip bomb. If the document is genuine, save it again from Word without embedded media`,
    );
  const notes: Problem[] = [];
  let images = 0;
  let result;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(() => {
          images++;
          return Promise.resolve({ src: '' });
        }),
      },
    );
  } catch (cause) {
    throw new SourceError(`the .docx cannot be read (${(cause as Error).message}); save it again from Word and import that`, { cause });
  }
  if (images > 0) notes.push({ line: 0, message: `${images} image(s) in the document are not imported (the record keeps text)` });
  // mammoth drops the text direction; the document's XML says it (tbRl: top to bottom, right to left).
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')?.async('string');
  // Parts that reach outside the file when Word opens it (a remote template, linked images or
  // frames): the importer reads none of them, but the original published as 原本 keeps them.
  const external = new Set<string>();
  for (const name of Object.keys(zip.files).filter((n) => /^word\/_rels\/.*\.rels$/u.test(n)))
    for (const m of ((await zip.file(name)?.async('string')) ?? '').matchAll(/<Relationship\b[^>]*TargetMode="External"[^>]*>/gu))
      if (!/\/hyperlink"/u.test(m[0])) external.add(/Target="([^"]*)"/u.exec(m[0])?.[1] ?? '');
  if (external.size > 0)
    notes.push({
      line: 0,
      message: `the document reaches outside itself when Word opens it (${[...external].slice(0, 3).join(', ')}: a remote template, linked image or frame): its text is imported, but the original published as 原本 keeps the link — save a copy without it and import that`,
    });
  if (xml && /<w:textDirection\s+w:val="(?:tbRl|tbRlV|tbLrV)"/u.test(xml))
    notes.push({ line: 0, message: 'the document has vertical text (縦書き); check the record against it' });
  const lines = htmlToLines(result.value, notes);
  if (lines.every((l) => l.text.trim() === '')) throw new SourceError('the .docx holds no text; check that it is the right file');
  const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
  const created = isoDay(/<dcterms:created\b[^>]*>([^<]*)</u.exec(core)?.[1]);
  const modified = isoDay(/<dcterms:modified\b[^>]*>([^<]*)</u.exec(core)?.[1]);
  const fileDates = { ...(created ? { created } : {}), ...(modified ? { modified } : {}) };
  return { format: 'docx', lines, notes, ...(created || modified ? { fileDates } : {}) };
}
