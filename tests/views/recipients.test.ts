/** src/lib/views/recipients.ts: the who-got-which-data rows, their filters and period states. */
import { describe, expect, it } from 'vitest';
import { companyCount, periodState, recipientFilters, recipientRows, recipientSorts, rowKeys } from '../../src/lib/views/recipients.ts';
import { CHANGE, PATHS, archiveOf, filing } from '../support/view-fixtures.ts';

const change = filing('f1', {
  date: '2010-04-01',
  items: ['氏名', '住所'],
  contractors: CHANGE,
  period: { start: '2010-04-01', text: '平成22年4月1日から以降継続', ongoing: true },
});
const pending = filing('f2', {
  date: '2008-12-01',
  items: ['氏名'],
  contractor_status: '入札により決定',
  period: { start: '2008-12-01', end: '2009-03', text: '…', ongoing: false },
});
const archive = archiveOf([change, pending]);
const ctx = { archive, paths: PATHS, versionOf: () => undefined, today: '2009-03-15' };

describe('periodState', () => {
  it('is ongoing for 以降継続 or an end to come, ended once the end has passed, unknown without an end', () => {
    expect(periodState({ ongoing: true }, '2030-01-01')).toBe('ongoing');
    expect(periodState({ end: '2009-03-31', ongoing: false }, '2009-03-31')).toBe('ongoing');
    expect(periodState({ end: '2009-03-31', ongoing: false }, '2009-04-01')).toBe('ended');
    // A month or a year runs to its end.
    expect(periodState({ end: '2009-03', ongoing: false }, '2009-03-31')).toBe('ongoing');
    expect(periodState({ end: '2009', ongoing: false }, '2010-01-01')).toBe('ended');
    expect(periodState({ ongoing: false }, '2009-01-01')).toBe('unknown');
    expect(periodState(undefined, '2009-01-01')).toBe('unknown');
  });
});

describe('recipientRows', () => {
  const rows = recipientRows([change, pending], ctx);

  it('gives one row per company per filing, with its role, its parent and the period', () => {
    const parent = (r: (typeof rows)[number]): string | undefined =>
      r.company?.under ? `↑${r.company.under.text}` : r.company?.group ? `∈${r.company.group.text}` : undefined;
    expect(rows.map((r) => [r.filing.id, r.company?.name ?? r.status, r.company?.role, parent(r), r.period.state, r.period.end])).toEqual([
      // Before the change: their work passed to B株式会社 when the filing's period began.
      ['f1', '甲企業体', '委託先（変更前）', undefined, 'replaced', '2010-04-01'],
      ['f1', 'A株式会社', '代表企業（変更前）', '∈甲企業体', 'replaced', '2010-04-01'],
      ['f1', 'B株式会社', '構成企業（変更前）', '∈甲企業体', 'replaced', '2010-04-01'],
      ['f1', 'B株式会社', '委託先（変更後）', undefined, 'ongoing', undefined],
      ['f1', 'C株式会社', '再委託先（保守・変更後）', '↑B株式会社', 'ongoing', undefined],
      ['f1', 'D株式会社', '再委託先（コールセンター・変更後）', '↑B株式会社', 'ongoing', undefined],
      ['f2', '入札により決定', undefined, undefined, 'ongoing', '2009-03'],
    ]);
    expect(rows[0]?.items.map((i) => i.text)).toEqual(['氏名', '住所']);
    expect(rows[0]?.filing).toEqual({ id: 'f1', title: '件名f1', date: '2010-04-01', kind: '報告', href: '/filing/f1' });
  });

  it("says no clause version for a company before a change, and that a 再委託先 has the whole work's items, its own share unstated", () => {
    const withVersion = recipientRows([change], {
      ...ctx,
      versionOf: () => ({ id: 'v1', name: '平成22年4月版', first: '2010-04-01' }) as never,
    });
    expect(withVersion.map((r) => [r.company?.role, r.version?.name, r.itemsOfWork ?? false])).toEqual([
      ['委託先（変更前）', undefined, false],
      ['代表企業（変更前）', undefined, false],
      ['構成企業（変更前）', undefined, false],
      ['委託先（変更後）', '平成22年4月版', false],
      ['再委託先（保守・変更後）', '平成22年4月版', true],
      ['再委託先（コールセンター・変更後）', '平成22年4月版', true],
    ]);
  });

  it("keeps a page's companies only, by key and by the group they are in", () => {
    const g = archive.contractorByName.get('甲企業体');
    const kept = recipientRows([change, pending], ctx, (company, parent) => company === g?.key || parent.group === g?.key);
    expect(kept.map((r) => r.company?.name)).toEqual(['甲企業体', 'A株式会社', 'B株式会社']);
  });

  it('filters by company, role, item, state and version, each a key with more than one value', () => {
    expect(rowKeys(rows[4] ?? rows[0]!)).toEqual({
      company: ['C株式会社'],
      role: ['再委託先'],
      item: ['氏名', '住所'],
      state: ['ongoing'],
      version: [],
    });
    expect(rowKeys(rows[6]!).company).toEqual(['未定']);
    expect(recipientFilters(rows).map((f) => [f.key, f.options.map((o) => o.label)])).toEqual([
      ['company', ['A株式会社', 'B株式会社', 'C株式会社', 'D株式会社', '甲企業体', '未定']],
      ['role', ['委託先', '構成企業', '再委託先', '代表企業', '未定']],
      // Japanese collation (JIS order) puts 氏 before 住.
      ['item', ['氏名', '住所']],
      ['state', ['継続中', '変更により終了']],
    ]);
    expect(recipientFilters(rows, { items: false }).map((f) => f.key)).toEqual(['company', 'role', 'state']);
  });

  it('counts the distinct companies, and offers its orders', () => {
    expect(companyCount(rows)).toBe(5);
    expect(recipientSorts().map((s) => s.value)).toEqual(['date:-1', 'date:1', 'company:1', 'start:1', 'version:1']);
  });
});
