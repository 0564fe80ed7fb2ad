import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bigramTokens,
  containsTerm,
  contentTokens,
  excerpt,
  GAP,
  quadgramTokens,
  STREAMS,
  trigramTokens,
  pagefindQuery,
  parseQuery,
  searchPlan,
  shardToken,
  clauseSetToken,
  filterWord,
} from '../../src/lib/search/tokens.ts';
import { pagefindWord } from '../../src/lib/search/indexer/pagefind-words.ts';

/**
 * What the search page finds in one page of text in shard 0, as Pagefind does it: an exact phrase
 * is the words at consecutive positions, a prefix search any word that starts with it.
 */
function phraseMatches(text: string, term: string, plan = searchPlan(term)): boolean {
  const words = contentTokens(text, 0, plan.stream);
  if (plan.phrase.length === 0 && plan.prefix === undefined) return false;
  const q = pagefindQuery(plan, 0);
  if (plan.prefix !== undefined) return words.some((w) => w.startsWith(q));
  const phrase = q.replace(/"/gu, '').split(' ');
  for (let p = 0; p + phrase.length <= words.length; p++) if (phrase.every((t, k) => words[p + k] === t)) return true;
  return false;
}

describe('tokens', () => {
  it('trigrams and 4-grams: whole ones at even offsets, then at odd offsets, each sequence closed by a gap', () => {
    expect(trigramTokens('住民票コード')).toEqual(['住民票', '票コー', GAP, '民票コ', 'コード', GAP]);
    expect(trigramTokens('株式会社ＢＣＣ')).toEqual(['株式会', '会社b', 'bcc', GAP, '式会社', '社bc', GAP]);
    expect(quadgramTokens('住民票コード')).toEqual(['住民票コ', '票コード', GAP, '民票コー', GAP]);
    expect(trigramTokens('課長 係 予算額')).toEqual(['予算額', GAP]);
  });
  it('the gap is a word Pagefind does not index: no letter or digit', () => {
    expect(GAP).not.toMatch(/[\p{L}\p{N}]/u);
    expect(contentTokens('課長 予算額', 0, 'tri')).toEqual(['ა予算額α', GAP]);
  });
  it('bigrams: each run, then its last character; Latin and digits alike', () => {
    expect(bigramTokens('住民票コード')).toEqual(['住民', '民票', '票コ', 'コー', 'ード', 'ド']);
    expect(bigramTokens('第14条、第1項')).toEqual(['第1', '14', '4条', '条', '第1', '1項', '項']);
  });
  it('folds widths and half-width kana', () => {
    expect(trigramTokens('ｺｰﾄﾞ')).toEqual(trigramTokens('コード'));
  });
  it("a stream's mark goes first, a shard name last: Greek for trigrams, Armenian for 4-grams and Cyrillic for bigrams", () => {
    expect(shardToken('住民票', 'tri', 0)).toBe('ა住民票α');
    expect(shardToken('住民票コ', 'quad', 0)).toBe('ბ住民票コա');
    expect(shardToken('住民', 'bi', 1)).toBe('გ住民б');
    expect(contentTokens('課長補佐', 2, 'tri')).toEqual(['ა課長補γ', GAP, 'ა長補佐γ', GAP]);
    expect(contentTokens('課長補佐', 2, 'quad')).toEqual(['ბ課長補佐գ', GAP]);
    expect(contentTokens('課長', 2, 'bi')).toEqual(['გ課長в', 'გ長в']);
  });
});

describe('searchPlan', () => {
  it('every other trigram for an odd run of three or more, 4-gram for an even one, bigrams for two, a prefix for one', () => {
    expect(searchPlan('住民票コード')).toEqual({ phrase: ['住民票コ', '票コード'], stream: 'quad' });
    expect(searchPlan('共同企業体')).toEqual({ phrase: ['共同企', '企業体'], stream: 'tri' });
    expect(searchPlan('再委託')).toEqual({ phrase: ['再委託'], stream: 'tri' });
    expect(searchPlan('電子申請')).toEqual({ phrase: ['電子申請'], stream: 'quad' });
    expect(searchPlan('保守')).toEqual({ phrase: ['保守'], stream: 'bi' });
    expect(searchPlan('課')).toEqual({ phrase: [], stream: 'bi', prefix: '課' });
  });
  it('a term with a separator in it: bigrams, each run before a separator ending with its last character', () => {
    expect(searchPlan('電子 申請')).toEqual({ phrase: ['電子', '子', '申請'], stream: 'bi' });
    expect(searchPlan('TLS1.2')).toEqual({ phrase: ['tl', 'ls', 's1', '1', '2'], stream: 'bi' });
  });
  it('queries per shard', () => {
    expect(pagefindQuery(searchPlan('再委託'), 0)).toBe('"ა再委託α"');
    expect(pagefindQuery(searchPlan('BCC'), 1)).toBe('"აbccβ"');
    expect(pagefindQuery(searchPlan('保守'), 2)).toBe('"გ保守в"');
    expect(pagefindQuery(searchPlan('個人情報保護'), 0)).toBe('"ბ個人情報ա ბ情報保護ա"');
    // One character: a prefix of the bigram stream's tokens, the same in every shard.
    expect(pagefindQuery(searchPlan('課'), 2)).toBe('გ課');
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
      fc.property(fc.stringMatching(/^[あいう漢字カナー]{0,30}$/u), fc.stringMatching(/^[あいう漢字カナー]{2,8}$/u), (t, q) => {
        expect(phraseMatches(t, q)).toBe(containsTerm(t, q));
      }),
      { numRuns: 2000 },
    );
  });
  it('with separators and every length: exactly the texts that contain the term (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[あい漢カー1、 ]{0,30}$/u), fc.stringMatching(/^[あい漢カー1、 ]{2,7}$/u), (t, q) => {
        if (searchPlan(q).phrase.length === 0 && searchPlan(q).prefix === undefined) return;
        // Known limit: a one-character part after a separator must end a run in the text too
        // (い、ー does not find い、ー1): it never over-matches.
        const parts = q.split(/[、 ]+/u).filter(Boolean);
        if (parts.length > 1 && [...(parts.at(-1) ?? '')].length === 1) {
          if (phraseMatches(t, q)) expect(containsTerm(t, q)).toBe(true);
          return;
        }
        expect(phraseMatches(t, q)).toBe(containsTerm(t, q));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('one index for the three streams', () => {
  it("each stream's tokens sort as a block of their own, in stream order, after the clause-set words (property)", () => {
    const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'住民票コード課長ωαაბგzZ0１ 、'), maxLength: 40 }), fc.nat(16), (text, shard) => {
        const blocks = STREAMS.map((stream) =>
          contentTokens(text, shard, stream)
            .filter((t) => t !== GAP)
            .sort(order),
        );
        const set = clauseSetToken('cs-0123abcd');
        blocks.forEach((tokens, i) => {
          for (const t of tokens) expect(order(set, t)).toBe(-1);
          const next = blocks.slice(i + 1).flat();
          for (const t of tokens) for (const u of next) expect(order(t, u)).toBe(-1);
        });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('filter words', () => {
  it('name a value of a facet: one word as Pagefind keeps it, sorted with the clause-set words before every stream', () => {
    expect(filterWord('year', '2010')).toBe('ωfyear2010');
    fc.assert(
      fc.property(fc.constantFrom('contractor', 'item', 'year', 'section'), fc.string({ maxLength: 30 }), (facet, value) => {
        const w = filterWord(facet, value);
        // Pagefind indexes it as it is: no part of it dropped or cut.
        expect(pagefindWord(w)?.key).toBe(w);
        expect(w.startsWith('ωf')).toBe(true);
        for (const stream of STREAMS) for (const t of contentTokens(value, 0, stream).filter((x) => x !== GAP)) expect(w < t).toBe(true);
        expect(filterWord(facet, value)).toBe(w);
      }),
      { numRuns: 500 },
    );
  });

  it('tell values apart, and the same value of two facets', () => {
    const values = ['株式会社ＢＣＣ', '株式会社BCC', 'BCC株式会社', '氏名', '氏名 ', '2010', '02010', ''];
    const words = values.map((v) => filterWord('contractor', v));
    expect(new Set(words).size).toBe(values.length);
    expect(filterWord('item', '氏名')).not.toBe(filterWord('section', '氏名'));
    // Many values, no two alike (a 53-bit hash).
    const many = new Set(Array.from({ length: 20_000 }, (_, i) => filterWord('item', `項目${i}`)));
    expect(many.size).toBe(20_000);
  });
});

describe('parseQuery', () => {
  it('splits on spaces, keeps quoted phrases', () => {
    expect(parseQuery('住民票コード　再委託 "電子 申請"').terms).toEqual(['住民票コード', '再委託', '電子 申請']);
    expect(parseQuery('  、。 ').terms).toEqual([]);
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
    expect(bigramTokens('端末 I D')).toEqual(['端末', '末', 'id', 'd']);
    expect(searchPlan('ID')).toEqual({ phrase: ['id'], stream: 'bi' });
    expect(trigramTokens('a big')).toEqual(['big', GAP]);
  });
});
