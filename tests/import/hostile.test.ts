/**
 * Hostile PDF and Word inputs (tests/fixtures/hostile/pdf/, made with qpdf and Chromium from the
 * seed PDFs; huge ones built here): each gets a clear message naming the file and what to do, exit
 * 1, and the other files of the run still go in. Time and memory are the bench's to measure.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writePdf } from '../support/pdf-writer.ts';
import { describe, expect, it } from 'vitest';
import { runImport, type ImportResult } from '../../scripts/lib/import-run.ts';
import { PDF_LIMITS } from '../../src/lib/import/decode/pdf.ts';

const HOSTILE = path.resolve('tests/fixtures/hostile/pdf');

/** A PDF of `pages` pages, each with a line of Latin text in a standard font (no Japanese filing). */
function manyPages(pages: number): Buffer {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', ''];
  const kids: number[] = [];
  const font = 3;
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  for (let p = 0; p < pages; p++) {
    const content = `BT /F1 12 Tf 72 700 Td (Page ${p + 1} of a long annex) Tj ET`;
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    const contentId = objects.length;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${contentId} 0 R >>`,
    );
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${pages} >>`;
  return writePdf(objects);
}

async function run(argv: string[]): Promise<{ code: number; results: ImportResult[] }> {
  let stdout = '';
  const code = await runImport(['--json', ...argv], { stdout: (t) => (stdout += t), stderr: () => {} });
  return { code, results: JSON.parse(stdout) as ImportResult[] };
}

describe('hostile PDF and Word files', () => {
  it('each gets a clear message and exit 1; the good file beside them is still imported', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archive-hostile-'));
    for (const f of readdirSync(HOSTILE)) copyFileSync(path.join(HOSTILE, f), path.join(dir, f));
    const good = path.resolve('tests/fixtures/import/seed-001-pdf/input.pdf');
    copyFileSync(good, path.join(dir, 'good.pdf'));
    const seedPdf = readFileSync(path.resolve('tests/fixtures/import/seed-000-pdf/input.pdf'));
    writeFileSync(path.join(dir, 'truncated.pdf'), seedPdf.subarray(0, Math.floor(seedPdf.length / 3)));
    writeFileSync(path.join(dir, 'not-a-pdf.pdf'), Buffer.from('%PDF-1.7\n%%EOF garbage'));
    writeFileSync(path.join(dir, 'long-annex.pdf'), manyPages(500));
    writeFileSync(path.join(dir, 'too-many-pages.pdf'), manyPages(PDF_LIMITS.pages + 1));
    const docx = readFileSync(path.resolve('tests/fixtures/import/seed-000-docx/input.docx'));
    writeFileSync(path.join(dir, 'cut.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
    const out = mkdtempSync(path.join(tmpdir(), 'archive-hostile-out-'));
    const { code, results } = await run(['--out', out, dir]);
    expect(code).toBe(1);
    const by = (name: string): ImportResult => results.find((r) => path.basename(r.source) === name) as ImportResult;
    const error = (name: string): string => by(name).errors.join('\n');
    expect(error('encrypted.pdf')).toMatch(/encrypted\.pdf: the PDF is encrypted with a password; open it, save an unprotected copy/u);
    expect(error('image-only.pdf')).toMatch(/image-only\.pdf: the PDF has no text layer: its pages are images \(a scan\)\. Run OCR/u);
    expect(error('truncated.pdf')).toMatch(/truncated\.pdf: .*(damaged or cut short|does not read as a council filing)/u);
    expect(error('not-a-pdf.pdf')).toMatch(/not-a-pdf\.pdf: the PDF (cannot be read|holds no text)/u);
    expect(error('long-annex.pdf')).toMatch(/long-annex\.pdf:\d+: this does not read as a council filing/u);
    expect(error('too-many-pages.pdf')).toMatch(
      new RegExp(`too-many-pages\\.pdf: the PDF has ${PDF_LIMITS.pages + 1} pages, more than the ${PDF_LIMITS.pages}`, 'u'),
    );
    expect(error('cut.docx')).toMatch(/cut\.docx: the (file is not a \.docx|\.docx zip directory is damaged|\.docx cannot be read)/u);
    // A PDF that only forbids editing opens without a password; one with files attached imports and says what it left.
    expect(by('owner-password-only.pdf').ok).toBe(true);
    // The same filing as owner-password-only.pdf: one record, this file kept as a copy of its original.
    expect(by('with-attachment.pdf').ok).toBe(true);
    expect(by('with-attachment.pdf').warnings.join('\n')).toMatch(
      /the same filing as .*owner-password-only\.pdf .* kept as a copy of its original/u,
    );
    expect(by('with-attachment.pdf').warnings.join('\n')).toMatch(
      /carries 1 embedded file\(s\); they are not imported — import them on their own/u,
    );
    expect(by('good.pdf').ok).toBe(true);
    for (const r of results) for (const e of r.errors) expect(e).not.toMatch(/\n\s+at /u);
  });
});
