/**
 * PDF in: text and ruling lines read with pdfjs-dist (its legacy build is the one for Node),
 * laid out by pdf-layout.ts.
 *
 * Japanese PDFs set their text in CID fonts. Where a font carries no ToUnicode map, its codes
 * mean characters only through a predefined CMap (90ms-RKSJ-H, UniJIS-UCS2-H …); without the
 * maps pdfjs returns no text for it and says nothing. The maps and the standard fonts that ship
 * inside the pdfjs-dist package are loaded from disk, never from the network.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Problem } from '../messages.ts';
import { layoutDocument, type PageContent, type Segment, type TextItem } from './pdf-layout.ts';
import { SourceError, isoDay, type SourceDoc } from '../source.ts';
import { unifyRadicals } from '../../core/text.ts';

/** Limits that keep a hostile PDF from taking the machine. */
export const PDF_LIMITS = { pages: 2000, imagePixels: 50_000_000 };

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<Pdfjs> | undefined;

/** Where pdfjs-dist is installed (its cmaps/ and standard_fonts/ folders). */
function pdfjsRoot(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('pdfjs-dist/package.json'));
}

function load(): Promise<Pdfjs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** True when the bytes are a PDF (`%PDF-` within the first kilobyte, as readers accept). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  // n applied first, then m (PDF's `cm` pre-multiplies the current matrix).
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** What a page draws besides its text content: ruling lines, images, and text drawn so no one sees it. */
interface Drawn {
  segments: Segment[];
  images: number;
  /** Strings shown invisibly (text render mode 3 or 7: neither filled nor stroked), as shown. */
  invisible: string[];
  /** Strings shown in white, and whether anything but white was filled behind text (then white may be seen). */
  white: string[];
  darkFill: boolean;
}

/** The text of a show-text operator's glyphs (numbers in the array are spacing). */
function shownText(args: unknown[] | null): string {
  const glyphs = (args?.[0] ?? []) as Array<{ unicode?: string } | number | null>;
  return glyphs.map((g) => (g && typeof g === 'object' ? (g.unicode ?? '') : '')).join('');
}

/**
 * Ruling lines of a page (stroked straight lines, and thin filled rectangles as their centre
 * line), its images, and the text it draws invisibly: pdfjs's text content gives every string
 * whatever its render mode or colour, and a hidden string (a company name in render mode 3)
 * must not become a fact.
 */
function segmentsOf(ops: { fnArray: number[]; argsArray: unknown[] }, OPS: Pdfjs['OPS']): Drawn {
  const segments: Segment[] = [];
  const invisible: string[] = [];
  const white: string[] = [];
  let darkFill = false;
  let images = 0;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let mode = 0;
  let fill = '#000000';
  const states: Array<{ mode: number; fill: string }> = [];
  const shows = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);
  const fills = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const strokes = new Set<number>([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const imageOps = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintImageXObjectRepeat,
  ]);
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) {
      stack.push(ctm);
      states.push({ mode, fill });
    } else if (fn === OPS.restore) {
      ctm = stack.pop() ?? ctm;
      ({ mode, fill } = states.pop() ?? { mode, fill });
    } else if (fn === OPS.setTextRenderingMode && args) mode = Number(args[0]);
    else if (fn === OPS.setFillRGBColor && args) fill = String(args[0]).toLowerCase();
    else if (shows.has(fn)) {
      const text = shownText(fn === OPS.nextLineSetSpacingShowText ? (args?.slice(2) ?? null) : args).trim();
      if (text && (mode === 3 || mode === 7)) invisible.push(text);
      else if (text && fill === '#ffffff') white.push(text);
    } else if (fn === OPS.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push(ctm);
      const m = args[0] as Matrix | null;
      if (m) ctm = multiply(ctm, m);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (imageOps.has(fn)) images++;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) return;
      const subpaths = pathPoints(data);
      for (const pts of subpaths) {
        const world = pts.map(([x, y]) => apply(ctm, x, y));
        if (fills.has(paint)) {
          const xs = world.map((p) => p[0]);
          const ys = world.map((p) => p[1]);
          const w = Math.max(...xs) - Math.min(...xs);
          const h = Math.max(...ys) - Math.min(...ys);
          if (fill !== '#ffffff' && w > 8 && h > 8) darkFill = true;
          if (world.length >= 4 && Math.min(w, h) <= 2.5 && Math.max(w, h) > 4) {
            if (w >= h)
              segments.push({
                x1: Math.min(...xs),
                y1: (Math.min(...ys) + Math.max(...ys)) / 2,
                x2: Math.max(...xs),
                y2: (Math.min(...ys) + Math.max(...ys)) / 2,
              });
            else
              segments.push({
                x1: (Math.min(...xs) + Math.max(...xs)) / 2,
                y1: Math.min(...ys),
                x2: (Math.min(...xs) + Math.max(...xs)) / 2,
                y2: Math.max(...ys),
              });
            continue;
          }
        }
        if (strokes.has(paint))
          for (let k = 1; k < world.length; k++) {
            const [x1, y1] = world[k - 1] as [number, number];
            const [x2, y2] = world[k] as [number, number];
            segments.push({ x1, y1, x2, y2 });
          }
      }
    }
  });
  return { segments, images, invisible, white, darkFill };
}

/** Below this height (in points) text is too small to read: drawn to be found, not seen. */
const TINY = 1.5;

/**
 * The page's text items without those drawn invisibly: each string shown in render mode 3, in
 * white on a page with nothing dark behind text, or too small to see, is taken out once.
 */
function withoutHidden(items: TextItem[], drawn: Drawn): { items: TextItem[]; hidden: string[] } {
  const hiddenRuns = new Map<string, number>();
  // Most of a page's text invisible is an OCR text layer over a scan (ocrmypdf draws it in render
  // mode 3): it is the page's text, and kept.
  const all = items.reduce((n, it) => n + it.str.trim().length, 0);
  const invisible = drawn.invisible.reduce((n, s) => n + s.length, 0);
  const ocr = invisible * 2 >= all;
  for (const s of [...(ocr ? [] : drawn.invisible), ...(drawn.darkFill ? [] : drawn.white)])
    hiddenRuns.set(s, (hiddenRuns.get(s) ?? 0) + 1);
  const hidden: string[] = [];
  const kept = items.filter((it) => {
    const s = it.str.trim();
    if (!s) return true;
    const n = hiddenRuns.get(s) ?? 0;
    if (n > 0 || it.size < TINY) {
      if (n > 0) hiddenRuns.set(s, n - 1);
      hidden.push(s);
      return false;
    }
    return true;
  });
  return { items: kept, hidden };
}

/** The points of each subpath (curves by their end points: only straight rules matter here). */
function pathPoints(data: ArrayLike<number>): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  let current: Array<[number, number]> = [];
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    if (op === 0) {
      if (current.length > 0) out.push(current);
      current = [[data[i++] as number, data[i++] as number]];
    } else if (op === 1) current.push([data[i++] as number, data[i++] as number]);
    else if (op === 2) {
      i += 4;
      current.push([data[i++] as number, data[i++] as number]);
    } else if (op === 3) {
      i += 2;
      current.push([data[i++] as number, data[i++] as number]);
    } else if (op === 4) {
      if (current[0]) current.push(current[0]);
    } else break;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** PDF names of actions that run or reach out when a viewer opens the file. */
const ACTIVE = /\/(?:JavaScript|JS|Launch|SubmitForm|ImportData|RichMedia)(?![A-Za-z])/u;

/** Decode a PDF into lines. Throws SourceError for a PDF that holds no text to import. */
export async function decodePdf(bytes: Uint8Array): Promise<SourceDoc> {
  const lib = await load();
  const root = pdfjsRoot();
  const notes: Problem[] = [];
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${root}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${root}/standard_fonts/`,
    wasmUrl: `${root}/wasm/`,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
    // The importer reads text: an image is only counted, never needed decoded, and one huge
    // image made pdf.js decode gigabytes of pixels. Above this many pixels it skips them (a
    // 300 dpi A3 scan is well below).
    maxImageSize: PDF_LIMITS.imagePixels,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (cause) {
    await task.destroy();
    const name = (cause as { name?: string }).name;
    if (name === 'PasswordException')
      throw new SourceError(
        'the PDF is encrypted with a password; open it, save an unprotected copy (or print it to PDF) and import that',
        { cause },
      );
    throw new SourceError(
      `the PDF cannot be read (${(cause as Error).message}); it may be damaged or cut short — download or export it again`,
      { cause },
    );
  }
  try {
    if (doc.numPages > PDF_LIMITS.pages)
      throw new SourceError(
        `the PDF has ${doc.numPages} pages, more than the ${PDF_LIMITS.pages} a filing may have; split it and import the parts`,
      );
    const pages: PageContent[] = [];
    let images = 0;
    let rotated = 0;
    let radicals = 0;
    const hidden: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent({ disableNormalization: true });
      const items: TextItem[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const [a, b, c, d, e, f] = raw.transform as Matrix;
        if (Math.abs(b) > Math.abs(a) + 0.01 || Math.abs(c) > Math.abs(d) + 0.01) rotated++;
        const vertical = content.styles[raw.fontName]?.vertical === true || raw.dir === 'ttb';
        const unified = unifyRadicals(raw.str);
        radicals += unified.changed;
        items.push({
          str: unified.text,
          x: e - x0,
          y: f - y0,
          w: raw.width,
          size: Math.hypot(c, d) || Math.hypot(a, b) || raw.height,
          font: raw.fontName,
          ...(vertical ? { vertical } : {}),
        });
      }
      const ops = await page.getOperatorList();
      const s = segmentsOf(ops, lib.OPS);
      images += s.images;
      const seen = withoutHidden(items, s);
      hidden.push(...seen.hidden);
      pages.push({
        width: x1 - x0,
        height: y1 - y0,
        items: seen.items,
        segments: s.segments.map((g) => ({ x1: g.x1 - x0, y1: g.y1 - y0, x2: g.x2 - x0, y2: g.y2 - y0 })),
      });
      page.cleanup();
    }
    const textChars = pages.reduce((n, pg) => n + pg.items.reduce((m, i) => m + i.str.trim().length, 0), 0);
    if (textChars === 0) {
      throw new SourceError(
        images > 0
          ? 'the PDF has no text layer: its pages are images (a scan). Run OCR on it first (for example `ocrmypdf --language jpn in.pdf out.pdf`) and import the result'
          : 'the PDF holds no text at all; check that it is the right file',
      );
    }
    const attachments = await doc.getAttachments().catch(() => null);
    // pdfjs 6 gives a Map; earlier versions a plain object.
    const attached = attachments instanceof Map ? attachments.size : attachments ? Object.keys(attachments as object).length : 0;
    if (attached > 0)
      notes.push({
        line: 0,
        message: `the PDF carries ${attached} embedded file(s); they are not imported — import them on their own if they are filings`,
      });
    if (hidden.length > 0)
      notes.push({
        line: 0,
        message: `${hidden.length} piece(s) of text drawn so that no one sees them (invisible render mode, white on white, or smaller than ${TINY} pt) left out of the record: ${hidden
          .slice(0, 5)
          .map((h) => `「${h.length > 40 ? `${h.slice(0, 40)}…` : h}」`)
          .join('、')}${hidden.length > 5 ? ' …' : ''} — check the original`,
      });
    if (radicals > 0)
      notes.push({
        line: 0,
        message: `${radicals} character(s) that the PDF's text layer gives as CJK radicals (⺠, ⽉…) were read as the ideographs they show (民, 月)`,
      });
    // Active content: the importer reads only the text, but the original is published as 原本,
    // and a browser's PDF viewer may run it. Said so staff can publish a copy without it.
    const actions = await doc.getJSActions().catch(() => null);
    const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if ((actions && Object.keys(actions).length > 0) || ACTIVE.test(raw))
      notes.push({
        line: 0,
        message:
          'the PDF carries active content (JavaScript, a launch or a form-submit action): its text is imported, but the original published as 原本 keeps it — print it to PDF (or save a copy without scripts) and import that',
      });
    if (rotated > 0) notes.push({ line: 0, message: `${rotated} piece(s) of rotated text were read as if upright; check the record` });
    const { lines, vertical } = layoutDocument(pages);
    if (vertical.length > 0)
      notes.push({
        line: 0,
        message: `vertical text (縦書き) on page(s) ${vertical.join(', ')}: read as columns from right to left; check the record against the PDF`,
      });
    const info = ((await doc.getMetadata().catch(() => undefined))?.info ?? {}) as Record<string, unknown>;
    const created = isoDay(info['CreationDate']);
    const modified = isoDay(info['ModDate']);
    const fileDates = { ...(created ? { created } : {}), ...(modified ? { modified } : {}) };
    return { format: 'pdf', lines, pages: doc.numPages, notes, ...(created || modified ? { fileDates } : {}) };
  } finally {
    await task.destroy();
  }
}
