/** The corpus generator: deterministic, and every filing it writes imports without error. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateCorpus, outsideClauses, uniqueShare, uniqueTextShare } from '../../scripts/lib/bench/corpus.ts';
import { seedClauseSets } from '../../scripts/lib/bench/seed-clauses.ts';
import { missingText } from '../../src/lib/import/lossless.ts';
import { parseFiling } from '../../src/lib/import/parse-filing.ts';

const sets = seedClauseSets();

describe('generateCorpus', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateCorpus(50, 7, sets);
    expect(generateCorpus(50, 7, sets)).toEqual(a);
    expect(generateCorpus(50, 8, sets)).not.toEqual(a);
  });

  it('every generated filing imports without error, loses no text, and gets its own id', () => {
    const corpus = generateCorpus(150, 3, sets);
    const ids = new Set<string>();
    const kinds = new Set<string>();
    const sections = new Set<string>();
    let withContractor = 0;
    for (const [name, text] of corpus) {
      const r = parseFiling(text, { file: name, sha256: createHash('sha256').update(text).digest('hex') });
      expect(r.errors, name).toEqual([]);
      expect(missingText(text, r.data, r.body), name).toEqual([]);
      expect(r.clauses.length, name).toBeGreaterThanOrEqual(13);
      ids.add(r.data?.id ?? '');
      kinds.add(r.data?.kind ?? '');
      sections.add(`${r.data?.department.bureau}/${r.data?.department.section}`);
      if ((r.data?.contractors?.length ?? 0) > 0) withContractor++;
    }
    expect(ids.size).toBe(150);
    expect(kinds).toEqual(new Set(['諮問', '報告', '事前報告']));
    // Sections appear under more than one bureau (reorganisations).
    const bySection = new Map<string, Set<string>>();
    for (const s of sections) {
      const [b, sec] = s.split('/');
      bySection.set(sec ?? '', (bySection.get(sec ?? '') ?? new Set()).add(b ?? ''));
    }
    expect([...bySection.values()].some((b) => b.size > 1)).toBe(true);
    expect(withContractor).toBeGreaterThan(60);
  });

  it('narrative varies: most of the text outside the clauses is not a copy of another line', () => {
    const own = generateCorpus(200, 5, sets).map(([, t]) => outsideClauses(t));
    expect(uniqueTextShare(own)).toBeGreaterThan(0.6);
    expect(uniqueShare(own)).toBeGreaterThan(0.3);
    // Each filing's account of the work is its own.
    const accounts = own.map((t) => /^事業内容\t(.*)$/mu.exec(t)?.[1] ?? '');
    expect(new Set(accounts).size).toBe(accounts.length);
  });

  it('outsideClauses drops exactly the 特記事項 section', () => {
    const [, text] = generateCorpus(1, 3, sets)[0] ?? ['', ''];
    const own = outsideClauses(text);
    expect(own).not.toMatch(/^(# )?特記事項$/mu);
    expect(own).toContain('委託理由');
    expect(text.length).toBeGreaterThan(own.length + 1000);
  });
});

describe('companies', () => {
  it('makes as many distinct names as asked, past the two-part combinations', async () => {
    const { companies, rng } = await import('../../scripts/lib/bench/corpus.ts');
    expect(new Set(companies(rng(1), 600)).size).toBe(600);
  });
});
