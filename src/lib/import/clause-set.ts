/**
 * A clause set published on its own: found under the document's own title when the vocabulary
 * knows none, its attachment label, its date (printed, given, the file's own, or none), its id.
 */
import { createHash } from 'node:crypto';
import { extractClauses, parseBody } from '../clauses/extract.ts';
import { findDates } from '../core/era.ts';
import { compact } from '../core/text.ts';
import type { Clause } from '../record/schema.ts';
import { buildBody, titleLine, type Body } from './body/body.ts';
import { collector, type Reporter } from './messages.ts';
import type { ParsedFiling, ParseOptions } from './parse-filing.ts';
import { deriveId, sourceOf, stringify } from './record-out.ts';
import { isClauseSetTitle } from './recognise/headings.ts';
import type { Vocabulary } from './recognise/vocabulary.ts';
import type { Line, SourceDoc } from './source.ts';

/**
 * The line to read as a clause set's own title when the vocabulary finds none: the document's
 * first line that can be a title, followed by at least three numbered clauses of which most
 * bind the contractor (乙は, 受注者は …) — minutes or a guideline with numbered items are not.
 */
export function clauseSetUnderOwnTitle(prelude: Line[], rest: Line[], v: Vocabulary, contractor: string[]): number | undefined {
  const quiet = { report: collector() };
  const found = buildBody(prelude, rest, v, quiet);
  if (found.clauseSets.length > 0 || found.fields.length > 0) return undefined;
  const at = rest.findIndex((l) => l.text.trim() !== '');
  if (at < 0 || !titleLine(rest[at]?.text ?? '')) return undefined;
  const trial = buildBody(prelude, rest, v, quiet, { clauseTitleAt: at });
  const set = trial.clauseSets[0];
  if (!set || set.count < 3) return undefined;
  const clauses = extractClauses(parseBody(stringify(trial.root)), (rest[at]?.text ?? '').trim());
  const party = new RegExp(`(?:${contractor.map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|')})(?:は|が|に|の)`, 'u');
  const binding = clauses.filter((c) => party.test([c.text, ...(c.items ?? [])].join('')));
  return binding.length * 2 >= clauses.length && clauses.length >= 3 ? at : undefined;
}

/** An attachment label before a title: 別紙2, 別記, 参考資料10, 資料3-1 (with a colon or a space after it). */
const ATTACHMENT_LABEL =
  /^((?:別紙|別記|別添|参考資料|添付資料|資料)[\s\u3000]*[0-9０-９一二三四五六七八九十]*(?:[-－‐][0-9０-９]+)?)(?:[\s\u3000]*[：:][\s\u3000]*|[\s\u3000]+)(\S.*)$/u;

/** The date a clause set states: the latest 施行日 or 改正日, else a 制定 date, else a date standing alone near its top or end. */
function clauseSetDate(lines: Line[]): { iso: string; text: string; line: number } | undefined {
  const candidates: Array<{ iso: string; text: string; line: number; rank: number }> = [];
  lines.forEach((l, idx) => {
    const t = compact(l.text);
    if (t.length > 60) return;
    const d = findDates(l.text).dates[0];
    if (!d) return;
    const rank = /施行/u.test(t)
      ? 0
      : /改正|改定|一部改正/u.test(t)
        ? 1
        : /制定|決定|適用/u.test(t)
          ? 2
          : idx < 8 || idx > lines.length - 8
            ? 3
            : 9;
    if (rank < 9) candidates.push({ iso: d.iso, text: compact(l.text).replace(/^[(（]|[)）]$/gu, ''), line: l.no, rank });
  });
  // The text in hand is as last revised: of the 施行 and 改正 dates, the latest; otherwise the first date found.
  const stated = candidates.filter((c) => c.rank <= 1).sort((a, b) => b.iso.localeCompare(a.iso) || a.rank - b.rank);
  if (stated[0]) return stated[0];
  candidates.sort((a, b) => a.rank - b.rank || a.line - b.line);
  return candidates[0];
}

export function clauseSetResult(
  lines: Line[],
  body: Body,
  markdown: string,
  clauses: Clause[],
  title: string,
  clauseSection: string | undefined,
  options: ParseOptions,
  fileDates: SourceDoc['fileDates'],
  result: (extra?: Partial<ParsedFiling>) => ParsedFiling,
  report: Reporter,
): ParsedFiling {
  // Such attachments rarely print a date. Never refused for it: the date printed, else one staff
  // give (--date, --dates), else the file's own, else none (日付不明, listed for review).
  const found = clauseSetDate(lines);
  const titleLine = body.clauseSets[0]?.line ?? 1;
  const fileDate = fileDates?.modified ?? fileDates?.created;
  const dated: { date: string; source: 'document' | 'manual' | 'metadata' } | undefined = found
    ? { date: found.iso, source: 'document' }
    : options.date
      ? { date: options.date, source: 'manual' }
      : fileDate
        ? { date: fileDate, source: 'metadata' }
        : undefined;
  if (dated?.source === 'metadata')
    report.warn(
      titleLine,
      `the clause set prints no date (no 施行日, 改正日 or date line): dated ${dated.date} from the file's own ${fileDates?.modified ? 'modification' : 'creation'} date — check it, or give the date (--date, or --dates FILE.csv for many files)`,
    );
  if (!dated)
    report.warn(
      titleLine,
      `the clause set prints no date (no 施行日, 改正日 or date line) and the file carries none: imported undated (日付不明) — give the date with --date, or --dates FILE.csv for many files, or add date: to the record`,
    );
  // The set's own title: the clause-set title line, or the annex heading above it.
  const bare = isClauseSetTitle(title) ? title.replace(/^[(（【]|[)）】]$/gu, '').trim() : title;
  // An attachment label printed with the title (参考資料10：個人情報取扱特記事項), or standing above
  // it (別紙 2): kept as the set's label, not as its title.
  const labelled = ATTACHMENT_LABEL.exec(bare);
  const setTitle = labelled?.[2] ? labelled[2].trim() : bare;
  const label = labelled?.[2] ? compact(labelled[1] ?? '') : body.clauseSets[0]?.label ? compact(body.clauseSets[0].label) : undefined;
  // Undated sets of one title are told apart by their wording.
  const id =
    options.id ??
    (dated
      ? deriveId(setTitle, 'clauses', dated.date)
      : `undated-${createHash('sha256')
          .update(`${compact(setTitle)}\n${clauses.map((c) => compact(c.text)).join('\n')}`)
          .digest('hex')
          .slice(0, 8)}`);
  return result({
    type: 'clause-set',
    clauseSet: {
      id,
      title: setTitle,
      ...(label ? { label } : {}),
      ...(dated ? { date: dated.date, date_source: dated.source } : {}),
      ...(found ? { date_text: found.text } : {}),
      ...(clauseSection ? { clause_section: clauseSection } : {}),
      source: sourceOf(options),
    },
    body: markdown,
    clauses,
  });
}
