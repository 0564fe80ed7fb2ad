/** src/lib/views/filing-list.ts: the facets of the filings list and each filing's values. */
import { describe, expect, it } from 'vitest';
import type { ClauseVersion } from '../../src/lib/clauses/versions.ts';
import { filingFacets, filingKeys } from '../../src/lib/views/filing-list.ts';
import { FILING_FACETS } from '../../src/lib/search/format.ts';
import { CHANGE, archiveOf, filing } from '../support/view-fixtures.ts';

const a = filing('a', {
  date: '2010-04-01',
  items: ['氏名', '住民票コード'],
  contractors: CHANGE,
  basis: [{ article: '第14条第1項' }],
});
const b = filing('b', { date: '2008-07', kind: '諮問', department: { section: '戸籍住民課' }, items: ['氏名'] });
const archive = archiveOf([a, b]);
const v: ClauseVersion = {
  id: 'cv-1',
  name: '平成22年4月版',
  clauses: [],
  filings: [a],
  published: [],
  first: '2010-04-01',
  last: '2010-04-01',
};

describe('FILING_FACETS', () => {
  it('are the URL parameters the search page uses, and task', () => {
    expect(FILING_FACETS).toEqual(['kind', 'year', 'bureau', 'section', 'contractor', 'task', 'article', 'item', 'version']);
  });
});

describe('filingKeys', () => {
  it("gives a filing's values, companies once each", () => {
    expect(filingKeys(a, archive, (id) => (id === 'a' ? v : undefined))).toEqual({
      kind: ['報告'],
      year: ['2010'],
      bureau: ['総務部'],
      section: ['情報課'],
      contractor: ['甲企業体', 'A株式会社', 'B株式会社', 'C株式会社', 'D株式会社'],
      task: ['保守', 'コールセンター'],
      article: ['第14条第1項'],
      item: ['氏名', '住民票コード'],
      version: ['cv-1'],
    });
    expect(filingKeys(b, archive, () => undefined)).toMatchObject({ bureau: [], contractor: [], task: [], version: [] });
  });
});

describe('filingFacets', () => {
  it('offers each value once, kinds in the archive order, years newest first, versions by name', () => {
    const facets = filingFacets([a, b], archive, [v], ['諮問', '報告']);
    expect(facets.map((f) => [f.name, f.options.map((o) => o.label)])).toEqual([
      ['kind', ['諮問', '報告']],
      ['year', ['2010', '2008']],
      ['bureau', ['総務部']],
      ['section', ['戸籍住民課', '情報課']],
      ['contractor', ['A株式会社', 'B株式会社', 'C株式会社', 'D株式会社', '甲企業体']],
      ['task', ['コールセンター', '保守']],
      ['article', ['第14条第1項']],
      ['item', ['氏名', '住民票コード']],
      ['version', ['平成22年4月版']],
    ]);
    expect(facets.find((f) => f.name === 'version')?.options).toEqual([{ value: 'cv-1', label: '平成22年4月版' }]);
  });
});
