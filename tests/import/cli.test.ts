/** `npm run import`: files and folders, --json, --force, encodings, determinism, bad input. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runImport, type ImportResult } from '../../scripts/lib/import-run.ts';
import { parseRecord } from '../../src/lib/record/record.ts';
import type { FilingInput } from '../../src/lib/record/schema.ts';
import { SEED_DIR, seed } from '../support/helpers.ts';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runImport(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'archive-import-'));
}

describe('runImport', () => {
  it('imports the seed folder; --json prints only the JSON array', async () => {
    const out = tmp();
    const r = await run(['--json', '--out', out, SEED_DIR]);
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout) as ImportResult[];
    expect(results).toHaveLength(5);
    for (const x of results) {
      expect(Object.keys(x)).toEqual(['source', 'ok', 'type', 'id', 'output', 'original', 'record', 'recognised', 'warnings', 'errors']);
      expect(x.ok).toBe(true);
      expect(x.record?.clauses.length).toBeGreaterThan(0);
      const file = readFileSync(x.output ?? '', 'utf8');
      expect(parseRecord(file, x.output ?? '').data.id).toBe(x.id);
    }
    expect(readdirSync(path.join(out, 'filings'))).toHaveLength(5);
  });

  it('is deterministic: two imports give byte-identical records', async () => {
    const a = tmp();
    const b = tmp();
    await run(['--out', a, SEED_DIR]);
    await run(['--out', b, SEED_DIR]);
    const files = readdirSync(path.join(a, 'filings')).sort();
    expect(readdirSync(path.join(b, 'filings')).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(b, 'filings', f))).toEqual(readFileSync(path.join(a, 'filings', f)));
  });

  it('never loses a correction: re-importing, with --force or not, keeps it and says so', async () => {
    const out = tmp();
    const file = path.join(SEED_DIR, readdirSync(SEED_DIR)[0] ?? '');
    const first = JSON.parse((await run(['--json', '--out', out, file])).stdout) as ImportResult[];
    const output = first[0]?.output ?? '';
    writeFileSync(output, readFileSync(output, 'utf8').replace('kind: 報告', 'kind: 諮問'));
    const edited = readFileSync(output, 'utf8');
    for (const extra of [[], ['--force']]) {
      const again = await run([...extra, '--out', out, file]);
      expect(again.code).toBe(0);
      expect(again.stderr).toMatch(/kept the corrections of kind over the original's values/u);
      expect(readFileSync(output, 'utf8')).toBe(edited);
    }
  });

  it('re-importing an unchanged file is not an error', async () => {
    const out = tmp();
    const file = path.join(SEED_DIR, readdirSync(SEED_DIR)[0] ?? '');
    await run(['--out', out, file]);
    expect((await run(['--out', out, file])).code).toBe(0);
  });

  it('reads Shift_JIS (CP932), UTF-8 with BOM and CRLF to the same record', async () => {
    const { text } = seed('002');
    const dir = tmp();
    writeFileSync(path.join(dir, 'sjis.txt'), iconv.encode(text.replace(/\n/gu, '\r\n'), 'cp932'));
    writeFileSync(path.join(dir, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/gu, '\r\n'))]));
    const results = JSON.parse((await run(['--json', '--out', tmp(), path.join(dir, 'sjis.txt')])).stdout) as ImportResult[];
    const bom = JSON.parse((await run(['--json', '--out', tmp(), path.join(dir, 'bom.txt')])).stdout) as ImportResult[];
    const plain = JSON.parse((await run(['--json', '--out', tmp(), path.join(SEED_DIR, seed('002').file)])).stdout) as ImportResult[];
    const strip = (r: ImportResult | undefined): unknown => ({ ...r?.record, source: undefined });
    expect(results[0]?.ok).toBe(true);
    expect(strip(results[0])).toEqual(strip(plain[0]));
    expect(strip(bom[0])).toEqual(strip(plain[0]));
    expect(results[0]?.id).toBe(plain[0]?.id);
  });

  it('bad inputs: a message per file and line, exit 1, the good files still imported', async () => {
    const dir = tmp();
    const { text } = seed('000');
    const header = text.split('\n').slice(0, 16).join('\n');
    writeFileSync(path.join(dir, 'a-empty.txt'), '');
    writeFileSync(path.join(dir, 'b-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x03]));
    writeFileSync(path.join(dir, 'c-cut.txt'), header);
    writeFileSync(path.join(dir, 'd-reiwa0.txt'), text.replace('平成22年4月1日から', '令和0年4月1日から'));
    writeFileSync(path.join(dir, 'e-feb30.txt'), text.replace('平成22年4月1日から', '令和2年2月30日から'));
    writeFileSync(path.join(dir, 'f-month13.txt'), text.replace('平成22年4月1日から', '令和2年13月1日から'));
    writeFileSync(path.join(dir, 'g-unknown.txt'), 'これは審議会の資料ではありません。\n単なるメモです。\n');
    writeFileSync(path.join(dir, 'h-good.txt'), text);
    writeFileSync(path.join(dir, 'i-heisei32.txt'), text.replace('平成22年4月1日から、以降継続', '平成31年4月1日から平成32年3月31日まで'));
    const out = tmp();
    const r = await run(['--json', '--out', out, dir]);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as ImportResult[];
    const by = (name: string): ImportResult => results.find((x) => x.source.endsWith(name)) as ImportResult;
    expect(by('a-empty.txt').errors).toEqual([`${path.join(dir, 'a-empty.txt')}: the file is empty; nothing to import`]);
    expect(by('b-binary.txt').errors[0]).toMatch(/b-binary\.txt: this is a binary file/u);
    expect(by('c-cut.txt').errors[0]).toMatch(/c-cut\.txt:\d+: the filing stops after its header/u);
    expect(by('d-reiwa0.txt').errors[0]).toMatch(/d-reiwa0\.txt:35: impossible date in the period: 令和0年4月1日/u);
    expect(by('e-feb30.txt').errors[0]).toMatch(/e-feb30\.txt:35: .*2月30日 does not exist/u);
    expect(by('f-month13.txt').errors[0]).toMatch(/f-month13\.txt:35: .*month 13 does not exist/u);
    expect(by('g-unknown.txt').errors[0]).toMatch(
      /g-unknown\.txt:1: this does not read as a council filing, nor as a clause set: no subject \(a 件名 line/u,
    );
    expect(by('h-good.txt').ok).toBe(true);
    expect(by('i-heisei32.txt').ok).toBe(true);
    expect(by('i-heisei32.txt').warnings).toContainEqual(
      expect.stringMatching(/i-heisei32\.txt:35: 平成32年3月31日 is after the end of 平成/u),
    );
    expect((by('i-heisei32.txt').record as FilingInput | null)?.period).toMatchObject({ start: '2019-04-01', end: '2020-03-31' });
    for (const x of results.filter((y) => !y.ok)) {
      expect(x.output).toBeNull();
      for (const e of x.errors) expect(e).not.toMatch(/\n\s+at /u);
    }
    // Both good files and only they are written (the 平成32 variant has its own id).
    expect(readdirSync(path.join(out, 'filings'))).toHaveLength(2);
  });

  it('human output goes to stderr with the file and line', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'bad.txt'), seed('000').text.replace('平成22年4月1日から', '令和2年2月30日から'));
    const r = await run(['--out', tmp(), dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`error: ${path.join(dir, 'sub', 'bad.txt').replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}:35: `, 'u'));
  });

  it('--id overrides the derived id; usage errors exit 2', async () => {
    const out = tmp();
    const r = JSON.parse(
      (await run(['--json', '--id', 'my-filing', '--out', out, path.join(SEED_DIR, seed('000').file)])).stdout,
    ) as ImportResult[];
    expect(r[0]?.id).toBe('my-filing');
    expect((await run([])).code).toBe(2);
    expect((await run(['--id', 'X Y', 'a'])).code).toBe(2);
    expect((await run(['--bogus', 'a'])).code).toBe(2);
  });

  it('walks a folder with symbolic-link loops once, file by file, and ends', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.txt'), seed('000').text);
    mkdirSync(path.join(dir, 'L'));
    writeFileSync(path.join(dir, 'L', 'b.txt'), seed('001').text);
    symlinkSync('.', path.join(dir, 'L', 'loop'));
    symlinkSync('../L', path.join(dir, 'L', 'up'));
    symlinkSync('..', path.join(dir, 'L', 'top'));
    const r = await run(['--json', '--out', tmp(), dir]);
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout) as ImportResult[];
    expect(results.map((x) => path.basename(x.source)).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('an --out that cannot be made (under /proc) fails at once with the folder named, and nothing else is tried there', async () => {
    const r = await run(['--out', '/proc/archive-import-test', path.join(SEED_DIR, seed('000').file)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\/proc\/archive-import-test cannot be made \(ENOENT\); choose a folder you can write to/u);
  });

  it('keeps the original beside the records, named by its hash, and --dry-run writes nothing', async () => {
    const out = tmp();
    const file = path.join(SEED_DIR, seed('000').file);
    const dry = await run(['--dry-run', '--out', out, file]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^--- .*filings\/2010-4b4b9c74\.md\n---\nid: 2010-4b4b9c74/mu);
    expect(existsSync(path.join(out, 'filings'))).toBe(false);
    expect(existsSync(path.join(out, 'sources'))).toBe(false);
    const r = JSON.parse((await run(['--json', '--out', out, file])).stdout) as ImportResult[];
    expect(r[0]?.original).toBe(path.join(out, 'sources', `${r[0]?.record?.source?.sha256.slice(0, 16)}.txt`));
    expect(readFileSync(r[0]?.original ?? '')).toEqual(readFileSync(file));
  });

  it('finds a record by its original whatever its id and file name: no second record after an id was edited', async () => {
    const out = tmp();
    const file = path.join(SEED_DIR, seed('000').file);
    const first = JSON.parse((await run(['--json', '--out', out, file])).stdout) as ImportResult[];
    const old = first[0]?.output ?? '';
    const renamed = path.join(out, 'filings', 'my-own-id.md');
    writeFileSync(renamed, readFileSync(old, 'utf8').replace(/^id: .*$/mu, 'id: my-own-id'));
    rmSync(old);
    const again = await run(['--json', '--out', out, file]);
    expect(again.code).toBe(0);
    const r = JSON.parse(again.stdout) as ImportResult[];
    expect(r[0]?.output).toBe(renamed);
    expect(r[0]?.warnings.join('\n')).toMatch(/imported before as .*my-own-id\.md \(same SHA-256\)/u);
    expect(readdirSync(path.join(out, 'filings'))).toEqual(['my-own-id.md']);
  });

  it('--text prints what the importer read, line by line, and imports nothing', async () => {
    const out = tmp();
    const r = await run(['--text', '--out', out, path.resolve('tests/fixtures/import/seed-000-pdf/input.pdf')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\t\[p1\]\t件\s*名\s*住民記録業務/mu);
    expect(existsSync(path.join(out, 'filings'))).toBe(false);
  });
});

describe('one file never stops the run', () => {
  it('a file that overflows the stack (100,000 nested <div>) fails alone, named, and the files after it are imported', async () => {
    const dir = tmp();
    const deep = path.join(dir, 'a-deep.html');
    writeFileSync(deep, `<!DOCTYPE html><html><body>${'<div>'.repeat(100_000)}件名 テスト${'</div>'.repeat(100_000)}</body></html>`);
    const r = await run(['--out', path.join(dir, 'out'), deep, SEED_DIR]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: ${deep}: too deeply nested or too large for the importer to read`);
    expect(r.stderr).toMatch(/^5 imported, 1 failed$/mu);
    expect(readdirSync(path.join(dir, 'out', 'filings'))).toHaveLength(5);
  });
});

describe('messages', () => {
  it('control characters on many lines are one message that names the lines, on a few lines one each', async () => {
    const dir = tmp();
    const { text } = seed('000');
    const lines = text.split('\n');
    const many = path.join(dir, 'many.txt');
    writeFileSync(many, lines.map((l, i) => (i < 67 ? `${l}\u0007` : l)).join('\n'));
    const r = await run(['--dry-run', '--out', path.join(dir, 'out'), many]);
    const said = r.stderr.split('\n').filter((l) => l.includes('control characters'));
    expect(said).toEqual([
      `warning: ${many}: control characters removed from 67 lines (1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 57 more); they are not text`,
    ]);
    const few = path.join(dir, 'few.txt');
    writeFileSync(few, lines.map((l, i) => (i === 4 || i === 9 ? `${l}\u0007` : l)).join('\n'));
    const r2 = await run(['--dry-run', '--out', path.join(dir, 'out'), few]);
    expect(r2.stderr.split('\n').filter((l) => l.includes('control characters'))).toEqual([
      `warning: ${few}:5: control characters removed from this line`,
      `warning: ${few}:10: control characters removed from this line`,
    ]);
  });
});
