/**
 * Items listed in an annex when the items cell says 別紙のとおり: the 別紙 section's lines, or a
 * wide table's column headings.
 */
import type { Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { compact, nfkc } from '../../core/text.ts';
import type { Body } from '../body/body.ts';
import { isClauseSetTitle } from '../recognise/headings.ts';
import { parseItems } from './fields.ts';

/**
 * Items listed in an annex when the items cell says 別紙のとおり: the lines of the 別紙 section
 * (住民番号・世帯番号・…), or else the column headings of a wide table (a list of procedures
 * with one column per item handed over).
 */
export function annexItems(body: Body): string[] {
  const nodes = body.root.children;
  const at = nodes.findIndex(
    (n) => n.type === 'heading' && n.depth === 2 && /^別紙/u.test(compact(toString(n))) && !isClauseSetTitle(toString(n)),
  );
  if (at >= 0) {
    const lines: string[] = [];
    for (const n of nodes.slice(at + 1)) {
      if (n.type === 'heading' && n.depth <= 2) break;
      if (n.type === 'paragraph') lines.push(...paragraphLines(n));
    }
    if (lines.length > 0) return parseItems(lines.join('\n'), { dots: true });
  }
  const wide = body.tables.find((t) => (t.rows[0]?.cells.length ?? 0) >= 6);
  if (wide) {
    const header = (wide.rows[0]?.cells ?? []).map((c) => c.trim());
    return header.filter((c) => c && !/^(No\.?|番号|手続名|担当所轄|担当課|その他の項目|備考)$/iu.test(nfkc(c)));
  }
  return [];
}

function paragraphLines(p: Paragraph): string[] {
  const lines: string[] = [''];
  for (const c of p.children) {
    if (c.type === 'break') lines.push('');
    else lines[lines.length - 1] += toString(c);
  }
  return lines;
}
