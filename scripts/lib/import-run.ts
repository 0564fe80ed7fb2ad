/**
 * `npm run import -- [--out DIR] [--json] [--force] [--dry-run] [--text] [--id ID] [--date DATE] PATH...`:
 * the importer as a function, so tests run it without a child process.
 *
 * Each file (text extraction, PDF, .docx or HTML) becomes a record: a filing in
 * `DIR/filings/<id>.md`, or a clause set published on its own in `DIR/clauses/<id>.md`; the
 * original is kept beside them as `DIR/sources/<first 16 hex of its SHA-256><extension>`.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, realpath, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError, type ArchiveConfig } from '../../src/lib/record/config.ts';
import { loadArchiveConfig } from '../../src/lib/record/config-fs.ts';
import { ensureDir } from './fs-safe.ts';
import { DecodeError } from '../../src/lib/import/decode/bytes.ts';
import { decodeSource, SourceError } from '../../src/lib/import/decode/decode.ts';
import { formatter, importDocument } from '../../src/lib/import/importer.ts';
import { normalise } from '../../src/lib/import/normalise.ts';
import { deriveId, type ParsedFiling } from '../../src/lib/import/parse-filing.ts';
import { SOURCE_EXTENSIONS, sourcePath } from '../../src/lib/record/record.ts';
import type { Clause, ClauseSetInput, FilingInput } from '../../src/lib/record/schema.ts';

/** One line of `--json` output. */
export interface ImportResult {
  source: string;
  ok: boolean;
  /** `filing` or `clause-set` (a clause set published on its own), when recognised. */
  type: ParsedFiling['type'] | null;
  id: string | null;
  output: string | null;
  /** Where the original is kept. */
  original: string | null;
  record: ((FilingInput | ClauseSetInput) & { clauses: Clause[] }) | null;
  /** What the importer recognised, part by part. */
  recognised: string[];
  warnings: string[];
  errors: string[];
}

/** Where output goes; tests capture it. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const USAGE = 'usage: npm run import -- [--out DIR] [--json] [--force] [--dry-run] [--text] [--id ID] [--date YYYY-MM-DD] PATH...';

interface Args {
  out: string;
  json: boolean;
  force: boolean;
  dryRun: boolean;
  text: boolean;
  id?: string;
  date?: string;
  paths: string[];
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { out: 'content', json: false, force: false, dryRun: false, text: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--json') args.json = true;
    else if (a === '--force') args.force = true;
    else if (a === '--dry-run') args.dryRun = true;
    else if (a === '--text') args.text = true;
    else if (a === '--out' || a === '--id' || a === '--date') {
      const v = argv[++i];
      if (v === undefined) return `${a} needs a value\n${USAGE}`;
      if (a === '--out') args.out = v;
      else if (a === '--id') args.id = v;
      else args.date = v;
    } else if (a.startsWith('--')) return `unknown option ${a}\n${USAGE}`;
    else args.paths.push(a);
  }
  if (args.paths.length === 0) return `no PATH given\n${USAGE}`;
  if (args.id !== undefined && (!/^[a-z0-9][a-z0-9-]*$/u.test(args.id) || args.id.length > 100))
    return `--id ${args.id}: ids are lower-case ASCII letters, digits and -, at most 100 characters`;
  if (args.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/u.test(args.date)) return `--date ${args.date}: give the date as YYYY-MM-DD`;
  return args;
}

/** Files under the paths, each once: folders are walked by their real paths, so symbolic-link loops end. */
async function collect(p: string, into: string[], problems: string[], seen: Set<string>): Promise<void> {
  let s;
  let real: string;
  try {
    s = await stat(p);
    real = await realpath(p);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    problems.push(
      code === 'ENOENT'
        ? `${p}: no such file or folder`
        : `${p}: cannot be read (${code ?? (cause as Error).message}); check its permissions`,
    );
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  if (s.isDirectory()) {
    let entries: string[];
    try {
      entries = (await readdir(p)).filter((e) => !e.startsWith('.')).sort();
    } catch (cause) {
      problems.push(
        `${p}: the folder cannot be read (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}); check its permissions`,
      );
      return;
    }
    for (const e of entries) await collect(path.join(p, e), into, problems, seen);
  } else if (s.isFile()) {
    into.push(p);
  }
}

/** Records already in the content folder, by the SHA-256 of their original. */
async function existingBySource(out: string): Promise<Map<string, { file: string; id: string }>> {
  const map = new Map<string, { file: string; id: string }>();
  for (const folder of ['filings', 'clauses']) {
    const dir = path.join(out, folder);
    if (!existsSync(dir)) continue;
    for (const f of (await readdir(dir)).filter((x) => /\.md$/iu.test(x)).sort()) {
      const file = path.join(dir, f);
      try {
        const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/u.exec(await readFile(file, 'utf8'));
        const data = m ? (parseYaml(m[1] ?? '') as { id?: unknown; source?: { sha256?: unknown } } | null) : null;
        const sha = data?.source?.sha256;
        if (typeof sha === 'string' && typeof data?.id === 'string' && !map.has(sha)) map.set(sha, { file, id: data.id });
      } catch {
        // A record that cannot be read is the content checker's to report, not the importer's.
      }
    }
  }
  return map;
}

/** Run the importer. Returns the exit code (1 if any input failed). */
export async function runImport(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`${args}\n`);
    return 2;
  }
  let config: ArchiveConfig;
  try {
    config = loadArchiveConfig(args.out);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr(`${e.message}\n`);
    return 2;
  }
  const files: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const p of args.paths) await collect(p, files, problems, seen);
  if ((args.id !== undefined || args.date !== undefined) && files.length !== 1) {
    io.stderr(`--id and --date name one record, but ${files.length} files were given; import them one at a time\n`);
    return 2;
  }
  const results: ImportResult[] = problems.map((m) => ({ ...empty(m.split(':')[0] ?? m), errors: [m] }));
  const existing = await existingBySource(args.out);
  const producedBy = new Map<string, string>();
  for (const file of files) results.push(await importOne(file, args, config, existing, producedBy, io));
  if (args.text) return results.some((r) => !r.ok) ? report(results, args, io) : 0;
  return report(results, args, io);
}

function report(results: ImportResult[], args: Args, io: Io): number {
  for (const r of results) {
    for (const w of r.warnings) io.stderr(`warning: ${w}\n`);
    for (const e of r.errors) io.stderr(`error: ${e}\n`);
    if (!r.ok && r.record === null && r.recognised.length > 0 && !args.json)
      io.stderr(`  what was recognised in ${r.source}:\n${r.recognised.map((x) => `    ${x}\n`).join('')}`);
    if (!args.json && !args.text) {
      const verb = args.dryRun ? 'would import' : 'imported';
      io.stdout(r.ok ? `${verb} ${r.source} → ${r.output}\n` : `not imported: ${r.source}\n`);
    }
  }
  if (args.json) io.stdout(`${JSON.stringify(results, null, 2)}\n`);
  const failed = results.filter((r) => !r.ok).length;
  if (!args.json && !args.text)
    io.stderr(`${results.length - failed} ${args.dryRun ? 'would be imported (nothing written)' : 'imported'}, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

function empty(source: string): ImportResult {
  return { source, ok: false, type: null, id: null, output: null, original: null, record: null, recognised: [], warnings: [], errors: [] };
}

async function importOne(
  file: string,
  args: Args,
  config: ArchiveConfig,
  existing: Map<string, { file: string; id: string }>,
  producedBy: Map<string, string>,
  io: Io,
): Promise<ImportResult> {
  const result = empty(file);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    result.errors.push(
      `${file}: cannot be read (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}); check its permissions`,
    );
    return result;
  }
  if (args.text) {
    // What the recognisers read, line by line, for a staff member checking an import.
    try {
      const n = normalise(await decodeSource(bytes, file));
      io.stdout(`${n.lines.map((l) => (l.page !== undefined ? `${l.no}\t[p${l.page}]\t${l.text}` : `${l.no}\t${l.text}`)).join('\n')}\n`);
      result.ok = true;
    } catch (cause) {
      if (!(cause instanceof DecodeError) && !(cause instanceof SourceError)) throw cause;
      result.errors.push(`${file}: ${cause.message}`);
    }
    return result;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const known = existing.get(sha256);
  const imported = await importDocument(bytes, {
    file,
    config,
    ...(args.id ? { id: args.id } : known ? { id: known.id } : {}),
    ...(args.date ? { date: args.date } : {}),
  });
  const { parsed, doc } = imported;
  result.warnings.push(...imported.warnings);
  result.errors.push(...imported.errors);
  if (parsed) {
    result.type = parsed.type;
    result.recognised = parsed.recognised;
  }
  const data = parsed?.type === 'clause-set' ? parsed.clauseSet : parsed?.data;
  if (data && parsed) {
    result.id = data.id;
    result.record = { ...data, clauses: parsed.clauses };
  }
  const content = imported.content;
  if (!parsed || !doc || !data || content === undefined || !imported.folder) return result;
  const fmt = formatter(file, parsed.lines);
  const folder = imported.folder;
  const output = known && !args.id ? known.file : path.join(args.out, folder, `${data.id}.md`);
  // Found by its original, not by the id the importer would give it: say which record it is.
  const derived =
    parsed.type === 'clause-set'
      ? deriveId(data.title, 'clauses', String(data.date))
      : deriveId(data.title, (data as FilingInput).department.section, String(data.date));
  if (known && !args.id && known.id !== derived)
    result.warnings.push(
      fmt({
        line: 0,
        message: `this original was imported before as ${known.file} (same SHA-256); that record is the one compared and updated`,
      }),
    );
  result.output = output;
  const original = path.join(args.out, sourcePath(sha256, path.extname(file).toLowerCase() || SOURCE_EXTENSIONS[doc.format]));
  result.original = original;
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
  if (existsSync(output)) {
    const current = await readFile(output, 'utf8');
    if (current !== content && !args.force) {
      result.errors.push(
        fmt({
          line: 0,
          message: `${output} already exists and differs; it was not overwritten. Re-run with --force to replace it, or with --id to import as a new record`,
        }),
      );
      return result;
    }
  }
  if (args.dryRun) {
    if (!args.json) io.stdout(`--- ${output}\n${content}`);
    result.ok = true;
    return result;
  }
  try {
    await ensureDir(path.dirname(output));
    if (!existsSync(output) || (await readFile(output, 'utf8')) !== content) await writeFile(output, content);
    if (!existsSync(original)) {
      await ensureDir(path.dirname(original));
      await writeFile(original, bytes);
    }
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    result.errors.push(
      code
        ? `${output}: cannot be written (${code}); check that --out ${args.out} is a folder you can write to`
        : `${output}: cannot be written: ${(cause as Error).message}`,
    );
    return result;
  }
  result.ok = true;
  return result;
}
