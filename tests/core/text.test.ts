/** src/lib/core/text.ts: radicals read as the ideographs they show. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifyRadicals } from '../../src/lib/core/text.ts';

describe('unifyRadicals', () => {
  it('maps both radical blocks to unified ideographs, Japanese forms where the UCD gives traditional ones', () => {
    expect(unifyRadicals('区⺠意識調査データ⼊⼒')).toEqual({ text: '区民意識調査データ入力', changed: 3 });
    expect(unifyRadicals('平成18年3⽉20⽇、⼾籍住⺠課、⻘')).toEqual({ text: '平成18年3月20日、戸籍住民課、青', changed: 5 });
    expect(unifyRadicals('⾭⻑⻝')).toEqual({ text: '青長食', changed: 3 });
    // A radical with no equivalent ideograph stays as it is.
    expect(unifyRadicals('⺀⺚')).toEqual({ text: '⺀⺚', changed: 0 });
  });
  it('leaves text without radicals exactly as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const clean = s.replace(/[\u2e80-\u2fdf]/gu, '');
        expect(unifyRadicals(clean)).toEqual({ text: clean, changed: 0 });
      }),
      { numRuns: 1000 },
    );
  });
});
