/**
 * The tables readers filter and sort: the who-got-which-data table and the filters of the lists.
 */
import { TERMS } from './terms.ts';
import { FACET_TABLE, FILING_FACETS, type FilingFacet } from '../search/format.ts';

/** The who-got-which-data table (src/lib/views/recipients.ts) and its filters. */
export const RECIPIENT_WORDS = {
  heading: '誰がどの個人情報を受け取ったか',
  lead: '諮問・報告事項ごとに、委託先・再委託先と、渡される個人情報の項目、期間、付された特記事項の版を示します。',
  /** Said only where the table has its filter form (more than one row). */
  filtersHint: '表の上の欄で絞り込みと並べ替えができます（広い画面では列の見出しでも並べ替えられます）。',
  caption: (what: string): string => `${what}：委託先と個人情報`,
  filing: TERMS.filings,
  company: TERMS.contractor,
  role: TERMS.role,
  under: TERMS.subcontractorOf,
  group: '所属する企業体',
  replaced: '変更により終了',
  items: TERMS.items,
  itemsOfWork: '委託全体の項目（再委託先が扱う項目の記載はありません）',
  period: TERMS.period,
  version: TERMS.version,
  status: '状況',
  ongoing: '継続中',
  ended: '終了',
  noEnd: '期限の記載なし',
  scheduled: (end: string): string => `${end}まで`,
  undetermined: '未定',
  none: '記載なし',
  sort: (label: string): string => `${label}で並べ替え`,
  showing: (n: number, total: number): string => `${n}行を表示（全${total}行）`,
  companyCount: (n: number): string => `${n}社`,
  rowsUnit: '行',
  sortNewest: '日付の新しい順',
  sortOldest: '日付の古い順',
  sortCompany: '委託先の名前順',
  sortStart: '期間の始まりの順',
  sortVersion: '特記事項の版の順',
} as const;

/** The filters of the filings list and of the who-got-which-data tables. */
export const FILTER_WORDS = {
  heading: '絞り込み',
  ...(Object.fromEntries(FILING_FACETS.map((f) => [f, FACET_TABLE[f].label])) as Record<FilingFacet, string>),
  role: TERMS.role,
  status: '状況',
  all: TERMS.all,
  reset: '絞り込みを解除',
  sort: '並べ替え',
  sortNone: '元の順',
  /** Placeholders the filter script fills: {n} shown, {total} in all. */
  status_: '{n}件を表示（全{total}件）',
  captionFiltered: '絞り込んだ諮問・報告事項',
  rows: '{n}行を表示（全{total}行）',
} as const;
