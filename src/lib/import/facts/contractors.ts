/**
 * 委託先 cells: companies with their roles, tasks and group membership, or a status when no
 * company is chosen yet (未定, 入札により決定). Names are kept exactly as written.
 */
import type { Contractor } from '../../record/schema.ts';
import { CONTRACTOR_CHANGES } from '../../record/schema.ts';
import { nfkc } from '../../core/text.ts';

type Change = (typeof CONTRACTOR_CHANGES)[number];

/** What a 委託先 cell holds. */
export interface ContractorCell {
  contractors: Contractor[];
  /** Set when the cell names no company: the wording as written. */
  status?: string;
  /** Statements beside the companies (（再委託先なし）), as written: not names. */
  statements?: string[];
}

/**
 * A statement a 委託先 cell may hold beside or instead of a company: that there is none (なし,
 * 該当なし, 再委託先なし, 再委託はしない), compared without spaces and widths.
 */
const STATEMENT = /^(?:再委託(?:先)?(?:は|の)?(?:なし|無し|ありません|しない|行わない|予定なし)|(?:該当)?(?:なし|無し)|ありません)[。.]?$/u;
const isStatement = (text: string): boolean => STATEMENT.test(nfkc(text).replace(/\s+/gu, ''));
/** A statement in brackets beside a company: that there is none, or that it is not decided yet ((未定), (入札により決定)). */
const isAside = (inner: string): boolean => isStatement(inner) || (UNDECIDED.test(inner) && !looksLikeCompany(inner));
/** A word in Latin letters (part of a company's name written in them). */
const LATIN = /^[A-Za-z0-9&.,'-]+$/u;

const COMPANY_MARK =
  /株式会社|有限会社|合同会社|合資会社|合名会社|\(株\)|\(有\)|㈱|㈲|法人|組合|企業体|協会|財団|社団|公社|事業団|センター|共同体|JV|Inc|Corp|Co\.|Ltd|LLC/iu;
const UNDECIDED = /未定|入札|プロポーザル|選定|決定|公募|調整中/u;
// Company-type words that extraction sometimes separates from the rest of the name by a space.
const LONE_PREFIX =
  /^(株式会社|有限会社|合同会社|一般財団法人|公益財団法人|一般社団法人|公益社団法人|社会福祉法人|特定非営利活動法人|\(株\)|㈱)$/u;

/** A role label at the start of a token (代表企業：, 再委託先(保守)：). */
const LABEL = /^(?:代表企業|構成企業|委託先|再委託先|受託者|受託事業者)(?:\([^)]*\))?[:：]?/u;

/** True when the text reads as a company name rather than a status or a label. */
export function looksLikeCompany(text: string): boolean {
  return COMPANY_MARK.test(nfkc(text));
}

/**
 * Parse a 委託先 cell. `change` is set from the row label (委託先(変更前) / 委託先(変更後)).
 */
export function parseContractorCell(text: string, change?: Change): ContractorCell {
  // Bracketed statements (（再委託先なし）) are taken out first: they are not names.
  const statements: string[] = [];
  const cell = text
    .replace(/[（(]([^（）()]*)[）)]/gu, (all: string, inner: string) => {
      // Not decided yet, in brackets beside a company; with no company it is the cell's status.
      if (!isStatement(inner) && !(isAside(inner) && looksLikeCompany(text.replace(all, '')))) return all;
      statements.push(all.trim());
      return ' ';
    })
    .trim();
  const withStatements = (c: ContractorCell): ContractorCell => (statements.length > 0 ? { ...c, statements } : c);
  if (!cell) return withStatements(statements.length > 0 ? { contractors: [], status: text.trim() } : { contractors: [] });
  if (isStatement(cell)) return withStatements({ contractors: [], status: cell });
  if (UNDECIDED.test(cell) && !looksLikeCompany(cell)) return withStatements({ contractors: [], status: cell });

  const tokens = splitTokens(cell);
  const out: Contractor[] = [];
  let role: Contractor['role'] = '委託先';
  let tasks: string[] = [];
  let task: string | undefined;
  let group: string | undefined;
  const base = change ? { change } : {};
  for (const token of tokens) {
    const t = nfkc(token);
    const labelled = /^(代表企業|構成企業|委託先|再委託先|受託者|受託事業者)(?:\(([^)]*)\))?[:：]?(.*)$/u.exec(t);
    if (labelled) {
      const label = labelled[1] ?? '';
      role = label === '代表企業' || label === '構成企業' || label === '再委託先' ? label : '委託先';
      if (role === '再委託先')
        tasks = (labelled[2] ?? '')
          .split(/[、,・]/u)
          .map((s) => s.trim())
          .filter(Boolean);
      if (role === '代表企業' || role === '構成企業') {
        // The group is the 委託先 named just before its members, e.g. 次世代電子自治体推進企業体.
        const last = out[out.length - 1];
        if (last && last.role === '委託先' && !group) group = last.name;
      } else {
        group = undefined;
      }
      task = undefined;
      const restStart = token.length - (labelled[3] ?? '').length;
      const rest = token.slice(restStart).trim();
      if (rest) out.push(make(rest));
      continue;
    }
    if (role === '再委託先' && tasks.some((x) => nfkc(x) === t)) {
      task = token;
      continue;
    }
    // A task written against the company's name, as a line break in a PDF leaves it: 研修NECデザイン….
    const prefix = role === '再委託先' ? tasks.find((x) => t.startsWith(nfkc(x)) && looksLikeCompany(t.slice(nfkc(x).length))) : undefined;
    if (prefix) {
      task = token.slice(0, prefix.length);
      out.push(make(token.slice(prefix.length)));
      continue;
    }
    if (isStatement(token.replace(/^[（(]|[）)]$/gu, ''))) {
      statements.push(token);
      continue;
    }
    out.push(make(token));
  }
  return withStatements({ contractors: out });

  function make(name: string): Contractor {
    return {
      name,
      role,
      ...base,
      ...(task ? { task } : {}),
      ...(group && (role === '代表企業' || role === '構成企業') ? { group } : {}),
    };
  }
}

/** Split a cell into names and labels on spaces and 、, re-joining a company-type word set apart. */
function splitTokens(cell: string): string[] {
  const parts = cell.split(/([\s\u3000]+(?![^（(]*[）)])|[、，,](?![^（(]*[）)]))/u);
  const raw: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const t = (parts[i] ?? '').trim();
    if (!t) continue;
    // Words written in Latin letters with a space between are one name (ABC Corp, NEC Corporation).
    const last = raw[raw.length - 1];
    if (last && LATIN.test(last) && LATIN.test(t) && /^[ \u00a0]+$/u.test(parts[i - 1] ?? '')) raw[raw.length - 1] = `${last} ${t}`;
    else raw.push(t);
  }
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i] ?? '';
    const next = raw[i + 1];
    // Alone or after a label: 構成企業：株式会社 BCCデータ is one company.
    if (LONE_PREFIX.test(nfkc(t).replace(LABEL, '')) && next !== undefined) {
      out.push(`${t} ${next}`);
      i++;
    } else if (
      out.length > 0 &&
      /^(株式会社|有限会社|合同会社|\(株\)|㈱)$/u.test(nfkc(t)) &&
      !looksLikeCompany(out[out.length - 1] ?? '')
    ) {
      out[out.length - 1] += ` ${t}`;
    } else {
      out.push(t);
    }
  }
  return out;
}
