/** Clause versions on the seeds: identity, alignment of the 13- and 21-clause sets, word diff. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  alignClauses,
  buildTopics,
  buildVersions,
  mainlineFor,
  normalizeClauseText,
  versionKey,
  wordDiff,
  type WordSplitter,
} from '../src/lib/clause-versions.ts';
import { extractClauses } from '../src/lib/clauses.ts';
import { loadRecords } from '../src/lib/load.ts';
import { slugify } from '../src/lib/slug.ts';
import { getTokenizer } from '../src/lib/tokenizer.ts';

const entries = loadRecords(path.resolve('content')).map((r) => ({ id: r.data.id, data: r.data, body: r.body }));
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
