/**
 * Labelled items outside tables: a numbered line that names a fact (`１ 委託の件名` with its value
 * below or beside it), its siblings of the same numbering, a known label alone on its line, and
 * `委託先：株式会社…` on one line.
 */
import { marker, type Shape } from '../../core/numbering.ts';
import { endsSentence } from '../../core/text.ts';
import { HASH_HEADING } from '../lines.ts';
import type { Line } from '../source.ts';
import { factOf, type Vocabulary } from '../recognise/vocabulary.ts';

/** A numbered line that labels a fact: its marker shape, label and any value on the same line. */
export function labelledItem(text: string, v: Vocabulary): { shape: Shape; written: string; label: string; value: string } | undefined {
  const m = marker(text);
  if (!m || !m.rest || m.shape === 'jo') return undefined;
  const rest = m.rest.replace(/\*\*/gu, '');
  // The label alone, or with its value after a colon or a space (一\u3000委託先\u3000株式会社…).
  const tries: Array<[string, string]> = [];
  const colon = /^(.{1,40}?)[：:]\s*(.*)$/u.exec(rest);
  if (colon) tries.push([colon[1] ?? '', colon[2] ?? '']);
  const space = /^(\S{1,40}?)[\s\u3000]+(.+)$/u.exec(rest);
  if (space) tries.push([space[1] ?? '', space[2] ?? '']);
  tries.push([rest, '']);
  for (const [label, value] of tries) {
    if (label.length > 40 || endsSentence(label)) continue;
    if (factOf(label, v)) return { shape: m.shape, written: m.written, label, value: value.trim() };
  }
  return undefined;
}

/** A numbered line of the same numbering as the labelled items before it, with a short label of its own. */
export function siblingItem(
  text: string,
  shape: Shape | undefined,
): { shape: Shape; written: string; label: string; value: string } | undefined {
  const m = shape ? marker(text) : undefined;
  if (!m || m.shape !== shape || !m.rest || m.rest.length > 30 || /[。、，,]/u.test(m.rest)) return undefined;
  return { shape: m.shape, written: m.written, label: m.rest, value: '' };
}

/**
 * A known label alone on its line with its value in the paragraph below, as a table flattened by
 * extraction or a form without numbers writes it (`委託先` / `株式会社…`).
 */
export function labelAlone(lines: Line[], i: number, v: Vocabulary): { label: string; value: string } | undefined {
  const t = (lines[i]?.text ?? '').replace(/\*\*/gu, '').trim();
  if (t.length > 30 || /[。、，,：:\t]/u.test(t) || marker(t) || !factOf(t, v)) return undefined;
  if ((lines[i - 1]?.text.trim() ?? '') !== '' || (lines[i + 1]?.text.trim() ?? '') !== '') return undefined;
  const value: string[] = [];
  for (let k = i + 2; k < lines.length; k++) {
    const n = (lines[k]?.text ?? '').trim();
    if (n === '' || n.includes('\t') || HASH_HEADING.test(n)) break;
    value.push(n);
  }
  const first = value[0];
  if (!first || (first.length <= 30 && factOf(first, v))) return undefined;
  return { label: t, value: value.join('\n') };
}

/** `委託先：株式会社…` on one line: a known label, a colon and the value. */
export function colonField(text: string, v: Vocabulary): { label: string; value: string } | undefined {
  const m = /^\s*([^：:\t]{1,30})[：:]\s*(.+)$/u.exec(text.replace(/\*\*/gu, ''));
  if (!m || marker(text)) return undefined;
  const label = m[1] ?? '';
  return factOf(label, v) ? { label: label.trim(), value: (m[2] ?? '').trim() } : undefined;
}
