/**
 * A folder of a council's documents in one run: the same filing in several formats is one record
 * with the others kept as copies of its original; a different document that derives the same id
 * (same subject, section and year, another kind) gets an id of its own and never the other's
 * record, in one run or a later one; a run again changes nothing.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport, type ImportResult } from '../../scripts/lib/import-run.ts';
import { parseRecord } from '../../src/lib/record/record.ts';
import { SEED_DIR, SEED_FILES, seed } from '../support/helpers.ts';

const CASES = path.resolve('tests/fixtures/import');

async function run(argv: string[]): Promise<{ code: number; results: ImportResult[]; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runImport(['--json', ...argv], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, results: JSON.parse(stdout) as ImportResult[], stderr };
}

/** Every file of a folder, by relative path, with its bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(dir, f);
    try {
      out.set(f, readFileSync(full).toString('base64'));
    } catch {
      // a folder
    }
  }
  return out;
}

/** Seed 002 as a 諮問 rather than a 報告: another document with the same subject, section and year. */
function asShimon(text: string): string {
  return text.replace('【報告】', '【諮問】');
}

describe('a folder imported in one run', () => {
  it('every case fixture and seed, as one folder: every council document written, only the non-documents refused', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-batch-'));
    const inbox = path.join(work, 'inbox');
    mkdirSync(inbox);
    for (const c of readdirSync(CASES))
      for (const f of readdirSync(path.join(CASES, c)).filter((x) => x.startsWith('input.')))
        cpSync(path.join(CASES, c, f), path.join(inbox, `${c}${path.extname(f)}`));
    for (const f of SEED_FILES) cpSync(path.join(SEED_DIR, f), path.join(inbox, f));
    const { results } = await run(['--out', path.join(work, 'content'), inbox]);
    const refused = results.filter((r) => !r.ok).map((r) => path.basename(r.source));
    // Minutes and a guideline: not council documents, refused with the account of what was recognised.
    expect(refused).toEqual(['guideline-text.txt', 'unknown-form-text.txt']);
    for (const r of results.filter((x) => !x.ok)) expect(r.errors.join('\n')).toMatch(/does not read as a council filing/u);
    expect(results.length).toBe(readdirSync(CASES).length + SEED_FILES.length);
  });

  it('the same filing in three formats is one record with two copies; a 諮問 of the same subject is its own record', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-batch-'));
    const inbox = path.join(work, 'inbox');
    const out = path.join(work, 'content');
    cpSync(path.join(CASES, 'seed-002-pdf', 'input.pdf'), path.join(inbox, 'b-seed-002.pdf'));
    cpSync(path.join(CASES, 'seed-002-docx', 'input.docx'), path.join(inbox, 'c-seed-002.docx'));
    writeFileSync(path.join(inbox, 'a-seed-002.txt'), seed('002').bytes);
    writeFileSync(path.join(inbox, 'd-seed-002-shimon.txt'), asShimon(seed('002').text));

    const { code, results } = await run(['--out', out, inbox]);
    expect(results.map((r) => [path.basename(r.source), r.ok])).toEqual([
      ['a-seed-002.txt', true],
      ['b-seed-002.pdf', true],
      ['c-seed-002.docx', true],
      ['d-seed-002-shimon.txt', true],
    ]);
    expect(code).toBe(0);
    const records = readdirSync(path.join(out, 'filings')).sort();
    expect(records).toHaveLength(2);
    const [report, shimon] = [results[0], results[3]].map((r) => parseRecord(readFileSync(r?.output ?? '', 'utf8'), r?.output ?? ''));
    expect(report?.data.kind).toBe('報告');
    expect(shimon?.data.kind).toBe('諮問');
    expect(shimon?.data.id).not.toBe(report?.data.id);
    expect(shimon?.data.id.startsWith(report?.data.id ?? '?')).toBe(true);
    // The record is read from the first file; the others are its copies, kept and named.
    expect(report?.data.source?.file).toBe('a-seed-002.txt');
    expect(report?.data.source?.copies?.map((c) => [c.file, c.type])).toEqual([
      ['b-seed-002.pdf', 'pdf'],
      ['c-seed-002.docx', 'docx'],
    ]);
    expect(readdirSync(path.join(out, 'sources'))).toHaveLength(4);
    expect(results[1]?.warnings.join('\n')).toMatch(/the same filing as .*a-seed-002\.txt.*kept as a copy of its original/u);
    expect(results[3]?.warnings.join('\n')).toMatch(/another document .* has the same subject, section and year but another kind/u);

    // The same folder again: nothing changes.
    const before = snapshot(out);
    const again = await run(['--out', out, inbox]);
    expect(again.code).toBe(0);
    expect(again.results.every((r) => r.ok)).toBe(true);
    expect(snapshot(out)).toEqual(before);
  });

  it('a different document imported later never updates the record whose id it derives', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-batch-'));
    const out = path.join(work, 'content');
    const reportFile = path.join(work, 'report.txt');
    const shimonFile = path.join(work, 'shimon.txt');
    writeFileSync(reportFile, seed('002').bytes);
    writeFileSync(shimonFile, asShimon(seed('002').text));
    const first = await run(['--out', out, reportFile]);
    const output = first.results[0]?.output ?? '';
    // Staff correct the 報告's record.
    const corrected = readFileSync(output, 'utf8').replace(/^purpose: .*$/mu, 'purpose: 職員が直した目的。');
    writeFileSync(output, corrected);

    const second = await run(['--out', out, shimonFile]);
    expect(second.code).toBe(0);
    expect(second.results[0]?.output).not.toBe(output);
    expect(readFileSync(output, 'utf8')).toBe(corrected);
    expect(parseRecord(readFileSync(second.results[0]?.output ?? '', 'utf8'), 'x').data.kind).toBe('諮問');
  });

  it('the same filing in another format imported later is added as a copy, its record otherwise untouched', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-batch-'));
    const out = path.join(work, 'content');
    const txt = path.join(work, 'filing.txt');
    writeFileSync(txt, seed('002').bytes);
    const first = await run(['--out', out, txt]);
    const output = first.results[0]?.output ?? '';
    const before = parseRecord(readFileSync(output, 'utf8'), output);
    const pdf = path.join(work, 'filing.pdf');
    cpSync(path.join(CASES, 'seed-002-pdf', 'input.pdf'), pdf);
    const second = await run(['--out', out, pdf]);
    expect(second.code).toBe(0);
    expect(second.results[0]?.output).toBe(output);
    const after = parseRecord(readFileSync(output, 'utf8'), output);
    expect(after.data.source?.copies?.map((c) => c.file)).toEqual(['filing.pdf']);
    expect({ ...after.data, source: undefined }).toEqual({ ...before.data, source: undefined });
    expect(after.body).toBe(before.body);
  });
});
