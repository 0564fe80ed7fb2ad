/**
 * A clause set that prints no date is never refused: dated from a date staff give (--date, or
 * --dates FILE.csv for a batch), else from the file's own date (a .docx's core properties, a
 * PDF's Info), else imported undated (日付不明) with a warning that names the way to date it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../scripts/lib/fixtures/render-docx.ts';
import { runImport, type ImportResult } from '../../scripts/lib/import-run.ts';
import { decodePdf } from '../../src/lib/import/decode/pdf.ts';
import { isoDay } from '../../src/lib/import/source.ts';
import { parseClauseSet } from '../../src/lib/record/record.ts';

const CASES = path.resolve('tests/fixtures/import');

async function run(argv: string[]): Promise<{ code: number; results: ImportResult[]; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runImport(['--json', ...argv], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, results: stdout ? (JSON.parse(stdout) as ImportResult[]) : [], stderr };
}

/** A published clause set with its 施行 line taken out: it prints no date. */
function undated(wording = ''): string {
  const text = readFileSync(path.join(CASES, 'clauses-betsuki-text', 'input.txt'), 'utf8');
  const out = text.replace(/^.*から施行する。.*$/mu, '');
  expect(out).not.toMatch(/施行/u);
  return wording ? out.replace('適正に取り扱わなければならない', wording) : out;
}

function record(file: string): { data: Record<string, unknown>; id: string } {
  const set = parseClauseSet(readFileSync(file, 'utf8'), file);
  return { data: set.data as unknown as Record<string, unknown>, id: set.data.id };
}

describe('a clause set that prints no date', () => {
  it('imports undated (日付不明), its id told by its wording, with a warning naming how to date it', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-dates-'));
    writeFileSync(path.join(work, 'a.txt'), undated());
    writeFileSync(path.join(work, 'b.txt'), undated('適切に取り扱う'));
    const { code, results } = await run(['--out', path.join(work, 'content'), path.join(work, 'a.txt'), path.join(work, 'b.txt')]);
    expect(code).toBe(0);
    expect(results.map((r) => r.type)).toEqual(['clause-set', 'clause-set']);
    const [a, b] = results.map((r) => record(r.output ?? ''));
    expect(a?.data['date']).toBeUndefined();
    expect(a?.id).toMatch(/^undated-[0-9a-f]{8}$/u);
    expect(b?.id).toMatch(/^undated-[0-9a-f]{8}$/u);
    expect(a?.id).not.toBe(b?.id);
    expect(results[0]?.warnings.join('\n')).toMatch(/imported undated \(日付不明\) — give the date with --date, or --dates FILE\.csv/u);
  });

  it('takes the dates a CSV gives per file, ISO or as officials write them; a bad row stops the run before anything is written', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-dates-'));
    const inbox = path.join(work, 'inbox');
    const out = path.join(work, 'content');
    mkdirSync(inbox);
    writeFileSync(path.join(inbox, 'a.txt'), undated());
    writeFileSync(path.join(inbox, 'b.txt'), undated('適切に取り扱う'));
    const csv = path.join(work, 'dates.csv');
    writeFileSync(csv, 'file,date\ninbox/a.txt,2019-04-01\n# the second\nb.txt,令和3年4月1日\nc.txt,2020-01-01\n');
    const { code, results, stderr } = await run(['--dates', csv, '--out', out, inbox]);
    expect(code).toBe(0);
    expect(
      results.map((r) => [path.basename(r.source), record(r.output ?? '').data['date'], record(r.output ?? '').data['date_source']]),
    ).toEqual([
      ['a.txt', '2019-04-01', 'manual'],
      ['b.txt', '2021-04-01', 'manual'],
    ]);
    expect(stderr).toMatch(/dates\.csv:5: names no file of this import/u);

    writeFileSync(csv, 'a.txt,2019-04-01\nb.txt,いつか\n');
    const bad = await run(['--dates', csv, '--out', path.join(work, 'other'), inbox]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/dates\.csv:2: 「いつか」 is not a date; write it as YYYY-MM-DD or 令和3年4月1日/u);
    expect(existsSync(path.join(work, 'other'))).toBe(false);
  });

  it("is dated from a .docx's own date when nothing else dates it, and says so", async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-dates-'));
    const html = undated()
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => `<p>${l}</p>`)
      .join('');
    const file = path.join(work, 'set.docx');
    writeFileSync(file, await renderDocx(html));
    const { code, results } = await run(['--out', path.join(work, 'content'), file]);
    expect(code).toBe(0);
    const r = record(results[0]?.output ?? '');
    expect([r.data['date'], r.data['date_source']]).toEqual(['2020-04-01', 'metadata']);
    expect(results[0]?.warnings.join('\n')).toMatch(/dated 2020-04-01 from the file's own modification date — check it/u);
  });

  it("reads a PDF's own dates, and only real days", async () => {
    const doc = await decodePdf(readFileSync(path.join(CASES, 'seed-000-pdf', 'input.pdf')));
    expect(doc.fileDates?.created ?? doc.fileDates?.modified).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    expect(isoDay("D:20210401093000+09'00'")).toBe('2021-04-01');
    expect(isoDay('2021-04-01T00:00:00Z')).toBe('2021-04-01');
    expect(isoDay('D:20210231')).toBeUndefined();
    expect(isoDay('yesterday')).toBeUndefined();
  });
});
