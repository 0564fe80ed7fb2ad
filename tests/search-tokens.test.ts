import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsTerm, excerpt, indexTokens, pagefindQuery, parseQuery, queryTokens } from '../src/lib/search-tokens.ts';

/** Pagefind's view of the indexed words: one word per position. */
function positions(tokens: string[]): Array<Set<string>> {
  return tokens.map((t) => new Set([t]));
}
/** An exact phrase search over positions, as Pagefind's exact mode does it. */
function phraseMatches(text: string, term: string): boolean {
  const pos = positions(indexTokens(text));
  const q = queryTokens(term);
  if (q.length === 0) return false;
  for (let p = 0; p + q.length <= pos.length; p++) if (q.every((t, k) => pos[p + k]?.has(t))) return true;
  return false;
}

describe('indexTokens', () => {
  it('bigrams of each run, then its last character; Latin and digits alike', () => {
    expect(indexTokens('住民票コード')).toEqual(['住民', '民票', '票コ', 'コー', 'ード', 'ド']);
    expect(indexTokens('株式会社ＢＣＣ')).toEqual(['株式', '式会', '会社', '社b', 'bc', 'cc', 'c']);
    expect(indexTokens('第14条、第1項')).toEqual(['第1', '14', '4条', '条', '第1', '1項', '項']);
  });
  it('folds widths and half-width kana', () => {
    expect(indexTokens('ｺｰﾄﾞ')).toEqual(indexTokens('コード'));
  });
});

describe('queryTokens', () => {
  it('uses bigrams and keeps a lone character where it must line up', () => {
    expect(queryTokens('住民票コード')).toEqual(['住民', '民票', '票コ', 'コー', 'ード']);
    expect(queryTokens('14条')).toEqual(['14', '4条']);
    expect(queryTokens('QRコード')).toEqual(['qr', 'rコ', 'コー', 'ード']);
    expect(queryTokens('電子 申請')).toEqual(['電子', '子', '申請']);
    expect(queryTokens('課')).toEqual(['課']);
  });
});

describe('exact substring semantics', () => {
  const text = '住民票の写し及び住民票コード、第14条第1項（業務委託）、株式会社BCC、QRコード、電子申請サービス';
  it.each(['住民票コード', '民票コ', '14条', '第1項', '業務委託', 'ＢＣＣ', 'CC', '電子申請', 'QRコード', 'Rコー', '子申', '4条'])(
    '%s matches',
    (q) => {
      expect(phraseMatches(text, q)).toBe(true);
    },
  );
  it.each(['住民票写し', '電子サービス', '15条', '申請電子', 'BCC株式', '電子 申請'])('%s does not', (q) => {
    expect(phraseMatches(text, q)).toBe(false);
  });
  it('matches exactly when the text contains the term (Japanese substrings, property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[あいう漢字カナー]{0,30}$/u), fc.stringMatching(/^[あいう漢字カナー]{2,5}$/u), (t, q) => {
        expect(phraseMatches(t, q)).toBe(containsTerm(t, q));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseQuery and pagefindQuery', () => {
  it('splits on spaces, keeps quoted phrases', () => {
    expect(parseQuery('住民票コード　再委託 "電子 申請"').terms).toEqual(['住民票コード', '再委託', '電子 申請']);
    expect(parseQuery('  、。 ').terms).toEqual([]);
  });
  it('an exact phrase of the tokens', () => {
    expect(pagefindQuery('再委託')).toBe('"再委 委託"');
    expect(pagefindQuery('BCC')).toBe('"bc cc"');
  });
});

describe('excerpt', () => {
  it('marks hits in the original text, no stray spaces', () => {
    const parts = excerpt('乙は、住民票コードを扱う。ＢＣＣが受託する。', ['住民票コード', 'bcc'], 5);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['住民票コード', 'ＢＣＣ']);
    expect(parts.map((p) => p.text).join('')).toBe('乙は、住民票コードを扱う。ＢＣＣが受託…');
  });
  it('handles surrogate pairs', () => {
    expect(
      excerpt('𠮷野家の委託', ['委託'])
        .filter((p) => p.hit)
        .map((p) => p.text),
    ).toEqual(['委託']);
  });
});

describe('extraction damage', () => {
  it('joins Latin letters spread by spaces', () => {
    expect(indexTokens('端末 I D')).toEqual(['端末', '末', 'id', 'd']);
    expect(queryTokens('ID')).toEqual(['id']);
    expect(indexTokens('a big')).toEqual(['a', 'bi', 'ig', 'g']);
  });
});
