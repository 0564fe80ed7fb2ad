/**
 * The content folder checked as a whole, without building: records, clause sets, registries,
 * `archive.yaml` and the originals in `sources/`. Every problem at once, as
 * `file:line: what is wrong and what to do`; errors stop the build, warnings go into the staff
 * report (Markdown) with what the archive could not place or had to infer.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, isNode, parseDocument } from 'yaml';
import { buildArchive } from '../crosslinks/archive.ts';
import { ConfigError, kindsOf, type ArchiveConfig } from './config.ts';
import { configFile, loadArchiveConfig } from './config-fs.ts';
import { companyKey, nameKey } from '../core/names.ts';
import { storedName } from './originals-fs.ts';
import { RecordError, parseClauseSet, parseRecord } from './record.ts';
import type { Registries } from './registry.ts';
import { loadRegistries } from './registry-fs.ts';
import type { ClauseSet, Filing } from './schema.ts';
import { BIDI } from '../core/text.ts';
import { YamlFileError } from './yaml-file.ts';

/** One problem found. */
export interface ContentProblem {
  level: 'error' | 'warning';
  file: string;
  /** 1-based; 0 = the whole file. */
  line: number;
  message: string;
}

/** `file:line: message`. */
export function formatContentProblem(p: ContentProblem): string {
  return `${p.level}: ${p.line > 0 ? `${p.file}:${p.line}` : p.file}: ${p.message}`;
}

/** The line of a YAML path in a file's text (1-based), or 1. */
function lineIn(text: string, keyPath: Array<string | number>, offset = 0): number {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const node: unknown = doc.getIn(keyPath, true);
  return (isNode(node) && node.range ? lc.linePos(node.range[0]).line : 1) + offset;
}

function frontmatter(text: string): string {
  return /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/u.exec(text)?.[1] ?? '';
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Check a content folder. */
export function checkContent(dir: string): { problems: ContentProblem[]; report: string } {
  const problems: ContentProblem[] = [];
  const err = (file: string, line: number, message: string): void => void problems.push({ level: 'error', file, line, message });
  const warn = (file: string, line: number, message: string): void => void problems.push({ level: 'warning', file, line, message });
  if (!existsSync(dir)) {
    err(dir, 0, 'the content folder does not exist; set ARCHIVE_CONTENT_DIR to the folder that holds filings/ (default content/)');
    return { problems, report: '' };
  }

  // ---- archive.yaml --------------------------------------------------------------------------
  let config: ArchiveConfig | undefined;
  try {
    config = loadArchiveConfig(dir);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    for (const line of e.message.split('\n')) err(configFile(dir), 0, line);
  }
  const kinds = config ? kindsOf(config).map((k) => k.name) : [];

  // ---- records -------------------------------------------------------------------------------
  const filings: Array<{ file: string; text: string; data: Filing; body: string }> = [];
  const sets: Array<{ file: string; data: ClauseSet }> = [];
  const ids = new Map<string, string>();
  for (const folder of ['filings', 'clauses'] as const) {
    const at = path.join(dir, folder);
    if (!existsSync(at)) {
      if (folder === 'filings') err(at, 0, 'no filings/ folder: import filings with `npm run import -- PATH` (they are written there)');
      continue;
    }
    for (const name of readdirSync(at).sort()) {
      const file = path.join(at, name);
      if (name.startsWith('.')) continue;
      if (!/\.md$/iu.test(name)) {
        warn(file, 0, `not a record (records end in .md): it is left out of the site; rename it to .md or move it out of ${folder}/`);
        continue;
      }
      const text = readFileSync(file, 'utf8');
      try {
        if (folder === 'filings') {
          const r = parseRecord(text, file);
          filings.push({ file, text, data: r.data, body: r.body });
          if (config && !kinds.includes(r.data.kind))
            err(
              file,
              1 + lineIn(frontmatter(text), ['kind']),
              `kind: 「${r.data.kind}」 is not a kind of this archive (${kinds.join(', ')}); correct it, or add it to archive.yaml under kinds`,
            );
        } else sets.push({ file, data: parseClauseSet(text, file).data });
      } catch (e) {
        if (!(e instanceof RecordError)) throw e;
        for (const p of e.problems) err(file, p.line, p.message);
        continue;
      }
      const id =
        folder === 'filings'
          ? (filings[filings.length - 1] as { data: Filing }).data.id
          : (sets[sets.length - 1] as { data: ClauseSet }).data.id;
      const other = ids.get(id);
      if (other) err(file, 2, `id ${id} is also used by ${other}; give one of them another id (and rename its file)`);
      else ids.set(id, file);
      if (name.replace(/\.md$/iu, '') !== id)
        warn(file, 2, `the file is named ${name} but its id is ${id}; rename the file to ${id}.md so that it is easy to find`);
    }
  }

  // ---- names in records ----------------------------------------------------------------------
  for (const f of filings) {
    const fm = frontmatter(f.text);
    f.data.contractors.forEach((c, i) => {
      if (BIDI.test(c.name))
        warn(
          f.file,
          1 + lineIn(fm, ['contractors', i, 'name']),
          `the contractor name 「${c.name.replace(BIDI, '�')}」 holds a bidirectional control character, which can make it read as another name; the site shows it isolated — remove the character if it is not meant`,
        );
    });
    for (const [key, value] of [
      ['section', f.data.department.section],
      ['bureau', f.data.department.bureau ?? ''],
    ] as const)
      if (BIDI.test(value))
        warn(
          f.file,
          1 + lineIn(fm, ['department', key]),
          `the ${key} 「${value}」 holds a bidirectional control character; remove it if it is not meant`,
        );
    if (!f.data.period)
      warn(
        f.file,
        1 + lineIn(fm, ['date']),
        'no period (委託の開始時期及び期限); the date was taken from elsewhere in the filing — add the period if the source has one',
      );
  }

  // ---- originals -----------------------------------------------------------------------------
  for (const r of [...filings.map((f) => ({ file: f.file, data: f.data })), ...sets]) {
    for (const source of r.data.source ? [r.data.source, ...(r.data.source.copies ?? [])] : []) {
      const original = path.join(dir, 'sources', storedName(source));
      if (!existsSync(original))
        warn(
          r.file,
          0,
          `its original ${path.relative(dir, original)} is not in the content folder; the page will have no 原本 link — import the file again to keep it`,
        );
      else if (sha256(original) !== source.sha256)
        err(
          original,
          0,
          `this original does not match the SHA-256 its record ${path.basename(r.file)} gives: it was changed; put the file as it was received back, or import the new one`,
        );
    }
  }

  // ---- registries ----------------------------------------------------------------------------
  let registries: Registries = {};
  try {
    registries = loadRegistries(dir);
  } catch (e) {
    if (!(e instanceof YamlFileError)) throw e;
    for (const p of e.problems) {
      const m = /^(.*?):(\d+): (.*)$/su.exec(p);
      if (m) err(m[1] ?? e.file, Number(m[2]), m[3] ?? p);
      else err(e.file, 0, p.replace(`${e.file}: `, ''));
    }
  }
  checkContractorRegistry(dir, registries, err);
  checkDepartmentRegistry(dir, registries, filings, err, warn);

  // ---- the report ----------------------------------------------------------------------------
  const entries = filings.map((f) => ({ id: f.data.id, data: f.data, body: f.body }));
  const unplaced = problems.some((p) => p.level === 'error') ? [] : buildArchive(entries, registries, (t) => t).unplaced;
  const inferred = filings.filter((f) => f.data.date_source === 'inferred');
  const undatedSets = sets.filter((s) => !s.data.date || s.data.date_source === 'metadata');
  // Originals no record names (as its original, a copy or one it replaces): left by a record
  // deleted or renamed by hand.
  const named = new Set<string>();
  for (const r of [...filings, ...sets]) {
    const source = r.data.source;
    if (!source) continue;
    for (const s of [source, ...(source.copies ?? [])]) named.add(storedName(s).slice(0, 16));
    for (const sha of source.replaces ?? []) named.add(sha.slice(0, 16));
  }
  const sourcesDir = path.join(dir, 'sources');
  const orphans = existsSync(sourcesDir)
    ? readdirSync(sourcesDir)
        .filter((f) => !f.startsWith('.') && !named.has(f.slice(0, 16)))
        .sort()
    : [];
  const report = [
    '# 審議会アーカイブ: 確認が必要な記録 (staff report)',
    '',
    `${filings.length} filings, ${sets.length} clause sets; ${problems.filter((p) => p.level === 'error').length} errors, ${problems.filter((p) => p.level === 'warning').length} warnings.`,
    '',
    '## Problems',
    '',
    ...(problems.length > 0 ? problems.map((p) => `- ${formatContentProblem(p)}`) : ['None.']),
    '',
    '## Names the registries do not place',
    '',
    ...(unplaced.length > 0
      ? unplaced.map((u) => `- ${u}`)
      : [registries.contractors || registries.departments ? 'None.' : 'No registries (content/registry/*.yaml).']),
    '',
    '## Dates inferred (not the meeting date)',
    '',
    ...(inferred.length > 0
      ? inferred.map(
          (f) =>
            `- ${path.basename(f.file)}: ${f.data.date} (${f.data.period?.start ? 'the period start' : 'the first date in the filing'})`,
        )
      : ['None.']),
    '',
    '## Clause sets without a printed date',
    '',
    ...(undatedSets.length > 0
      ? undatedSets.map((s) =>
          s.data.date
            ? `- ${path.basename(s.file)}: ${s.data.date}, from the file's own date — check it`
            : `- ${path.basename(s.file)}: 日付不明 — add \`date:\` (and \`date_source: manual\`), or import it again with --date`,
        )
      : ['None.']),
    '',
    '## Originals no record names',
    '',
    ...(orphans.length > 0 ? orphans.map((f) => `- sources/${f}`) : ['None.']),
    '',
  ].join('\n');
  return { problems, report };
}

type Report = (file: string, line: number, message: string) => void;

function registryText(dir: string, name: string): { file: string; text: string } | undefined {
  const file = path.join(dir, 'registry', name);
  return existsSync(file) ? { file, text: readFileSync(file, 'utf8') } : undefined;
}

/** Aliases on two entries or equal to another entry's name, groups that are no entry, group cycles. */
function checkContractorRegistry(dir: string, registries: Registries, err: Report): void {
  const reg = registries.contractors?.contractors;
  const src = registryText(dir, 'contractors.yaml');
  if (!reg || !src) return;
  const owner = new Map<string, number>();
  reg.forEach((c, i) => {
    const key = companyKey(c.name);
    const first = owner.get(key);
    if (first !== undefined)
      err(
        src.file,
        lineIn(src.text, ['contractors', i, 'name']),
        `「${c.name}」 is listed twice (also entry ${first + 1}); merge the two entries`,
      );
    else owner.set(key, i);
  });
  const aliasOwner = new Map<string, number>();
  reg.forEach((c, i) =>
    c.aliases.forEach((a, j) => {
      const key = companyKey(a);
      const line = lineIn(src.text, ['contractors', i, 'aliases', j]);
      const named = owner.get(key);
      if (named !== undefined && named !== i)
        err(
          src.file,
          line,
          `the alias 「${a}」 of 「${c.name}」 is the name of another entry (「${reg[named]?.name}」): that company's filings would move here; remove the alias or merge the entries`,
        );
      const other = aliasOwner.get(key);
      if (other !== undefined && other !== i)
        err(src.file, line, `the alias 「${a}」 is also an alias of 「${reg[other]?.name}」; an alias can name one company only`);
      else aliasOwner.set(key, i);
    }),
  );
  const groupOf = new Map<number, number>();
  reg.forEach((c, i) => {
    if (!c.group) return;
    const g = owner.get(companyKey(c.group)) ?? aliasOwner.get(companyKey(c.group));
    if (g === undefined)
      err(
        src.file,
        lineIn(src.text, ['contractors', i, 'group']),
        `group 「${c.group}」 is not an entry of this registry; add it as an entry (name: ${c.group}) or correct the name`,
      );
    else groupOf.set(i, g);
  });
  for (const start of groupOf.keys()) {
    const seen = [start];
    for (let at = groupOf.get(start); at !== undefined; at = groupOf.get(at)) {
      if (at === start) {
        err(
          src.file,
          lineIn(src.text, ['contractors', start, 'group']),
          `groups go round in a circle: ${[...seen, start].map((k) => reg[k]?.name).join(' → ')}; a group cannot be its own member`,
        );
        break;
      }
      if (seen.includes(at)) break;
      seen.push(at);
    }
  }
}

/** Aliases shared by two units, and filings that name a bureau or section after the registry says it was renamed. */
function checkDepartmentRegistry(
  dir: string,
  registries: Registries,
  filings: Array<{ file: string; text: string; data: Filing }>,
  err: Report,
  warn: Report,
): void {
  const reg = registries.departments;
  const src = registryText(dir, 'departments.yaml');
  if (!reg || !src) return;
  for (const kind of ['bureaus', 'sections'] as const) {
    const owner = new Map<string, number>();
    reg[kind].forEach((u, i) => {
      for (const [j, n] of [u.name, ...u.aliases, ...u.renamed_from.map((r) => r.name)].entries()) {
        const key = nameKey(n);
        const other = owner.get(key);
        if (other !== undefined && other !== i) {
          const at =
            j === 0
              ? [kind, i, 'name']
              : j <= u.aliases.length
                ? [kind, i, 'aliases', j - 1]
                : [kind, i, 'renamed_from', j - 1 - u.aliases.length, 'name'];
          err(
            src.file,
            lineIn(src.text, at),
            `「${n}」 also names 「${reg[kind][other]?.name}」; a name can stand for one ${kind === 'bureaus' ? 'bureau' : 'section'} only`,
          );
        } else owner.set(key, i);
      }
    });
    reg[kind].forEach((u, i) =>
      u.renamed_from.forEach((r, j) => {
        if (!r.until) return;
        const until = String(r.until);
        for (const f of filings) {
          const written = kind === 'bureaus' ? f.data.department.bureau : f.data.department.section;
          if (!written || nameKey(written) !== nameKey(r.name) || f.data.date <= until) continue;
          warn(
            f.file,
            1 + lineIn(frontmatter(f.text), ['department', kind === 'bureaus' ? 'bureau' : 'section']),
            `this filing (${f.data.date}) names 「${r.name}」, which ${path.relative(dir, src.file)} says became 「${u.name}」 on ${until} (line ${lineIn(src.text, [kind, i, 'renamed_from', j, 'until'])}); check the filing's date or the registry`,
          );
        }
      }),
    );
  }
}
