/**
 * The portal (src/portal): a search and pages over several municipalities' archives.
 */
import { TERMS } from './terms.ts';

/** The portal's words (src/portal): a search and pages over several municipalities' archives. */
export const PORTAL_UI = {
  title: '情報公開・個人情報保護審議会アーカイブ横断検索',
  short: '横断検索',
  description: '複数の自治体の審議会アーカイブを、まとめて検索し、委託先・個人情報の項目・特記事項を自治体をまたいで比べます。',
  navSearch: '横断検索',
  navContractors: TERMS.contractor,
  navItems: TERMS.items,
  navClauses: TERMS.clauses,
  archives: '収録しているアーカイブ',
  archiveCounts: (filings: number, companies: number, items: number): string =>
    `諮問・報告事項${filings}件・委託先${companies}社・個人情報の項目${items}種`,
  built: (day: string): string => `（${day}時点）`,
  refusedLead: '次のアーカイブは、索引の形式がこのポータルと異なるため、検索に含めていません。',
  searchLead:
    '各自治体のアーカイブの索引を、このページから直接検索します。結果は各自治体のページにつながります。応答のない自治体があっても、ほかの自治体の結果は表示します。',
  contractorsLead:
    '委託先ごとに、どの自治体でどの個人情報を受け取っているかを示します。表記の違い（全角・半角、株式会社の位置）はまとめています。',
  contractorIn: (n: number): string => `${n}自治体`,
  itemsLead: '個人情報の項目ごとに、どの自治体でどの委託先に渡っているかを示します。',
  clausesLead: '各自治体の特記事項の版と、最新の版の条項を見出しで並べたものです。',
  clausesSide: '最新の版の条項（見出しで対応）',
  clauseHeading: '見出し',
  noClause: '―',
  otherNames: 'ほかの表記：',
  itemsReceived: '受け取った個人情報の項目',
  filingsThere: TERMS.filings,
  companiesThere: TERMS.contractor,
  roles: TERMS.role,
  pageThere: (m: string): string => `${m}のアーカイブの委託先ページ`,
  versions: '版',
  versionPeriod: '使われた期間',
  versionClauses: '条項数',
  versionFilings: '添付した諮問・報告事項',
  municipality: '自治体',
  none: 'ありません。',
} as const;
