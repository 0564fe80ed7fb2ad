/** Open data: the CSV is safe to open in a spreadsheet. */
import { describe, expect, it } from 'vitest';
import { cell } from '../../src/lib/publish/open-data.ts';
import { revealControls } from '../../src/lib/core/text.ts';

describe('cell', () => {
  it('neutralises cells a spreadsheet would run as formulas (OWASP: =, +, -, @, tab, CR)', () => {
    expect(cell('=HYPERLINK("http://evil.example","click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    for (const v of ['+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1']) expect(cell(v).startsWith(`"'`) || cell(v).startsWith("'")).toBe(true);
    expect(cell('住民票コード')).toBe('住民票コード');
    expect(cell('a,b')).toBe('"a,b"');
  });
});

describe('revealControls', () => {
  it('shows a bidirectional override as its code point, so a name cannot disguise itself', () => {
    expect(revealControls('\u202e社会式株ルーツ')).toBe('〔U+202E〕社会式株ルーツ');
    expect(revealControls('日本電気株式会社')).toBe('日本電気株式会社');
  });
});
