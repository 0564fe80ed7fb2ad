/**
 * The facts the council decides on, read from every labelled value of a filing: the key/value
 * pairs of its tables (two or four columns) and its numbered or colon-labelled items. Which
 * fact a label names comes from the one table of synonyms (vocabulary.ts).
 */
import type { Contractor, Period } from '../../record/schema.ts';
import { compact } from '../../core/text.ts';
import type { Field, TableBlock } from '../body/body.ts';
import { looksLikeCompany, parseContractorCell } from './contractors.ts';
import { splitBureauSection } from './department.ts';
import { LONG_ITEM, parseItems, parsePeriod } from './fields.ts';
import { fragmentToPlain } from '../decode/html.ts';
import type { StageContext } from '../messages.ts';
import { factOf, type Vocabulary } from '../recognise/vocabulary.ts';

/** The facts of a filing. */
export interface Facts {
  title?: { text: string; line: number };
  contractors: Contractor[];
  contractorStatus?: string;
  period?: Period;
  items: string[];
  media?: string;
  purpose?: string;
  subjects?: string;
  measures: { municipality?: string; contractor?: string };
  section?: { text: string; line: number };
  /** Lines of each fact found, for the account of what was recognised. */
  found: Partial<Record<string, number>>;
}

/** A labelled value, wherever it came from. */
interface Pair {
  key: string;
  value: string;
  line: number;
}

function pairsOf(tables: TableBlock[], fields: Field[]): Pair[] {
  const pairs: Pair[] = [];
  for (const table of tables)
    for (const row of table.rows)
      for (let k = 0; k + 1 < row.cells.length; k += 2) {
        const key = fragmentToPlain(row.cells[k] ?? '');
        const value = fragmentToPlain(row.cells[k + 1] ?? '');
        if (compact(key) && value) pairs.push({ key, value, line: row.line });
      }
  for (const f of fields) if (f.value) pairs.push({ key: f.label, value: f.value, line: f.line });
  return pairs;
}

/** Read the facts from a filing's tables and labelled items. `annexItems` lists the items of an annex (別紙のとおり). */
export function readFacts(
  tables: TableBlock[],
  fields: Field[],
  annexItems: () => string[],
  v: Vocabulary,
  { report }: StageContext,
): Facts {
  const facts: Facts = { contractors: [], items: [], measures: {}, found: {} };
  let reason: string | undefined;
  let heldMedia: string | undefined;
  const statuses: string[] = [];
  for (const { key, value, line } of pairsOf(tables, fields)) {
    const fact = factOf(key, v);
    if (!fact) continue;
    facts.found[fact.key] ??= line;
    switch (fact.key) {
      case 'contractors': {
        const cell = parseContractorCell(value.replace(/\n/gu, ' '), fact.change);
        const sub = /^再委託/u.test(compact(key));
        const found = sub ? cell.contractors.map((c) => (c.role === '委託先' ? { ...c, role: '再委託先' as const } : c)) : cell.contractors;
        facts.contractors.push(...found);
        // A 再委託先 row that says none is no subcontractor, not the filing's 委託先 status.
        if (cell.status && sub)
          report.warn(line, `再委託先 「${cell.status}」 is read as a statement (no company), not as a subcontractor`);
        else if (cell.status) statuses.push(cell.status);
        for (const s of cell.statements ?? [])
          report.warn(line, `「${s}」 in the 委託先 cell is a statement, not a company; it stays in the body`);
        if (cell.contractors.length > 0 && !cell.contractors.some((c) => looksLikeCompany(c.name)))
          report.warn(line, `委託先 「${value}」 does not read as a company name; check the contractors in the record`);
        break;
      }
      case 'media':
        facts.media ??= value;
        break;
      case 'heldMedia':
        heldMedia ??= value;
        break;
      case 'items': {
        const notItem = (piece: string): void => {
          report.warn(
            line,
            `「${piece}」 in the items cell is not read as an item (it introduces or refers to a list); it stays in the body`,
          );
        };
        const items = /別紙のとおり|別紙参照|別添/u.test(value) ? annexItems() : parseItems(value, { notItem });
        for (const it of items) {
          if (facts.items.includes(it)) continue;
          facts.items.push(it);
          if ([...it].length > LONG_ITEM)
            report.warn(
              line,
              `個人情報の項目 「${it}」 is long (${[...it].length} characters): kept whole as one item; check that it is one`,
            );
        }
        break;
      }
      case 'title':
        facts.title ??= { text: value.replace(/\n/gu, ' '), line };
        break;
      case 'purpose':
        facts.purpose ??= value;
        break;
      case 'reason':
        reason ??= value;
        break;
      case 'subjects':
        facts.subjects ??= value;
        break;
      case 'period':
        if (!facts.period) {
          const parsed = parsePeriod(value.replace(/\n/gu, ' '), line);
          facts.period = parsed.period;
          for (const w of parsed.warnings) report.warn(w.line, w.message);
          for (const e of parsed.errors) report.error(e.line, e.message);
        }
        break;
      case 'measuresMunicipality':
        facts.measures.municipality ??= value;
        break;
      case 'measuresContractor':
        facts.measures.contractor ??= value;
        break;
      case 'section':
        if (!facts.section || splitBureauSection(value).bureau) facts.section = { text: value, line };
        break;
    }
  }
  if (!facts.purpose && reason) facts.purpose = reason;
  if (!facts.media && heldMedia) facts.media = heldMedia;
  if (statuses.length > 0 && facts.contractors.length === 0) facts.contractorStatus = statuses.join(' / ');
  return facts;
}
