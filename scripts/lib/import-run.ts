/**
 * `npm run import -- [--out DIR] [--json] [--force] [--id ID] PATH...`: the importer as a
 * function, so tests run it without a child process.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DecodeError, decodeFiling } from '../../src/lib/decode.ts';
import { missingText } from '../../src/lib/import/lossless.ts';
import { formatProblem, type Problem } from '../../src/lib/import/messages.ts';
import { parseFiling } from '../../src/lib/import/parse-filing.ts';
import { serializeRecord } from '../../src/lib/record.ts';
import type { Clause, FilingInput } from '../../src/lib/schema.ts';

/** One line of `--json` output. */
export interface ImportResult {
  source: string;
  ok: boolean;
  id: string | null;
  output: string | null;
  record: (FilingInput & { clauses: Clause[] }) | null;
  warnings: string[];
  errors: string[];
}

/** Where output goes; tests capture it. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const USAGE = 'usage: npm run import -- [--out DIR] [--json] [--force] [--id ID] PATH...';

interface Args {
  out: string;
  json: boolean;
  force: boolean;
  id?: string;
  paths: string[];
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { out: 'content', json: false, force: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--json') args.json = true;
    else if (a === '--force') args.force = true;
    else if (a === '--out' || a === '--id') {
      const v = argv[++i];
      if (v === undefined) return `${a} needs a value\n${USAGE}`;
      if (a === '--out') args.out = v;
      else args.id = v;
    } else if (a.startsWith('--')) return `unknown option ${a}\n${USAGE}`;
    else args.paths.push(a);
  }
  if (args.paths.length === 0) return `no PATH given\n${USAGE}`;
  if (args.id !== undefined && !/^[a-z0-9][a-z0-9-]*$/u.test(args.id))
    return `--id ${args.id}: ids are lower-case ASCII letters, digits and -`;
  return args;
}

async function collect(p: string, into: string[], missing: string[]): Promise<void> {
  let s;
  try {
    s = await stat(p);
  } catch {
    missing.push(p);
    return;
  }
  if (s.isDirectory()) {
    const entries = (await readdir(p)).filter((e) => !e.startsWith('.')).sort();
    for (const e of entries) await collect(path.join(p, e), into, missing);
  } else if (s.isFile()) {
    into.push(p);
  }
}

/** Run the importer. Returns the exit code (1 if any input failed). */
export async function runImport(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`${args}\n`);
    return 2;
  }
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of args.paths) await collect(p, files, missing);
  if (args.id !== undefined && files.length !== 1) {
    io.stderr(`--id names one record, but ${files.length} files were given; import them one at a time to set ids\n`);
    return 2;
  }
  const results: ImportResult[] = missing.map((m) => ({
    source: m,
    ok: false,
    id: null,
    output: null,
    record: null,
    warnings: [],
    errors: [`${m}: no such file or folder`],
  }));
  const dir = path.join(args.out, 'filings');
  const producedBy = new Map<string, string>();
  for (const file of files) results.push(await importOne(file, args, dir, producedBy));
  for (const r of results) {
    for (const w of r.warnings) io.stderr(`warning: ${w}\n`);
    for (const e of r.errors) io.stderr(`error: ${e}\n`);
    if (!args.json) io.stdout(r.ok ? `imported ${r.source} → ${r.output}\n` : `not imported: ${r.source}\n`);
  }
  if (args.json) io.stdout(`${JSON.stringify(results, null, 2)}\n`);
  const failed = results.filter((r) => !r.ok).length;
  if (!args.json) io.stderr(`${results.length - failed} imported, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

async function importOne(file: string, args: Args, dir: string, producedBy: Map<string, string>): Promise<ImportResult> {
  const result: ImportResult = { source: file, ok: false, id: null, output: null, record: null, warnings: [], errors: [] };
  const fmt = (p: Problem): string => formatProblem(file, p);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    result.errors.push(`${file}: cannot be read (${(cause as Error).message})`);
    return result;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let text: string;
  try {
    text = decodeFiling(bytes).text;
  } catch (cause) {
    if (!(cause instanceof DecodeError)) throw cause;
    result.errors.push(fmt({ line: 0, message: cause.message }));
    return result;
  }
  const parsed = parseFiling(text, { file: path.basename(file), sha256, ...(args.id ? { id: args.id } : {}) });
  result.warnings.push(...parsed.warnings.map(fmt));
  result.errors.push(...parsed.errors.map(fmt));
  if (!parsed.data || parsed.errors.length > 0) return result;
  const data = parsed.data;
  result.id = data.id;
  result.record = { ...data, clauses: parsed.clauses };
  for (const m of missingText(text, data, parsed.body)) {
    result.errors.push(
      fmt({ line: m.line, message: `the record would lose 「${m.text}」; this is an importer bug — please report it with the file` }),
    );
  }
  if (result.errors.length > 0) return result;
  const output = path.join(dir, `${data.id}.md`);
  result.output = output;
  const other = producedBy.get(data.id);
  if (other) {
    result.errors.push(
      fmt({
        line: 0,
        message: `id ${data.id} was already produced by ${other} in this run (same subject, section and year); import this file alone with --id to give it another id`,
      }),
    );
    return result;
  }
  producedBy.set(data.id, file);
  const content = serializeRecord(data, parsed.body);
  if (existsSync(output)) {
    const existing = await readFile(output, 'utf8');
    if (existing === content) {
      result.ok = true;
      return result;
    }
    if (!args.force) {
      result.errors.push(
        fmt({
          line: 0,
          message: `${output} already exists and differs; it was not overwritten. Re-run with --force to replace it, or with --id to import as a new record`,
        }),
      );
      return result;
    }
  }
  await mkdir(dir, { recursive: true });
  await writeFile(output, content);
  result.ok = true;
  return result;
}
