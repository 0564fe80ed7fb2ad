/** The archive's default content: the seed filings, imported and kept up to date. */
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../scripts/lib/import-run.ts';
import { extractClauses } from '../src/lib/clauses.ts';
import { loadRecords } from '../src/lib/load.ts';
import { RecordError, parseRecord, serializeRecord } from '../src/lib/record.ts';
import { SEED_DIR, SEED_FILES } from './helpers.ts';

describe('content/', () => {
  it('holds one valid record per seed filing', () => {
    const records = loadRecords(path.resolve('content'));
    expect(records).toHaveLength(SEED_FILES.length);
    expect(records.map((r) => r.data.source?.file).sort()).toEqual(SEED_FILES);
  });

  it('is what importing the seeds gives today (re-run `npm run import -- --force tests/fixtures/seeds` after changing the importer)', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'archive-content-'));
    const code = await runImport(['--out', out, SEED_DIR], { stdout: () => {}, stderr: () => {} });
    expect(code).toBe(0);
    for (const f of readdirSync(path.join(out, 'filings'))) {
      expect(readFileSync(path.join('content', 'filings', f), 'utf8')).toBe(readFileSync(path.join(out, 'filings', f), 'utf8'));
    }
  });

  it('records round-trip: parse then serialize gives the same text', () => {
    for (const r of loadRecords(path.resolve('content'))) {
      const text = readFileSync(r.file, 'utf8');
      const again = parseRecord(text, r.file);
      expect(serializeRecord(again.data, again.body)).toBe(text);
      expect(extractClauses(again.body).length).toBeGreaterThan(0);
    }
  });

  it('a bad record is reported with its file and line', () => {
    const text = readFileSync(path.join('content', 'filings', readdirSync('content/filings')[0] ?? ''), 'utf8');
    const bad = text.replace(/^kind: .*$/mu, 'kind: 通知').replace(/^date: .*$/mu, 'date: 2020-02-30');
    try {
      parseRecord(bad, 'x.md');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RecordError);
      const msg = (e as Error).message;
      expect(msg).toMatch(/^x\.md:4: kind: /mu);
      expect(msg).toMatch(/x\.md:\d+: date: expected an ISO date/u);
    }
  });
});
