/**
 * `npm run import -- [--out DIR] [--json] [--force] [--dry-run] [--text] [--id ID] [--date DATE] PATH...`:
 * the importer as a function, so tests run it without a child process.
 *
 * Each file (text extraction, PDF, .docx or HTML) becomes a record: a filing in
 * `DIR/filings/<id>.md`, or a clause set published on its own in `DIR/clauses/<id>.md`; the
 * original is kept beside them as `DIR/sources/<first 16 hex of its SHA-256><extension>`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, type ArchiveConfig } from '../../src/lib/record/config.ts';
import { loadArchiveConfig } from '../../src/lib/record/config-fs.ts';
import { ensureDir } from './fs-safe.ts';
import { readDates } from './import-dates.ts';
import { collect, correctedOriginalOf, existingBySource, type Existing } from './import-content.ts';
import { distinctId, documentOf, recordDocument, sameDocument, type Produced } from './import-identity.ts';
import { BASE_FOLDER, addCopy, keepOriginal, mergeInto, sha256Of, takeLock, writeAtomic } from './import-store.ts';
import { DecodeError } from '../../src/lib/import/decode/bytes.ts';
import { decodeSource, SourceError } from '../../src/lib/import/decode/decode.ts';
import { formatter, importDocument } from '../../src/lib/import/importer.ts';
import { normalise } from '../../src/lib/import/normalise.ts';
import { collector } from '../../src/lib/import/messages.ts';
import { deriveId, type ParsedFiling } from '../../src/lib/import/parse-filing.ts';
import { SOURCE_EXTENSIONS, sourcePath } from '../../src/lib/record/record.ts';
import { describeConflict } from '../../src/lib/import/merge.ts';
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

const USAGE =
  'usage: npm run import -- [--out DIR] [--json] [--force] [--dry-run] [--text] [--id ID] [--date YYYY-MM-DD] [--dates FILE.csv] [--take source|record] PATH...';

interface Args {
  out: string;
  json: boolean;
  force: boolean;
  dryRun: boolean;
  text: boolean;
  id?: string;
  date?: string;
  /** A CSV of file,date: dates for the clause sets of a batch that print none. */
  dates?: string;
  /** How a field changed both by staff and by the original is settled (else it is a conflict). */
  take?: 'source' | 'record';
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
    else if (a === '--out' || a === '--id' || a === '--date' || a === '--dates' || a === '--take') {
      const v = argv[++i];
      if (v === undefined) return `${a} needs a value\n${USAGE}`;
      if (a === '--out') args.out = v;
      else if (a === '--id') args.id = v;
      else if (a === '--dates') args.dates = v;
      else if (a === '--take') {
        if (v !== 'source' && v !== 'record') return `--take ${v}: give source (the original's value) or record (the record's)`;
        args.take = v;
      } else args.date = v;
    } else if (a.startsWith('--')) return `unknown option ${a}\n${USAGE}`;
    else args.paths.push(a);
  }
  if (args.paths.length === 0) return `no PATH given\n${USAGE}`;
  if (args.id !== undefined && (!/^[a-z0-9][a-z0-9-]*$/u.test(args.id) || args.id.length > 100))
    return `--id ${args.id}: ids are lower-case ASCII letters, digits and -, at most 100 characters`;
  if (args.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/u.test(args.date)) return `--date ${args.date}: give the date as YYYY-MM-DD`;
  return args;
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
  const given = args.dates ? await readDates(args.dates) : undefined;
  if (given && given.problems.length > 0) {
    for (const p of given.problems) io.stderr(`error: ${p}\n`);
    io.stderr('nothing imported: correct the dates file and import again\n');
    return 2;
  }
  for (const p of given?.unused(files) ?? []) io.stderr(`warning: ${p}\n`);
  // One import at a time writes into a content folder: two at once would both read the records
  // as they were and one set of writes would be lost.
  const lock = args.dryRun || args.text ? undefined : await takeLock(args.out);
  if (typeof lock === 'string') {
    io.stderr(`error: ${lock}\n`);
    return 1;
  }
  try {
    const existing = await existingBySource(args.out);
    const producedBy = new Map<string, Produced>();
    for (const file of files) {
      // One file never stops the run: whatever it does to the importer is its own failure.
      try {
        const date = given?.dateOf(file);
        results.push(await importOne(file, date ? { ...args, date } : args, config, existing, producedBy, io));
      } catch (cause) {
        results.push({ ...empty(file), errors: [failureOf(file, cause)] });
      }
    }
  } finally {
    await lock?.();
  }
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
  existing: Map<string, Existing>,
  producedBy: Map<string, Produced>,
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
      // The notes are for a record; this prints the lines only.
      const n = normalise(await decodeSource(bytes, file), { report: collector() });
      io.stdout(`${n.lines.map((l) => (l.page !== undefined ? `${l.no}\t[p${l.page}]\t${l.text}` : `${l.no}\t${l.text}`)).join('\n')}\n`);
      result.ok = true;
    } catch (cause) {
      if (!(cause instanceof DecodeError) && !(cause instanceof SourceError)) throw cause;
      result.errors.push(`${file}: ${cause.message}`);
    }
    return result;
  }
  const sha256 = sha256Of(bytes);
  let known = existing.get(sha256);
  if (known?.copy && !args.id) {
    // Kept before as a copy of a record's original: the record is read from its original.
    result.ok = true;
    result.id = known.id;
    result.output = known.file;
    result.warnings.push(
      `${file}: kept before as a copy of the original of ${known.file} (the same document in another format); nothing to import`,
    );
    return result;
  }
  const importAs = (id: string | undefined): ReturnType<typeof importDocument> =>
    importDocument(bytes, { file, config, ...(id ? { id } : {}), ...(args.date ? { date: args.date } : {}) });
  let imported = await importAs(args.id ?? known?.id);
  // A corrected original (another file, so another hash) of a record already here: the same
  // section and date, a subject a few characters apart. It updates that record, not a second one.
  let corrected: Existing | undefined;
  if (!known && !args.id && imported.folder && imported.parsed?.type === 'filing' && imported.parsed.data) {
    const d = imported.parsed.data;
    const own = path.join(args.out, imported.folder, `${d.id}.md`);
    if (!existsSync(own)) corrected = correctedOriginalOf([...existing.values()], d.title, d.department.section, String(d.date));
    if (corrected) {
      known = corrected;
      imported = await importAs(corrected.id);
    }
  }
  // Another document under the id this one derives (same subject, section and year): in this
  // run or already in the folder. The same filing in another format or extraction is kept as a
  // copy of that record's original; a different document (another kind, date or number) gets an
  // id of its own, never the other's record.
  let copyOf: { output: string; of: string } | undefined;
  const first = documentOf(imported);
  if (first && !args.id && !known) {
    let candidate = first.id;
    for (let n = 1; ;) {
      const candidateOutput = path.join(args.out, first.folder, `${candidate}.md`);
      const sameRun = producedBy.get(candidate);
      const other =
        sameRun?.document ??
        (existsSync(candidateOutput) ? recordDocument(await readFile(candidateOutput, 'utf8'), first.folder) : undefined);
      if (!other) break;
      if (sameDocument(other, first)) {
        if (sameRun) copyOf = { output: sameRun.output, of: sameRun.file };
        else if (other.format !== first.format) copyOf = { output: candidateOutput, of: candidateOutput };
        break;
      }
      n++;
      candidate = n === 2 ? distinctId(first) : `${distinctId(first)}-${n}`;
    }
    if (candidate !== first.id) {
      imported = await importAs(candidate);
      result.warnings.push(
        `${file}: another document (${producedBy.get(first.id)?.file ?? path.join(args.out, first.folder, `${first.id}.md`)}) has the same subject, section and year but another kind, date or number: this one is ${candidate}`,
      );
    }
  }
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
  if (corrected)
    result.warnings.push(
      fmt({
        line: 0,
        message: `read as a corrected original of ${corrected.file} (same section and date, subject 「${corrected.title ?? ''}」): that record is updated and the earlier original kept; import with --id to choose another record`,
      }),
    );
  else if (known && !args.id && known.id !== derived)
    result.warnings.push(
      fmt({
        line: 0,
        message: `this original was imported before as ${known.file} (same SHA-256); that record is the one compared and updated`,
      }),
    );
  result.output = output;
  const original = path.join(args.out, sourcePath(sha256, path.extname(file).toLowerCase() || SOURCE_EXTENSIONS[doc.format]));
  result.original = original;
  if (copyOf) {
    result.output = copyOf.output;
    result.warnings.push(
      fmt({
        line: 0,
        message: `the same filing as ${copyOf.of} (same subject, section, date and kind) in another format or extraction: kept as a copy of its original (source.copies in ${copyOf.output}); the record is read from the first`,
      }),
    );
    if (args.dryRun) {
      result.ok = true;
      return result;
    }
    try {
      await keepOriginal(original, bytes, sha256);
      const why = await addCopy(copyOf.output, folder, {
        file: path.basename(file),
        sha256,
        size: bytes.length,
        type: doc.format,
      });
      if (why) {
        result.errors.push(fmt({ line: 0, message: why }));
        return result;
      }
    } catch (cause) {
      result.errors.push(`${copyOf.output}: cannot be written (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message})`);
      return result;
    }
    result.ok = true;
    return result;
  }
  const other = producedBy.get(data.id);
  if (other) {
    result.errors.push(
      fmt({
        line: 0,
        message: `id ${data.id} was already produced by ${other.file} in this run; import this file alone with --id to give it another id`,
      }),
    );
    return result;
  }
  const document = documentOf(imported);
  if (document) producedBy.set(data.id, { file, output, document });
  // What the importer wrote last time for this record: staff's corrections are what differs from it.
  const basePath = path.join(args.out, BASE_FOLDER, folder, path.basename(output));
  let written = content;
  if (existsSync(output)) {
    const current = await readFile(output, 'utf8');
    const merged = mergeInto(current, existsSync(basePath) ? await readFile(basePath, 'utf8') : undefined, content, folder, args.take);
    if (typeof merged === 'string') {
      result.errors.push(fmt({ line: 0, message: `${output}: ${merged}` }));
      return result;
    }
    if (merged.conflicts.length > 0) {
      result.errors.push(
        fmt({
          line: 0,
          message: `${output} was corrected where the original now differs too, so it was not written: ${merged.conflicts.map(describeConflict).join('; ')}. Re-run with --take record to keep the record's values or --take source to take the original's`,
        }),
      );
      return result;
    }
    if (merged.kept.length > 0)
      result.warnings.push(
        fmt({ line: 0, message: `${output}: kept the corrections of ${merged.kept.join(', ')} over the original's values` }),
      );
    written = merged.text;
  }
  if (args.dryRun) {
    if (!args.json) io.stdout(`--- ${output}\n${written}`);
    result.ok = true;
    return result;
  }
  try {
    // The original first: a record never points at an original that is not there. Each file is
    // written whole or not at all (a temporary file renamed into place).
    await keepOriginal(original, bytes, sha256);
    await ensureDir(path.dirname(output));
    if (!existsSync(output) || (await readFile(output, 'utf8')) !== written) await writeAtomic(output, written);
    await ensureDir(path.dirname(basePath));
    if (!existsSync(basePath) || (await readFile(basePath, 'utf8')) !== content) await writeAtomic(basePath, content);
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

/** What an unexpected failure on one file tells staff: the file, what happened, what to do. */
function failureOf(file: string, cause: unknown): string {
  if (cause instanceof RangeError)
    return `${file}: too deeply nested or too large for the importer to read (${cause.message}); split the document, or save it again as PDF or text, and import it again`;
  const e = cause instanceof Error ? cause : new Error(String(cause));
  return `${file}: the importer failed on this file (${e.name}: ${e.message.split('\n')[0] ?? ''}); the other files were still imported — please report it with the file`;
}
