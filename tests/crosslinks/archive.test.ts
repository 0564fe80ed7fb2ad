/** Cross-link indexes on the seed records, with and without registries. */
import { beforeAll, describe, expect, it } from 'vitest';
import { articleSlug, buildArchive, describeRole } from '../../src/lib/crosslinks/archive.ts';
import { companyKey } from '../../src/lib/core/names.ts';
import { departmentsRegistrySchema, contractorsRegistrySchema } from '../../src/lib/record/registry.ts';
import { loadRegistries } from '../../src/lib/record/registry-fs.ts';
import { MAX_SLUG, SlugAllocator, slugify } from '../../src/lib/core/slug.ts';
import { getTokenizer, type Tokenizer } from '../../src/lib/core/tokenizer-fs.ts';
import { ARCHIVE, archiveEntries } from '../support/archive.ts';

const entries = archiveEntries();
let tokenizer: Tokenizer;
const slug = (t: string): string => slugify(t, tokenizer);

beforeAll(async () => {
  tokenizer = await getTokenizer();
});

describe('companyKey', () => {
  it('folds widths, spacing and the place of 株式会社', () => {
    expect(companyKey('株式会社BCC')).toBe(companyKey('ＢＣＣ株式会社'));
    expect(companyKey('（株）ＢＣＣ')).toBe(companyKey('株式会社 BCC'));
    expect(companyKey('㈱BCC')).toBe(companyKey('BCC 株式会社'));
  });
  it('ignores zero-width and bidi characters', () => {
    expect(companyKey('株式会社テスト\u200b')).toBe(companyKey('テスト株式会社'));
    expect(companyKey('\u202eテスト\u200d株式会社')).toBe(companyKey('テスト株式会社'));
  });
  it('keeps a company whose name contains another apart', () => {
    expect(companyKey('NECソフト株式会社')).not.toBe(companyKey('NEC株式会社'));
    expect(companyKey('日本電気株式会社')).not.toBe(companyKey('日本電気システム株式会社'));
  });
});

describe('slugs', () => {
  it('are romaji readings', () => {
    expect(slugify('戸籍住民課', tokenizer)).toBe('koseki-juumin-ka');
    expect(slugify('株式会社BCC', tokenizer)).toMatch(/^[a-z0-9-]+$/u);
  });
  it('collisions are told apart without depending on order', () => {
    const a = new SlugAllocator(() => 'same');
    a.add('x');
    a.add('y');
    expect(a.get('x')).not.toBe(a.get('y'));
    const b = new SlugAllocator(() => 'same');
    b.add('y');
    b.add('x');
    expect(b.get('x')).toBe(a.get('x'));
  });
  it('over-long names get a short slug that still tells them apart', () => {
    const a = slugify(`${'ながい名前'.repeat(400)}一`, tokenizer);
    const b = slugify(`${'ながい名前'.repeat(400)}二`, tokenizer);
    expect(a.length).toBeLessThanOrEqual(MAX_SLUG + 7);
    expect(a).toMatch(/^nagai-namae(-nagai-namae)*-[0-9a-f]{6}$/u);
    expect(a).not.toBe(b);
    const registry = new SlugAllocator(() => 'unused');
    registry.add('x', 'a'.repeat(300));
    expect(registry.get('x').length).toBeLessThanOrEqual(MAX_SLUG + 7);
  });
  it('articles', () => {
    expect(articleSlug('第14条第1項')).toBe('article-14-1');
    expect(articleSlug('第16条第1項本文')).toBe('article-16-1-honbun');
  });
});

describe('buildArchive without registries', () => {
  it('follows 戸籍住民課 across two bureaus', () => {
    const a = buildArchive(entries, {}, slug);
    const s = a.sections.get('戸籍住民課');
    expect(s?.filings).toHaveLength(3);
    expect(s?.bureaus.map((b) => b.name)).toEqual(['地域文化部', '地域振興部']);
    expect(s?.bureaus[0]).toMatchObject({ first: '2008-07', last: '2010-04-01', count: 2 });
    expect(a.unplaced).toEqual([]);
  });
  it('lists each company once with its roles per filing', () => {
    const a = buildArchive(entries, {}, slug);
    const nec = a.contractors.get(companyKey('日本電気株式会社'));
    expect(nec?.appearances).toHaveLength(1);
    expect(nec?.appearances[0]?.roles.map(describeRole)).toEqual(['構成企業（変更前）', '委託先（変更後）']);
    expect(nec?.groups).toEqual([companyKey('次世代電子自治体推進企業体')]);
    const group = a.contractors.get(companyKey('次世代電子自治体推進企業体'));
    expect(group?.members).toHaveLength(4);
    expect(a.contractors.get(companyKey('株式会社BCC'))?.appearances[0]?.roles.map(describeRole)).toEqual([
      '再委託先（コールセンター・変更後）',
    ]);
    // Every filing that names no company, 2008-cedd6ea7 too (its page says 委託先の記載なし).
    expect(a.undetermined.map((e) => e.id).sort()).toEqual(['2008-04a038e7', '2008-cedd6ea7', '2010-4b4b9c74', '2020-27c263f1']);
  });
  it('indexes articles, years and items', () => {
    const a = buildArchive(entries, {}, slug);
    expect(a.basis.get('第14条第1項')?.filings).toHaveLength(4);
    expect(a.basis.get('第14条第1項')?.labels).toEqual(
      expect.arrayContaining(['業務委託', '業務委託、再委託', '重要な個人情報の提供等を伴う委託']),
    );
    expect([...a.years.keys()]).toEqual(['2020', '2010', '2008']);
    expect(a.items.get('氏名')?.filings.length).toBeGreaterThanOrEqual(3);
  });
  it('indexes what the council rules on (matters), with ASCII slugs, newest filing first', () => {
    const a = buildArchive(entries, {}, slug);
    const expected = (m: string) => entries.filter((e) => e.data.matters.includes(m)).map((e) => e.id);
    expect(expected('業務委託')).toHaveLength(4);
    for (const m of ['業務委託', '再委託', '電子計算機処理']) {
      const idx = a.matters.get(m);
      expect(idx?.filings.map((f) => f.id).sort()).toEqual(expected(m).sort());
      expect(idx?.slug).toMatch(/^[a-z0-9-]+$/u);
      expect(idx?.filings.map((f) => f.data.date)).toEqual([...(idx?.filings.map((f) => f.data.date) ?? [])].sort().reverse());
    }
    expect(a.matters.get('業務委託')?.slug).toBe('gyoumu-itaku');
    expect(new Set([...a.matters.values()].map((m) => m.slug)).size).toBe(a.matters.size);
    // Width variants are one matter.
    const wide = entries.map((e, i) => (i === 0 ? { ...e, data: { ...e.data, matters: ['業務委託\u200b'] } } : e));
    expect(buildArchive(wide, {}, slug).matters.get('業務委託')?.filings).toHaveLength(4);
  });
});

describe('buildArchive with registries', () => {
  const departments = departmentsRegistrySchema.parse({
    bureaus: [{ name: '地域振興部', slug: 'chiiki', renamed_from: [{ name: '地域文化部', until: '2016-03-31' }] }],
    sections: [{ name: '戸籍住民課', slug: 'koseki' }],
  });
  const contractors = contractorsRegistrySchema.parse({
    contractors: [
      { name: '日本電気株式会社', aliases: ['NEC'], group: 'NECグループ' },
      { name: 'NECソフト株式会社', group: 'NECグループ' },
      { name: 'NECグループ' },
    ],
  });

  it('uses renames, slugs and groups, and reports names it cannot place', () => {
    const a = buildArchive(entries, { departments, contractors }, slug);
    const bureau = a.bureaus.get('地域振興部');
    expect(bureau?.slug).toBe('chiiki');
    expect(bureau?.names).toEqual(['地域文化部', '地域振興部']);
    expect(bureau?.filings).toHaveLength(3);
    expect(a.sections.get('戸籍住民課')?.slug).toBe('koseki');
    const group = a.contractors.get(companyKey('NECグループ'));
    expect(group?.members.sort()).toEqual([companyKey('NECソフト株式会社'), companyKey('日本電気株式会社')].sort());
    expect(a.unplaced).toContain('課 医療保険年金課');
    expect(a.unplaced).toContain('委託先 株式会社BCC');
    expect(a.unplaced).not.toContain('委託先 日本電気株式会社');
  });

  it('the default content has a contractors registry that places every company', () => {
    const registries = loadRegistries(ARCHIVE);
    expect(registries.contractors).toBeDefined();
    const a = buildArchive(entries, registries, slug);
    expect(a.unplaced.filter((u) => u.startsWith('委託先'))).toEqual([]);
  });

  it('a broken registry is refused with its file named', () => {
    expect(() => contractorsRegistrySchema.parse({ contractors: [{ aliases: [] }] })).toThrow();
  });
});

describe("the answer pages' questions in the indexes", () => {
  it('lists every filing that names no company as undetermined, with or without a status', () => {
    const a = buildArchive(entries, {}, slug);
    expect(a.undetermined.map((f) => f.id).sort()).toEqual(
      entries
        .filter((e) => e.data.contractors.length === 0)
        .map((e) => e.id)
        .sort(),
    );
  });

  it("gives a registry group its members' filings, and a 企業体 only its own", () => {
    const a = buildArchive(entries, loadRegistries(ARCHIVE), slug);
    const nec = [...a.contractors.values()].find((c) => c.name === 'NECグループ')!;
    expect(nec.appearances).toEqual([]);
    expect(nec.filings.map((f) => f.id)).toEqual(['2010-9bb354e9']);
    const jv = [...a.contractors.values()].find((c) => c.name === '次世代電子自治体推進企業体')!;
    expect(jv.filings.map((f) => f.id)).toEqual(['2010-9bb354e9']);
  });

  it('indexes the filings of a council session by the session a record names', () => {
    const withMeeting = entries.map((e, i) => (i === 0 ? { ...e, data: { ...e.data, meeting: '平成28年度第8回' } } : e));
    const a = buildArchive(withMeeting, {}, slug);
    expect([...a.meetings.values()].map((m) => [m.name, m.filings.map((f) => f.id)])).toEqual([['平成28年度第8回', [withMeeting[0]?.id]]]);
  });
});
