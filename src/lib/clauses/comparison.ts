/** The 新旧対照表 of two versions: aligned rows with the changed words marked in both columns. */
import type { Clause } from '../record/schema.ts';
import { alignClauses, type AlignmentKind } from './align.ts';
import type { ClauseOptions } from './similarity.ts';
import { wordDiff, type DiffPart } from './word-diff.ts';
import type { WordSplitter } from './wording.ts';

/** A row of a 新旧対照表, ready to render: each side's clauses with their marked words. */
export interface ComparisonRow {
  kind: AlignmentKind;
  renumbered: boolean;
  moved: boolean;
  old: { label: string; parts: DiffPart[] } | undefined;
  new: { label: string; parts: DiffPart[] } | undefined;
}

/** A clause's number as the label of a 新旧対照表 cell: 第3項, or as written (第3条, 第3). */
function numberLabel(c: Clause): string {
  return c.marker ?? `第${c.number}項`;
}

function label(clauses: Clause[]): string {
  const first = clauses[0];
  const last = clauses[clauses.length - 1];
  if (!first || !last) return '';
  const range = clauses.length > 1 ? `${numberLabel(first)}〜${numberLabel(last)}` : numberLabel(first);
  return first.heading ? `${range}（${first.heading}）` : range;
}

function clauseBlock(c: Clause): string {
  return [`${c.marker ?? c.number} ${c.text}`, ...(c.items ?? [])].join('\n');
}

/**
 * The 新旧対照表 of two versions: aligned rows with word diffs in both columns. Clauses are paired
 * with party words made neutral (alignClauses); the diffs are of the texts as written, so
 * 乙 → 受注者 shows as changed.
 */
export function compareVersions(oldV: Clause[], newV: Clause[], words: WordSplitter, options: ClauseOptions = {}): ComparisonRow[] {
  return alignClauses(oldV, newV, words, options).map((row) => {
    const oldText = row.old.map(clauseBlock).join('\n');
    const newText = row.new.map(clauseBlock).join('\n');
    const d =
      row.old.length > 0 && row.new.length > 0
        ? wordDiff(oldText, newText, words)
        : { old: [{ text: oldText, changed: true }], new: [{ text: newText, changed: true }] };
    return {
      kind: row.kind,
      renumbered: row.renumbered,
      moved: row.moved,
      old: row.old.length > 0 ? { label: label(row.old), parts: d.old } : undefined,
      new: row.new.length > 0 ? { label: label(row.new), parts: d.new } : undefined,
    };
  });
}
