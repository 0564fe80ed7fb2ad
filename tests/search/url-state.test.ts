/** src/lib/search/url-state.ts: the search page's state in its URL. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEARCH_FACETS } from '../../src/lib/search/format.ts';
import { paramsOf, stateFromParams, type SearchState } from '../../src/lib/search/url-state.ts';

describe('the search state in the URL', () => {
  it('reads the query, the facets, the forms switched off and own; ignores the rest', () => {
    const params = new URLSearchParams('q=住民票+平成22年&year=2010&off=じゅうみんひょう&off=住民票の写し&own=1&utm=x&kind=');
    expect(stateFromParams(params)).toEqual({
      q: '住民票 平成22年',
      filters: { year: '2010' },
      off: ['じゅうみんひょう', '住民票の写し'],
      own: true,
    });
    expect(stateFromParams(new URLSearchParams(''))).toEqual({ q: '', filters: {}, off: [], own: false });
  });
  it('writes the facets in table order and leaves out what is empty', () => {
    const state: SearchState = { q: '', filters: { item: '氏名', kind: '諮問' }, off: [], own: false };
    expect(paramsOf(state).toString()).toBe(`kind=${encodeURIComponent('諮問')}&item=${encodeURIComponent('氏名')}`);
  });
  it('reads back every state it writes (property)', () => {
    const value = fc.string({ minLength: 1, unit: 'grapheme' });
    const state = fc.record({
      q: fc.string({ unit: 'grapheme' }),
      filters: fc.dictionary(fc.constantFrom(...SEARCH_FACETS), value),
      off: fc.array(value, { maxLength: 4 }),
      own: fc.boolean(),
    });
    fc.assert(
      fc.property(state, (s) => {
        expect(stateFromParams(new URLSearchParams(paramsOf(s).toString()))).toEqual(s);
      }),
      { numRuns: 1000 },
    );
  });
});
