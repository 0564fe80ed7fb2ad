/**
 * 担当部課: the department line(s) of a filing, written on one line or over several, with
 * half- or full-width brackets: `（担当部課：地域文化部 戸籍住民課 住民記録係）`,
 * `(担当部課：健康部医療保険年金課` + `担当係 国保整理係 担当者 小林 内線(4199))`.
 */
import type { Department } from '../../record/schema.ts';
import { joinSpacedDigits, squash } from '../../core/text.ts';

/** Split a joined bureau-and-section string: `健康部医療保険年金課` → 健康部 + 医療保険年金課. */
export function splitBureauSection(text: string): { bureau?: string; section: string } {
  const parts = squash(text).split(' ').filter(Boolean);
  if (parts.length >= 2) {
    const bureauParts = parts.slice(0, -1);
    const last = parts[parts.length - 1] ?? '';
    if (bureauParts.every((p) => /(?:部|局|事務局|委員会)$/u.test(p))) {
      return { bureau: bureauParts.join(''), section: last };
    }
  }
  const joined = parts.join('');
  // The bureau ends at its first 部 or 局 (教育委員会事務局, 地域文化部); a section never contains them
  // in the filings seen so far. Without either, the whole is a section (区長室, 会計室).
  const m = /^(.+?(?:部|局))(.+)$/u.exec(joined);
  if (m?.[1] && m[2]) return { bureau: m[1], section: m[2] };
  return { section: joined };
}

/**
 * Parse the text of a department block (everything after `担当部課：`, lines joined by spaces,
 * the closing bracket of the block removed).
 */
export function parseDepartment(text: string): Department | undefined {
  let rest = squash(text);
  let contact: string | undefined;
  let unit: string | undefined;
  const contactAt = rest.search(/担当者|内線|TEL|電話/u);
  if (contactAt >= 0) {
    contact = squash(joinSpacedDigits(rest.slice(contactAt)));
    rest = rest.slice(0, contactAt).trim();
  }
  const unitLabel = /担当係\s*[：:]?\s*(\S+)/u.exec(rest);
  if (unitLabel?.[1]) {
    unit = unitLabel[1];
    rest = (rest.slice(0, unitLabel.index) + rest.slice(unitLabel.index + unitLabel[0].length)).trim();
  } else {
    const tokens = rest.split(' ');
    const last = tokens[tokens.length - 1];
    if (tokens.length > 1 && last && /係$/u.test(last)) {
      unit = last;
      rest = tokens.slice(0, -1).join(' ');
    }
  }
  if (!rest) return undefined;
  const { bureau, section } = splitBureauSection(rest);
  return {
    ...(bureau ? { bureau } : {}),
    section,
    ...(unit ? { unit } : {}),
    ...(contact ? { contact } : {}),
  };
}

/** Remove the brackets that wrap a department block: `（担当部課：…）`. */
export function stripDepartmentBrackets(text: string): string {
  let t = text.trim().replace(/^[（(]\s*/u, '');
  t = t.replace(/^担当部課\s*[：:]?\s*/u, '');
  const opens = (t.match(/[（(]/gu) ?? []).length;
  const closes = (t.match(/[）)]/gu) ?? []).length;
  if (closes > opens) t = t.replace(/\s*[）)]\s*$/u, '');
  return t.trim();
}
