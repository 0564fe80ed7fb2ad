/**
 * The importer's orchestrator: a decoded document → its record, in stages, each its own module:
 *
 *   decode (decode-*.ts: bytes → lines with layout)
 *   → normalise (normalise.ts: page furniture, wrapped lines, spread characters)
 *   → recognise the form (recognise.ts: the council sheet, the 諮問書; vocabulary.ts)
 *   → body and clauses (body.ts, clause-reader.ts)
 *   → facts (facts.ts)
 *
 * A document is a filing, or a clause set published on its own (a record of its own), or
 * neither: then the result says what was recognised and what was not. Never throws for bad
 * input: problems come back as warnings and errors tied to lines.
 */
import type { Root } from 'mdast';
import { extractClauses, parseBody } from '../clauses/extract.ts';
import { findDates } from '../core/era.ts';
import { BIDI, compact } from '../core/text.ts';
import { DEFAULT_CONFIG, DEFAULT_PARTIES, type ArchiveConfig } from '../record/config.ts';
import type { Clause, ClauseSetInput, Department, FACT_FIELDS, FilingInput, Period, SOURCE_TYPES } from '../record/schema.ts';
import { buildBody } from './body/body.ts';
import { describeClauses } from './body/clause-reader.ts';
import { clauseSetResult, clauseSetUnderOwnTitle } from './clause-set.ts';
import { textDocument } from './decode/text.ts';
import { annexItems } from './facts/annex.ts';
import { splitBureauSection } from './facts/department.ts';
import { readFacts } from './facts/facts.ts';
import { findReferences } from './facts/fields.ts';
import { collector, type Problem, type StageContext } from './messages.ts';
import { normalise } from './normalise.ts';
import { resegment } from './recognise/flattened.ts';
import { isClauseSetTitle } from './recognise/headings.ts';
import { recogniseHeader } from './recognise/recognise.ts';
import { mattersIn, vocabulary } from './recognise/vocabulary.ts';
import { deriveId, sourceOf, stringify } from './record-out.ts';
import type { Line, SourceDoc } from './source.ts';

export { deriveId } from './record-out.ts';

/** Where a fact was read and how (the record's `provenance`). */
type FactSource = NonNullable<FilingInput['provenance']>[(typeof FACT_FIELDS)[number]] & {};

/** What parsing one document produced. `data` is absent when it could not be imported. */
export interface ParsedFiling {
  /** A filing, or a clause set published on its own. */
  type: 'filing' | 'clause-set';
  data?: FilingInput;
  /** For a clause set published on its own. */
  clauseSet?: ClauseSetInput;
  body: string;
  clauses: Clause[];
  warnings: Problem[];
  errors: Problem[];
  /** What was recognised, part by part, e.g. `department: 保健福祉部 国保年金課 (line 14)`. */
  recognised: string[];
  /** The lines the record was built from (after normalisation): the text the lossless check reads. */
  lines: Line[];
  /** `body` parsed (mdast), when there is a body. */
  tree?: Root;
}

/** Options for parseFiling. */
export interface ParseOptions {
  /** File name recorded as provenance. */
  file: string;
  /** SHA-256 of the source bytes. */
  sha256: string;
  /** Use this id instead of the derived one. */
  id?: string;
  /** The municipality's configuration (content/archive.yaml); default: the seeds' ward. */
  config?: ArchiveConfig;
  /** A date for a clause set that prints none (YYYY-MM-DD). */
  date?: string;
  /** Size and type of the original, recorded as provenance. */
  size?: number;
  sourceType?: (typeof SOURCE_TYPES)[number];
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/gu;

/** Parse the text of one filing (a text extraction). */
export function parseFiling(text: string, options: ParseOptions): ParsedFiling {
  return parseSource(textDocument(text), options);
}

/** Parse a decoded document (any format). */
export function parseSource(doc: SourceDoc, options: ParseOptions): ParsedFiling {
  // One reporter for every stage, starting from what decoding noted.
  const report = collector(doc.notes);
  const ctx: StageContext = { report };
  const { warnings, errors } = report;
  const recognised: string[] = [];
  // Control characters are not text (Markdown could not keep them anyway): removed, with a note
  // per line, or one note naming the lines when there are many.
  const controlled: number[] = [];
  const cleaned: SourceDoc = {
    ...doc,
    lines: doc.lines.map((l, i) => {
      const clean = l.text.replace(CONTROL, '');
      if (clean !== l.text) controlled.push(i + 1);
      return { ...l, text: clean };
    }),
  };
  if (controlled.length <= 3) for (const line of controlled) report.warn(line, 'control characters removed from this line');
  else
    report.warn(
      0,
      `control characters removed from ${controlled.length} lines (${controlled.slice(0, 10).join(', ')}${controlled.length > 10 ? ` and ${controlled.length - 10} more` : ''}); they are not text`,
    );
  const normalised = normalise(cleaned, ctx);
  let lines = normalised.lines;
  const result = (extra: Partial<ParsedFiling> = {}): ParsedFiling => ({
    type: 'filing',
    body: '',
    clauses: [],
    warnings,
    errors,
    recognised,
    lines,
    ...extra,
  });
  const fail = (line: number, message: string): ParsedFiling => {
    report.error(line, message);
    return result();
  };
  if (lines.every((l) => l.text.trim() === ''))
    return fail(
      0,
      normalised.dropped.length > 0
        ? `every line of the document (${normalised.dropped.length}) reads as a page number or running header; nothing is left to import — check that this is the filing`
        : 'the file is empty; nothing to import',
    );
  const v = vocabulary(options.config ?? DEFAULT_CONFIG);

  // ---- Header ------------------------------------------------------------------------------
  const flat = resegment(normalised.lines, v);
  if (flat.cut > 0)
    report.warn(
      0,
      `the text is flattened onto few lines (as some hosting sites publish it): cut into ${flat.lines.length} lines at the form's markers (記, numbered labels, dates, headings) — check the record`,
    );
  lines = flat.lines;
  const header = recogniseHeader(lines, v, ctx);
  const rest = lines.slice(header.bodyStart);

  // ---- Body, clauses and facts -------------------------------------------------------------
  const config = options.config ?? DEFAULT_CONFIG;
  // A clause set under a title the vocabulary does not know (…に関する特約, …安全対策仕様): read
  // as one when numbered clauses of the clause shape follow its first line. Tried without a
  // word said, and kept only if it is one.
  const untitled =
    header.form === 'none'
      ? clauseSetUnderOwnTitle(header.prelude, rest, v, [...(config.parties?.contractor ?? []), ...DEFAULT_PARTIES.contractor])
      : undefined;
  const body = buildBody(header.prelude, rest, v, ctx, untitled === undefined ? {} : { clauseTitleAt: untitled });
  const facts = readFacts(body.tables, body.fields, () => annexItems(body), v, ctx);
  const markdown = stringify(body.root);
  const clauseSet = body.clauseSets[0];
  if (untitled !== undefined && clauseSet)
    report.warn(
      clauseSet.line,
      `「${clauseSet.title}」 is not among the clause-set titles the vocabulary knows (特記事項, 特約条項 …): read as a clause set by its ${clauseSet.count} numbered clauses — check it, and add the title to content/archive.yaml (labels:) if the council uses it`,
    );
  const clauseSection = clauseSet && !isClauseSetTitle(clauseSet.title) ? clauseSet.title : undefined;
  // The written Markdown parsed once: the clauses and the lossless check read the same tree.
  const tree = parseBody(markdown);
  const clauses = extractClauses(tree, clauseSection);
  const at = (line: number | undefined): string => (line ? ` (${where(lines, line)})` : '');

  const title = header.title ?? facts.title;
  const kind = header.kind;
  let department: Department | undefined = header.department?.value;
  recognised.push(
    `form: ${header.form === 'sheet' ? 'council sheet (件名 line)' : header.form === 'shimon' ? '諮問書 (記 and subject)' : 'not recognised'}`,
  );
  recognised.push(`subject (件名): ${title ? `${title.text}${at(title.line)}` : 'not found'}`);
  recognised.push(`kind: ${kind ? `${kind.name}${at(kind.line)}` : 'not found'}`);
  recognised.push(
    `basis (条例の根拠): ${header.basis.length > 0 ? `${header.basis.map((b) => b.article).join(', ')}${at(header.basisLine)}` : 'not found'}`,
  );
  const deptText = (d: Department): string => [d.bureau, d.section].filter(Boolean).join(' ');
  recognised.push(
    `department: ${department ? `${deptText(department)}${at(header.department?.line)}` : facts.section ? `${facts.section.text}${at(facts.section.line)} (担当課 row)` : 'not found'}`,
  );
  recognised.push(
    `contractors: ${facts.contractors.length > 0 ? `${facts.contractors.length}${at(facts.found['contractors'])}` : facts.contractorStatus ? facts.contractorStatus : 'not found'}`,
  );
  recognised.push(`items: ${facts.items.length > 0 ? `${facts.items.length}${at(facts.found['items'])}` : 'not found'}`);
  recognised.push(`period: ${facts.period ? `${facts.period.text}${at(facts.found['period'])}` : 'not found'}`);
  recognised.push(
    `clauses: ${clauseSet ? `${describeClauses(clauseSet)} under 「${clauseSet.title}」${at(clauseSet.line)}` : 'none found'}`,
  );

  // ---- A clause set published on its own -------------------------------------------------------
  if (
    header.form === 'none' &&
    clauseSet &&
    clauses.length > 0 &&
    !facts.title &&
    facts.contractors.length === 0 &&
    facts.items.length === 0
  ) {
    return clauseSetResult(
      lines,
      body,
      markdown,
      clauses,
      clauseSet.title,
      clauseSection,
      options,
      doc.fileDates,
      (extra) => result({ tree, ...extra }),
      report,
    );
  }

  if (!title) {
    return fail(
      lines.find((l) => l.text.trim() !== '')?.no ?? 1,
      `this does not read as a council filing, nor as a clause set: no subject (a 件名 line, or 記 and the subject line of a 諮問書) and no numbered clauses under a title such as 特記事項 were found (what was recognised: ${recognised.slice(1).join('; ')}). If it is a filing, check that its 件名 line survived extraction (npm run import -- --text FILE shows what the importer read); if it is another council's form, add the labels it uses to content/archive.yaml (labels:) and import again`,
    );
  }
  if (!kind)
    report.warn(
      title.line,
      `no kind (${v.kinds.map((k) => `【${k.name}】`).join(', ')}, or 諮問第N号) found; recorded as 報告 — check the source and correct \`kind\` in the record`,
    );
  if (header.basis.length === 0)
    report.warn(title.line, 'no article (第…条) found under 条例の根拠; `basis` is empty — add it to the record by hand');

  const rows = rest.every((l) => l.text.trim() === '') && header.form === 'sheet';
  if (rows)
    return fail(
      lines[lines.length - 1]?.no ?? 1,
      'the filing stops after its header: no 事業の概要, annex table or 特記事項 follows; the file looks cut off — extract the whole document again',
    );

  if (!department && facts.section) {
    department = { ...splitBureauSection(facts.section.text) };
    report.warn(facts.section.line, 'no 担当部課 line; department taken from this row');
  }
  if (!department)
    return fail(
      title.line,
      `no department found (neither a 担当部課 line, a department line under the date, nor a 担当課 row); add one to the source. Recognised: ${recognised.slice(1).join('; ')}`,
    );
  if (!department.bureau && facts.section) {
    const fromRow = splitBureauSection(facts.section.text);
    if (fromRow.bureau && fromRow.section === department.section) department.bureau = fromRow.bureau;
  }
  if (errors.length > 0) return result();

  const text = lines.map((l) => l.text).join('\n');
  let date: string | undefined;
  let dateSource: FilingInput['date_source'] = 'inferred';
  let dateLine: number | undefined;
  if (header.date) {
    date = header.date.iso;
    dateSource = 'document';
    dateLine = header.date.line;
  } else {
    date = facts.period?.start;
    dateLine = facts.found['period'];
  }
  if (!date) {
    const any = findDates(text).dates[0];
    if (any) {
      date = any.iso;
      dateLine = lineOf(lines, any.index, text);
      report.warn(lineOf(lines, any.index, text), `no period start; the date is inferred from the first date in the filing (${any.text})`);
    }
  }
  if (!date)
    return fail(
      title.line,
      'no date found anywhere in the filing (no period, no era date); add the period (委託の開始時期及び期限) to the source',
    );

  // A bidirectional control in a name can make it read as another (社会式株ルーツ as ツール株式会社).
  for (const name of [...facts.contractors.map((c) => c.name), department.bureau ?? '', department.section])
    if (BIDI.test(name))
      report.warn(
        facts.found['contractors'] ?? title.line,
        `the name 「${name.replace(BIDI, '�')}」 holds a bidirectional control character, which can make it read as another name; the site shows it as 〔U+…〕 — check the source`,
      );
  const matters = mattersIn([...header.matterTexts, ...body.sections], v);
  const id = options.id ?? deriveId(title.text, department.section, date);
  const data: FilingInput = {
    id,
    title: title.text,
    kind: kind?.name ?? '報告',
    ...(header.number ? { number: header.number } : {}),
    ...(matters.length > 0 ? { matters } : {}),
    basis: header.basis,
    department,
    date,
    date_source: dateSource,
    contractors: facts.contractors,
    ...(facts.contractorStatus ? { contractor_status: facts.contractorStatus } : {}),
    ...(facts.period ? { period: facts.period as Period } : {}),
    items: facts.items,
    ...(facts.media ? { media: facts.media } : {}),
    ...(facts.purpose ? { purpose: facts.purpose } : {}),
    ...(facts.subjects ? { subjects: facts.subjects } : {}),
    measures: facts.measures,
    references: findReferences(text),
    ...(clauseSection ? { clause_section: clauseSection } : {}),
    source: sourceOf(options),
  };
  // Where each fact was read and how it was got, for staff to check it against the original.
  const found = facts.found;
  const readAt = (how: FactSource['how'], line: number | undefined): FactSource => {
    const page = line === undefined ? undefined : lines.find((l) => l.no === line)?.page;
    return { how, ...(line !== undefined ? { line } : {}), ...(page !== undefined ? { page } : {}) };
  };
  const numberLine = header.number ? lines.find((l) => compact(l.text).includes(compact(header.number ?? '')))?.no : undefined;
  const provenance: Partial<Record<(typeof FACT_FIELDS)[number], FactSource>> = {
    title: readAt('read', title.line),
    kind: kind ? readAt('read', kind.line) : readAt('default', undefined),
    ...(header.number ? { number: readAt('read', numberLine) } : {}),
    ...(matters.length > 0 ? { matters: readAt('inferred', undefined) } : {}),
    ...(header.basis.length > 0 ? { basis: readAt('read', header.basisLine) } : {}),
    department: readAt('read', header.department?.line ?? facts.section?.line),
    date: readAt(dateSource === 'document' ? 'read' : 'inferred', dateLine),
    ...(facts.contractors.length > 0 ? { contractors: readAt('read', found['contractors']) } : {}),
    ...(facts.contractorStatus ? { contractor_status: readAt('read', found['contractors']) } : {}),
    ...(facts.period ? { period: readAt('read', found['period']) } : {}),
    ...(facts.items.length > 0 ? { items: readAt('read', found['items']) } : {}),
    ...(facts.media ? { media: readAt('read', found['media'] ?? found['heldMedia']) } : {}),
    ...(facts.purpose ? { purpose: readAt('read', found['purpose'] ?? found['reason']) } : {}),
    ...(facts.subjects ? { subjects: readAt('read', found['subjects']) } : {}),
    ...(facts.measures.municipality || facts.measures.contractor
      ? { measures: readAt('read', found['measuresMunicipality'] ?? found['measuresContractor']) }
      : {}),
  };
  data.provenance = provenance;
  return result({ data, body: markdown, tree, clauses });
}

/** Where a line is, for messages: `line 12`, or `page 3` for a PDF. */
export function where(lines: Line[], no: number): string {
  const l = lines.find((x) => x.no === no);
  return l?.page !== undefined && lines.some((x) => x.page !== undefined && x.page > 1) ? `page ${l.page}` : `line ${no}`;
}

/** The line (`no`) that holds an offset of the joined text. */
function lineOf(lines: Line[], offset: number, text: string): number {
  const index = text.slice(0, offset).split('\n').length - 1;
  return lines[index]?.no ?? 1;
}
