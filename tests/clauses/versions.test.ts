/** Clause versions on the seeds: identity, alignment of the 13- and 21-clause sets, word diff. */
import { beforeAll, describe, expect, it } from 'vitest';
import { alignClauses } from '../../src/lib/clauses/align.ts';
import { buildTopics } from '../../src/lib/clauses/topics.ts';
import { buildVersions, mainlineFor, type PublishedSet } from '../../src/lib/clauses/versions.ts';
import { clauseSimilarity, partyNeutraliser } from '../../src/lib/clauses/similarity.ts';
import { compareVersions } from '../../src/lib/clauses/comparison.ts';
import { normalizeClauseText, versionKey, type WordSplitter } from '../../src/lib/clauses/wording.ts';
import { wordDiff } from '../../src/lib/clauses/word-diff.ts';
import { extractClauses } from '../../src/lib/clauses/extract.ts';
import type { Clause } from '../../src/lib/record/schema.ts';
import { slugify } from '../../src/lib/core/slug.ts';
import { getTokenizer } from '../../src/lib/core/tokenizer-fs.ts';
import { archiveEntries } from '../support/archive.ts';

const entries = archiveEntries();
const bySeed = (prefix: string) => entries.find((e) => e.data.source?.file.startsWith(prefix))!;
let words: WordSplitter;
let slug: (t: string) => string;

beforeAll(async () => {
  const t = await getTokenizer();
  words = (text) => t.tokenize(text).map((x) => x.surface_form);
  slug = (text) => slugify(text, t);
});

describe('normalizeClauseText', () => {
  it('ignores widths, whitespace, bullets and a missing final 。', () => {
    expect(normalizeClauseText('乙は、（以下「業務」という。）賠償するものとする')).toBe(
      normalizeClauseText('乙は、(以下「業務」という。) 賠償するものとする。'),
    );
  });
});

describe('buildVersions', () => {
  it('filings that differ only by extraction noise share a version; a phrase makes a new one', () => {
    const versions = buildVersions(entries, words);
    const of = (prefix: string) => versions.find((v) => v.filings.includes(bySeed(prefix)))!;
    // 001 and 003: full- vs half-width brackets, a missing final 。, bullets.
    expect(of('001')).toBe(of('003'));
    // 000 adds 業務に関し、 to clause 9; 004 rewords clauses 6 and 7.
    expect(of('000')).not.toBe(of('001'));
    expect(of('004')).not.toBe(of('001'));
    expect(of('002')).not.toBe(of('001'));
    expect(versions).toHaveLength(4);
    expect(of('001').name).toBe('平成20年7月版');
    expect(of('001').filings.map((f) => f.data.date)).toEqual(['2008-07', '2008-12-01']);
    expect(of('002').clauses).toHaveLength(21);
    expect(of('002').predecessor).toBeDefined();
    expect(of('001').predecessor).toBeUndefined();
    // Ids are stable: derived from the content only.
    expect(buildVersions([...entries].reverse(), words).map((v) => v.id)).toEqual(versions.map((v) => v.id));
  });

  it('of two versions first seen on one day, the wording nearer the earlier versions is named first, so その2 is the newer', () => {
    const versions = buildVersions(entries, words);
    const of = (prefix: string) => versions.find((v) => v.filings.includes(bySeed(prefix)))!;
    // 000 (2010-04-01) adds two words to 2008's clause 9; 004 (same day) rewords clauses 6 and 7.
    expect(of('000').name).toBe('平成22年4月版');
    expect(of('004').name).toBe('平成22年4月版その2');
    // The newer wording is the one the 2020 version follows.
    expect(of('002').predecessor).toBe(of('004').id);
  });

  it('a filing of its time knows the mainline version it departs from', () => {
    const versions = buildVersions(entries, words);
    const mainline = mainlineFor(bySeed('000'), versions);
    expect(mainline?.filings).toContain(bySeed('001'));
    expect(mainlineFor(bySeed('001'), versions)).toBeUndefined();
    // Told its version (as the pages are), the answer is the same; the window is in years.
    for (const e of entries) {
      const own = versions.find((v) => v.filings.includes(e));
      expect(mainlineFor(e, versions, { own })).toBe(mainlineFor(e, versions));
    }
    expect(mainlineFor(bySeed('000'), versions, { years: 0 })).toBeUndefined();
  });

  it('version identity is unchanged by widths and whitespace in a copy', () => {
    const c = extractClauses(bySeed('001').body);
    const noisy = c.map((x) => ({ ...x, text: `${x.text.replace(/、/gu, ' 、').replace(/。$/u, '')}` }));
    expect(versionKey(noisy)).toBe(versionKey(c));
  });
});

describe('alignClauses: 13-clause → 21-clause version', () => {
  it('pairs each old clause with its counterpart, recognises the move, the split and the additions', () => {
    const old = extractClauses(bySeed('001').body);
    const neu = extractClauses(bySeed('002').body);
    const rows = alignClauses(old, neu, words);
    const pairs = rows
      .filter((r) => r.old.length > 0 && r.new.length > 0)
      .map((r) => [r.old.map((c) => c.number), r.new.map((c) => c.number), r.kind]);
    expect(pairs).toEqual([
      [[1], [1], 'same'],
      [[2], [2], 'changed'],
      [[3], [7], 'changed'],
      [[4], [8], 'changed'],
      [[5], [9], 'changed'],
      [[6], [10], 'changed'],
      [[7], [11, 12], 'split'],
      [[8], [14], 'changed'],
      [[9], [15, 16, 17], 'split'],
      [[10], [18], 'changed'],
      [[11], [19], 'changed'],
      [[12], [20], 'changed'],
      [[13], [21], 'changed'],
    ]);
    // The purpose-limitation clause (目的外利用…) went from 3 to 7: renumbered.
    const purpose = rows.find((r) => r.old[0]?.number === 3);
    expect(purpose?.renumbered).toBe(true);
    expect(purpose?.new[0]?.heading).toBe('目的外利用及び第三者への提供等の禁止');
    expect(rows.filter((r) => r.kind === 'added').map((r) => r.new[0]?.number)).toEqual([3, 4, 5, 6, 13]);
    expect(rows.filter((r) => r.kind === 'deleted')).toEqual([]);
  });

  it('a clause moved out of order is marked moved', () => {
    const old = extractClauses(bySeed('001').body);
    const swapped = [old[2]!, old[0]!, old[1]!, ...old.slice(3)].map((c, i) => ({ ...c, number: i + 1 }));
    const rows = alignClauses(old, swapped, words);
    expect(rows.filter((r) => r.moved).map((r) => r.old[0]?.heading)).toEqual(['目的外利用及び第三者への提供等の禁止']);
  });
});

describe('wordDiff', () => {
  it('underlines exactly the phrase a clause gained', () => {
    const a = extractClauses(bySeed('001').body)[8]!.text;
    const b = extractClauses(bySeed('000').body)[8]!.text;
    const d = wordDiff(a, b, words);
    expect(d.new.filter((p) => p.changed).map((p) => p.text)).toEqual(['業務に関し、']);
    expect(d.old.filter((p) => p.changed)).toEqual([]);
    expect(d.new.map((p) => p.text).join('')).toBe(b);
    expect(d.old.map((p) => p.text).join('')).toBe(a);
  });
});

describe('buildTopics', () => {
  it('follows 再委託の禁止 through every version', () => {
    const versions = buildVersions(entries, words);
    const topics = buildTopics(versions, words, slug);
    const t = topics.find((x) => x.heading === '再委託の禁止');
    expect(t?.history).toHaveLength(4);
    expect(new Set(t?.history.map((h) => normalizeClauseText(h.clauses[0]!.text))).size).toBe(3);
    expect(new Set(topics.map((x) => x.slug)).size).toBe(topics.length);
  });
});

/** The seed's 13 clauses as another municipality writes them: 発注者/受注者, numbered 第1条… */
function rewritten(clauses: Clause[], municipality = '発注者', contractor = '受注者'): Clause[] {
  const swap = (t: string): string => t.replace(/甲/gu, municipality).replace(/乙/gu, contractor);
  return clauses.map((c, i) => ({
    ...c,
    number: i + 1,
    marker: `第${i + 1}条`,
    text: swap(c.text),
    ...(c.items ? { items: c.items.map(swap) } : {}),
  }));
}

describe('party words', () => {
  it('are compared as one neutral word per side; the texts are left as written', () => {
    const neutral = partyNeutraliser();
    expect(neutral('受注者は、発注者の指示に従う')).toBe(neutral('乙は、甲の指示に従う'));
    expect(neutral('受託事業者は、委託者に報告する')).toBe(neutral('乙は、甲に報告する'));
    // The archive's own words: 区 for the municipality.
    expect(partyNeutraliser({ municipality: ['区'], contractor: [] })('区は、受託者に対し')).toBe(neutral('甲は、乙に対し'));
    expect(neutral('区は、受託者に対し')).not.toBe(neutral('甲は、乙に対し'));
  });

  it('「乙は、…」 and 「受注者は、…」 are the same clause; the word diff shows 乙 → 受注者', () => {
    const a: Clause = { number: 2, heading: '秘密の保持', text: '乙は、業務に関して知り得た情報を他に漏らしてはならない。' };
    const b: Clause = {
      number: 2,
      heading: '秘密の保持',
      text: '受注者は、業務に関して知り得た情報を他に漏らしてはならない。',
    };
    expect(clauseSimilarity(a, b, words)).toBe(1);
    const d = wordDiff(a.text, b.text, words);
    expect(d.old.filter((p) => p.changed).map((p) => p.text)).toEqual(['乙']);
    expect(d.new.filter((p) => p.changed).map((p) => p.text)).toEqual(['受注者']);
    const rows = compareVersions([a], [b], words);
    expect(rows.map((r) => r.kind)).toEqual(['changed']);
    expect(rows[0]?.new?.parts.filter((p) => p.changed).map((p) => p.text)).toEqual(['受注者']);
  });

  it('the 13-clause seed version against the same clauses with 発注者/受注者 and 第1条…: every clause pairs with its counterpart', () => {
    const old = extractClauses(bySeed('001').body);
    expect(old).toHaveLength(13);
    for (const [m, c] of [
      ['発注者', '受注者'],
      ['委託者', '受託者'],
    ] as const) {
      const neu = rewritten(old, m, c);
      const rows = alignClauses(old, neu, words);
      expect(rows.map((r) => [r.old.map((x) => x.number), r.new.map((x) => x.number)])).toEqual(old.map((x) => [[x.number], [x.number]]));
      expect(rows.filter((r) => r.moved)).toEqual([]);
      // As alike as the clauses themselves: the party words weigh nothing (0.80–0.96 compared as written).
      for (const r of rows) expect(r.score).toBeCloseTo(1, 9);
      // Clauses that name a party changed (the 新旧対照表 underlines the words); the others are the same.
      for (const r of rows) expect(r.kind).toBe(/[甲乙]/u.test(r.old[0]?.text ?? '') ? 'changed' : 'same');
      // The 新旧対照表 underlines the party words and the numbers as now written (1 → 第1条), nothing else.
      const table = compareVersions(old, neu, words);
      expect(table.map((r) => r.new?.label.replace(/（.*$/u, ''))).toEqual(neu.map((x) => x.marker));
      const marked = new Set(table.flatMap((r) => r.new?.parts.filter((p) => p.changed).map((p) => p.text) ?? []));
      expect(marked).toEqual(new Set(['第', '条', ...[m, c].filter((w) => neu.some((x) => x.text.includes(w)))]));
    }
  });

  it('the 13 → 21 alignment is the same when the new version says 発注者/受注者 and 第1条…', () => {
    const old = extractClauses(bySeed('001').body);
    const neu = extractClauses(bySeed('002').body);
    const shape = (rows: ReturnType<typeof alignClauses>) =>
      rows.map((r) => [r.kind === 'same' ? 'changed' : r.kind, r.old.map((c) => c.number), r.new.map((c) => c.number), r.score.toFixed(6)]);
    expect(shape(alignClauses(old, rewritten(neu), words))).toEqual(shape(alignClauses(old, neu, words)));
  });

  it("the archive's party words (区/受託者) are used with the defaults", () => {
    const old = extractClauses(bySeed('001').body);
    const neu = rewritten(old, '区', '受託者');
    const parties = { municipality: ['区'], contractor: [] };
    const rows = alignClauses(old, neu, words, { parties });
    expect(rows.map((r) => [r.old.map((x) => x.number), r.new.map((x) => x.number)])).toEqual(old.map((x) => [[x.number], [x.number]]));
    for (const r of rows) expect(r.score).toBeGreaterThan(0.99);
  });
});

describe('published clause sets', () => {
  const set = (id: string, date: string, clauses: Clause[]): PublishedSet => ({
    id,
    data: { id, title: '個人情報取扱特記事項', date, date_text: `${date}改正` },
    clauses,
  });

  it('one with the wording of filings is part of their version; one no filing attached is a version of its own, dated by its date', () => {
    const seeds = buildVersions(entries, words);
    const same = set('tokki-2008', '2008-04-01', extractClauses(bySeed('001').body));
    const alone = set('tokki-2023', '2023-04-01', rewritten(extractClauses(bySeed('002').body)));
    const versions = buildVersions(entries, words, undefined, { published: [alone, same] });
    expect(versions).toHaveLength(seeds.length + 1);
    const of001 = versions.find((v) => v.filings.includes(bySeed('001')))!;
    expect(of001.published.map((p) => p.id)).toEqual(['tokki-2008']);
    // Same wording, same version id; its first appearance is now the set's date.
    expect(of001.id).toBe(seeds.find((v) => v.filings.includes(bySeed('001')))?.id);
    expect(of001.first).toBe('2008-04-01');
    expect(of001.name).toBe('平成20年4月版');
    const own = versions.find((v) => v.published.some((p) => p.id === 'tokki-2023'))!;
    expect(own.filings).toEqual([]);
    expect([own.first, own.last]).toEqual(['2023-04-01', '2023-04-01']);
    expect(own.name).toBe('令和5年4月版');
    expect(versions[versions.length - 1]).toBe(own);
    // Its predecessor is the 21-clause version it rewords (発注者/受注者, 第1条…).
    expect(own.predecessor).toBe(versions.find((v) => v.filings.includes(bySeed('002')))?.id);
    // The other seed versions keep their ids and names.
    for (const v of seeds.filter((x) => !x.filings.includes(bySeed('001')))) expect(versions.find((x) => x.id === v.id)?.name).toBe(v.name);
  });

  it('an undated one is dated by the filings of its wording; with a wording of its own it is 日付不明の版, first in order, no predecessor and none’s', () => {
    const seeds = buildVersions(entries, words);
    const undated = (id: string, clauses: Clause[]): PublishedSet => ({ id, data: { id, title: '個人情報取扱特記事項' }, clauses });
    const same = undated('undated-same', extractClauses(bySeed('001').body));
    const alone = undated('undated-alone', rewritten(extractClauses(bySeed('002').body)));
    const versions = buildVersions(entries, words, undefined, { published: [alone, same] });
    const of001 = versions.find((v) => v.filings.includes(bySeed('001')))!;
    const seed001 = seeds.find((v) => v.filings.includes(bySeed('001')))!;
    expect(of001.published.map((p) => p.id)).toEqual(['undated-same']);
    expect([of001.first, of001.name]).toEqual([seed001.first, seed001.name]);
    const own = versions.find((v) => v.published.some((p) => p.id === 'undated-alone'))!;
    expect([own.first, own.last, own.name]).toEqual(['', '', '日付不明の版']);
    expect(versions[0]).toBe(own);
    expect(own.predecessor).toBeUndefined();
    expect(versions.some((v) => v.predecessor === own.id)).toBe(false);
    for (const v of seeds) expect(versions.find((x) => x.id === v.id)?.predecessor).toBe(v.predecessor);
  });
});
