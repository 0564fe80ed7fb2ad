/**
 * The seeds as municipalities publish them (PDF made from Word, .docx; rendered by
 * `npm run fixtures`) import to the same records as from their text extraction: every fact field
 * equal, the same clause version, and the characters of the extraction's text in the record.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { versionKey } from '../../src/lib/clauses/wording.ts';
import { DEFAULT_CONFIG } from '../../src/lib/record/config.ts';
import { importDocument } from '../../src/lib/import/importer.ts';
import { comparable, recordText, sourceRuns } from '../../src/lib/import/lossless.ts';
import type { FilingInput } from '../../src/lib/record/schema.ts';
import { SEED_FILES, parse, seed } from '../support/helpers.ts';

const FACTS = [
  'title',
  'kind',
  'basis',
  'department',
  'contractors',
  'contractor_status',
  'period',
  'items',
  'matters',
  'references',
] as const;

/** Share of the characters of a text extraction's runs (markup aside) that the record holds. */
export function runCoverage(text: string, data: unknown, body: string): { share: number; missing: string[] } {
  const haystack = recordText(data, body);
  const runs = text.split('\n').flatMap(sourceRuns);
  const total = runs.reduce((n, r) => n + r.length, 0);
  const missing = runs.filter((r) => !haystack.includes(r));
  return { share: 1 - missing.reduce((n, r) => n + r.length, 0) / total, missing };
}

describe('the seeds as PDF and Word', () => {
  const figures: string[] = [];
  for (const file of SEED_FILES) {
    const n = file.slice(0, 3);
    for (const format of ['pdf', 'docx'] as const) {
      it(`${n} as ${format}: same facts and clause version as the text; ≥ 99 % of its characters`, async () => {
        const { text } = seed(n);
        const reference = parse(text, file);
        const input = path.resolve(`tests/fixtures/import/seed-${n}-${format}/input.${format}`);
        const imported = await importDocument(readFileSync(input), { file: `input.${format}`, config: DEFAULT_CONFIG });
        expect(imported.errors).toEqual([]);
        const data = imported.parsed?.data as FilingInput;
        const ref = reference.data as FilingInput;
        for (const key of FACTS) expect(data[key], `${n} ${format}: ${key}`).toEqual(ref[key]);
        expect(imported.parsed?.clauses.length).toBe(reference.clauses.length);
        expect(versionKey(imported.parsed?.clauses ?? [])).toBe(versionKey(reference.clauses));
        const { share, missing } = runCoverage(text, data, imported.parsed?.body ?? '');
        figures.push(`${n} ${format}: ${(share * 100).toFixed(2)} %`);
        expect(missing).toEqual([]);
        expect(share).toBeGreaterThanOrEqual(0.99);
      });
    }
  }
  it('prints the coverage', () => {
    console.log(`characters of the text extraction in the record:\n  ${figures.join('\n  ')}`);
    expect(figures.length).toBe(SEED_FILES.length * 2);
  });

  it('the coverage check can fail: a record without a clause misses its characters', () => {
    const { text } = seed('000');
    const r = parse(text);
    const body = r.body.replace(/^4 乙は.*$/mu, '');
    const { share, missing } = runCoverage(text, r.data, body);
    expect(missing.join('')).toMatch(/施錠できる保管庫/u);
    expect(share).toBeLessThan(1);
    expect(comparable('8:30〜17:00')).toBe(comparable('8:30～17:00'));
  });
});
