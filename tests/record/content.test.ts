/** The archive's default content: the seed filings, imported and kept up to date. */
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../scripts/lib/import-run.ts';
import { extractClauses } from '../../src/lib/clauses/extract.ts';
import { loadRecords } from '../../src/lib/record/load-fs.ts';
import { RecordError, parseRecord, serializeRecord } from '../../src/lib/record/record.ts';
import { SEED_DIR, SEED_FILES } from '../support/helpers.ts';

describe('content/', () => {
  it('holds one valid record per seed filing', () => {
    const records = loadRecords(path.resolve('content'));
    expect(records).toHaveLength(SEED_FILES.length);
    expect(records.map((r) => r.data.source?.file).sort()).toEqual(SEED_FILES);
  });

  it('is what importing the seeds gives today (re-run `npm run import -- tests/fixtures/seeds` after changing the importer)', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'archive-content-'));
    const code = await runImport(['--out', out, SEED_DIR], { stdout: () => {}, stderr: () => {} });
    expect(code).toBe(0);
    for (const folder of ['filings', 'sources']) {
      const files = readdirSync(path.join(out, folder)).sort();
      expect(readdirSync(path.join('content', folder)).sort()).toEqual(files);
      for (const f of files) expect(readFileSync(path.join('content', folder, f))).toEqual(readFileSync(path.join(out, folder, f)));
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
    const bad = text.replace(/^kind: .*$/mu, 'kind: 諮問').replace(/^date: .*$/mu, 'date: 2020-02-30');
    try {
      parseRecord(bad, 'x.md');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RecordError);
      expect((e as Error).message).toMatch(/x\.md:\d+: date: expected an ISO date/u);
    }
  });

  it('a kind the archive does not list is reported with its file and line and what to do', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archive-kind-'));
    mkdirSync(path.join(dir, 'filings'));
    const name = readdirSync('content/filings')[0] ?? '';
    const text = readFileSync(path.join('content', 'filings', name), 'utf8');
    writeFileSync(path.join(dir, 'filings', name), text.replace(/^kind: .*$/mu, 'kind: 通知'));
    expect(() => loadRecords(dir)).toThrow(
      new RegExp(
        `${name}:4: kind: 「通知」 is not a kind of this archive \\(諮問, 報告, 事前報告, 審議\\); correct it, or add it to .*archive\\.yaml under kinds`,
        'u',
      ),
    );
    writeFileSync(path.join(dir, 'archive.yaml'), 'municipality: 某市\ncouncil: 某市審議会\nordinance: 某市条例\nkinds: [通知]\n');
    expect(loadRecords(dir)).toHaveLength(1);
  });

  it('a misspelt key is named with the key it probably meant, not dropped from the page', () => {
    const text = readFileSync(path.join('content', 'filings', readdirSync('content/filings')[0] ?? ''), 'utf8');
    const bad = text.replace(/^purpose:/mu, 'purpse:').replace(/^ {2}bureau:/mu, '  bureu:');
    expect(() => parseRecord(bad, 'x.md')).toThrow(/x\.md:\d+: unknown key 「purpse」; did you mean 「purpose」\?/u);
    expect(() => parseRecord(bad, 'x.md')).toThrow(/x\.md:\d+: unknown key 「bureu」 in department; did you mean 「bureau」\?/u);
    expect(() => parseRecord(text.replace(/^title:/mu, 'colour: red\ntitle:'), 'x.md')).toThrow(
      /unknown key 「colour」 — a record holds only the keys/u,
    );
  });

  it('a record saved as .MD is still a record', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archive-case-'));
    mkdirSync(path.join(dir, 'filings'));
    const name = readdirSync('content/filings')[0] ?? '';
    writeFileSync(path.join(dir, 'filings', name.replace(/\.md$/u, '.MD')), readFileSync(path.join('content', 'filings', name)));
    expect(loadRecords(dir).map((r) => r.data.id)).toEqual([name.replace(/\.md$/u, '')]);
  });

  it('an id too long for a file name is refused with its line', () => {
    const text = readFileSync(path.join('content', 'filings', readdirSync('content/filings')[0] ?? ''), 'utf8');
    expect(() => parseRecord(text.replace(/^id: .*$/mu, `id: ${'a'.repeat(300)}`), 'x.md')).toThrow(
      /x\.md:2: id: an id is at most 100 characters/u,
    );
  });
});
