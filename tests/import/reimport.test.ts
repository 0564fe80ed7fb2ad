/**
 * Re-importing into corrected records: {plain, --force, --id} × {the same original, a corrected
 * original} × {no correction, a correction of a field the original changed too, a correction of
 * another field}. No correction is lost, a field changed on both sides is a conflict named with
 * both values (nothing written until staff choose with --take), one record per filing. And two
 * imports into one content folder cannot both write.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport, type ImportResult } from '../../scripts/lib/import-run.ts';
import { parseRecord } from '../../src/lib/record/record.ts';
import { SEED_DIR, seed } from '../support/helpers.ts';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runImport(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const TITLE = 'マイナンバーカード交付予約受付等業務の委託について（委託内容の追加等）';
const CORRECTED_TITLE = 'マイナンバーカード交付予約受付等業務の委託について（委託内容の追加）';
const STAFF_TITLE = 'マイナンバーカード交付予約受付等業務の委託（委託内容の追加等）';
const STAFF_PURPOSE = '申請者の負担を軽くするため。';

type Mode = 'plain' | '--force' | '--id';
type Original = 'same' | 'corrected';
type Correction = 'none' | 'same field' | 'other field';

const cases: Array<[Mode, Original, Correction]> = [];
for (const m of ['plain', '--force', '--id'] as const)
  for (const o of ['same', 'corrected'] as const) for (const c of ['none', 'same field', 'other field'] as const) cases.push([m, o, c]);

describe('re-importing into a corrected record', () => {
  it.each(cases)('%s, %s original, correction: %s', async (mode, original, correction) => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-reimport-'));
    const out = path.join(work, 'content');
    const first = seed('002');
    const firstFile = path.join(work, 'filing.txt');
    writeFileSync(firstFile, first.bytes);
    const [imported] = JSON.parse((await run(['--json', '--out', out, firstFile])).stdout) as ImportResult[];
    const output = imported?.output ?? '';
    const id = imported?.id ?? '';
    expect(parseRecord(readFileSync(output, 'utf8'), output).data.title).toBe(TITLE);

    // Staff correct the record.
    let text = readFileSync(output, 'utf8');
    if (correction === 'same field') text = text.replace(`title: ${TITLE}`, `title: ${STAFF_TITLE}`);
    if (correction === 'other field') text = text.replace(/^purpose: .*$/mu, `purpose: ${STAFF_PURPOSE}`);
    writeFileSync(output, text);

    // The original again, or corrected (one typo in its 件名).
    const againFile = original === 'same' ? firstFile : path.join(work, 'filing-corrected.txt');
    if (original === 'corrected') writeFileSync(againFile, first.text.replaceAll(TITLE, CORRECTED_TITLE));
    const extra = mode === '--force' ? ['--force'] : mode === '--id' ? ['--id', id] : [];
    const again = await run([...extra, '--out', out, againFile]);

    const records = readdirSync(path.join(out, 'filings'));
    const record = parseRecord(readFileSync(output, 'utf8'), output).data;
    if (original === 'corrected' && correction === 'same field') {
      // Both changed the title: a conflict, named with both values, and the record as staff left it.
      expect(again.code).toBe(1);
      expect(again.stderr).toContain(`title: the record has 「${STAFF_TITLE}」, the original now gives 「${CORRECTED_TITLE}」`);
      expect(again.stderr).toMatch(/--take record .* --take source/u);
      expect(readFileSync(output, 'utf8')).toBe(text);
      // Staff choose (each choice on its own copy); either way one record.
      const other = path.join(work, 'content-2');
      cpSync(out, other, { recursive: true });
      expect((await run([...extra, '--take', 'record', '--out', out, againFile])).code).toBe(0);
      expect(parseRecord(readFileSync(output, 'utf8'), output).data.title).toBe(STAFF_TITLE);
      expect((await run([...extra, '--take', 'source', '--out', other, againFile])).code).toBe(0);
      const otherOutput = path.join(other, 'filings', `${id}.md`);
      expect(parseRecord(readFileSync(otherOutput, 'utf8'), otherOutput).data.title).toBe(CORRECTED_TITLE);
      expect(readdirSync(path.join(out, 'filings'))).toEqual([`${id}.md`]);
      expect(readdirSync(path.join(other, 'filings'))).toEqual([`${id}.md`]);
      return;
    }
    expect(again.code, again.stderr).toBe(0);
    expect(records).toEqual([`${id}.md`]);
    // The correction is kept…
    if (correction === 'same field') expect(record.title).toBe(STAFF_TITLE);
    if (correction === 'other field') expect(record.purpose).toBe(STAFF_PURPOSE);
    if (correction !== 'none') expect(again.stderr).toMatch(/kept the corrections of (title|purpose)/u);
    // …and what the original changed is taken where staff did not touch it.
    if (correction !== 'same field') expect(record.title).toBe(original === 'corrected' ? CORRECTED_TITLE : TITLE);
    // A corrected original replaces the earlier one, which is kept and linked.
    if (original === 'corrected') {
      expect(record.source?.replaces).toEqual([imported?.record?.source?.sha256]);
      expect(readdirSync(path.join(out, 'sources'))).toHaveLength(2);
      if (mode !== '--id') expect(again.stderr).toMatch(/read as a corrected original of .*: that record is updated/u);
    }
  });

  it('a record imported before bases were kept: every differing field is a conflict until staff choose', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-reimport-'));
    const out = path.join(work, 'content');
    const file = path.join(SEED_DIR, seed('002').file);
    const [r] = JSON.parse((await run(['--json', '--out', out, file])).stdout) as ImportResult[];
    const output = r?.output ?? '';
    // As if imported by an older version: no base.
    const base = path.join(out, '.import', 'filings', path.basename(output));
    writeFileSync(base, '');
    const edited = readFileSync(output, 'utf8').replace(/^purpose: .*$/mu, `purpose: ${STAFF_PURPOSE}`);
    writeFileSync(output, edited);
    const again = await run(['--force', '--out', out, file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`purpose: the record has 「${STAFF_PURPOSE}」`);
    expect(readFileSync(output, 'utf8')).toBe(edited);
    expect((await run(['--take', 'record', '--out', out, file])).code).toBe(0);
    expect(parseRecord(readFileSync(output, 'utf8'), output).data.purpose).toBe(STAFF_PURPOSE);
  });

  it('two imports into one content folder: the second is refused while the first runs, and a stale lock is taken over', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'archive-lock-'));
    const file = path.join(SEED_DIR, seed('000').file);
    // A lock held by a running process (this one).
    writeFileSync(path.join(out, '.import.lock'), String(process.pid));
    const busy = await run(['--out', out, file]);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(new RegExp(`another import \\(process ${process.pid}\\) is writing to`, 'u'));
    expect(readdirSync(out)).toEqual(['.import.lock']);
    // A lock left by a process that is gone.
    writeFileSync(path.join(out, '.import.lock'), '999999999');
    const ok = await run(['--out', out, file]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.import', 'filings', 'sources']);
  });
});
