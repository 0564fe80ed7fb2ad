/**
 * The search page (src/components/SearchUi.astro, src/browser/search/).
 */
import { TERMS } from './terms.ts';
import { FACET_TABLE, SEARCH_FACETS, type SearchFacet } from '../search/format.ts';

/** The search page's words (src/pages/search.astro, src/browser/search.ts). */
export const SEARCH_UI = {
  facets: Object.fromEntries(SEARCH_FACETS.map((f) => [f, FACET_TABLE[f].label])) as Record<SearchFacet, string>,
  all: TERMS.all,
  searching: '検索しています…',
  prompt: '検索語を入力するか、絞り込みを選んでください。',
  found: (n: number, q: string): string => `${n}件${q ? `（「${q}」）` : ''}`,
  none: (q: string): string => (q ? `「${q}」に一致する諮問・報告事項はありません。` : '該当する諮問・報告事項はありません。'),
  loadFailed: '検索の仕組みを読み込めませんでした（通信が切れたか、サイトの更新中かもしれません）。',
  retry: 'もう一度試す',
  yearChip: (label: string): string => `期間：${label}`,
  removeChip: (label: string): string => `${label} の条件を外す`,
  expandedFor: (term: string): string => `「${term}」は次の語でも探しています（チェックを外すと探しません）`,
  sources: { reading: '読み', name: '別名', term: '同じ意味の語' },
  variantCount: (n: number): string => `（${n}件）`,
  matched: '一致した語：',
  clauseOnly: (n: number): string => `特記事項のみ：${n}件`,
  clauseOnlyLead: '次の諮問・報告事項は、添付された標準の特記事項にだけこの語句が含まれます。',
  ownOnly: '特記事項だけに現れるものを除く',
  clauseSource: '特記事項：',
  version: '特記事項の版：',
  more: 'さらに表示',
  howTo: '検索のしかた',
  whyNone: 'なぜ見つからないか：',
  termFoundNothing: (t: string): string => `「${t}」を含む諮問・報告事項はありません。`,
  termFound: (t: string, n: number): string => `「${t}」だけなら${n}件あります。`,
  filterEmptied: (label: string, n: number): string => `絞り込み「${label}」を外すと${n}件あります。`,
  dropFilter: (label: string): string => `「${label}」を外す`,
  tryInstead: '次の語なら見つかります：',
  /** The portal (src/portal): archives that did not answer this search, or were refused. */
  unanswered: (names: string[]): string => `応答のなかったアーカイブ：${names.join('、')}（その結果は含まれていません）。`,
  refused: (name: string, theirs: string, ours: string): string =>
    `${name}の索引は形式が異なるため（${theirs}。このポータルは${ours}）、検索に含めていません。`,
} as const;
