/**
 * The site's navigation, its common words and the index and list pages'. The names of the
 * municipality and its council come from content/archive.yaml.
 */
import { TERMS } from './terms.ts';

/** The names of the municipality and its council come from content/archive.yaml (src/lib/record/config.ts). */
interface Names {
  municipality: string;
  council: string;
}

/** The site's description (<meta>, RSS, the home page's lead). */
export function siteDescription(c: Names): string {
  return `${c.council}に諮問・報告された個人情報を扱う業務委託やシステム開発の記録を、担当部課・委託先・個人情報の項目・年ごとに閲覧できるアーカイブです。`;
}

/** The home page's paragraph on what the council does. */
export function homeIntro(c: Names): string {
  return `${c.municipality}の部署が個人情報を扱う業務を外部に委託するときや、個人情報を処理するシステムを開発・変更するときは、事前に${c.council}に諮問または報告します。このアーカイブでは、その記録（どの部署が、どの事業者に、どの個人情報を、いつから、どのような保護措置と特記事項のもとで渡すか）を公開しています。`;
}

/** Words of the index and list pages (moved out of the .astro files). */
export const PAGE_WORDS = {
  contractorsLead:
    '表記の違い（全角・半角、「株式会社」の位置、（株））をまとめて、会社ごとに表示します。名前の一部が同じでも別の会社は別に扱います。',
  contractorName: '名称',
  groupRole: '企業体・グループ',
  companies: (n: number): string => `（${n}社）`,
  count: (n: number): string => `${n}件`,
  countParen: (n: number): string => `（${n}件）`,
  undeterminedHeading: '委託先が未定・記載のない諮問・報告事項',
  undeterminedLead: '委託先が決まっていない（入札やプロポーザルで決める）か、委託先の記載がない諮問・報告事項です。',
  contractorStatus: TERMS.contractorStatus,
  contractorFilings: (name: string): string => `${name}が登場する諮問・報告事項`,
  itemsReceived: '受け取った個人情報の項目',
  subcontractors: TERMS.subcontractor,
  subcontractorOf: TERMS.subcontractorOf,
  periods: TERMS.period,
  viaMember: (member: string): string => `（${member}として）`,
  departmentsLead:
    '部は組織改正で名称や所属が変わります。課のページでは、所属した部が変わっても同じ課の諮問・報告事項をまとめて表示します。',
  noBureau: '部の記載がない課',
  bureau: '部',
  firstRecord: '最初の記録',
  lastRecord: '最後の記録',
  departmentFilings: (name: string): string => `${name}の諮問・報告事項`,
  itemsLead: '委託に伴い事業者に渡される、または記録される個人情報の項目です。項目を選ぶと、その項目を誰が受け取ったかが表示されます。',
  itemHeading: (name: string): string => `個人情報の項目：${name}`,
  itemCaption: (name: string): string => `「${name}」`,
  itemSummary: (name: string, filings: number, companies: number): string =>
    `「${name}」は${filings}件の諮問・報告事項で扱われ、${companies > 0 ? `${companies}社が委託先・再委託先などとして受け取っています。` : 'どの会社が受け取るかは記録にありません（委託先が未定か記載がありません）。'}`,
  basisLead: '諮問・報告の根拠となった条例の条項ごとに表示します。',
  basisFilings: (article: string): string => `${article}による諮問・報告事項`,
  basisUnknown: 'この条項が何を定めているかは、content/archive.yaml に書かれていません。',
  meetingHeading: (name: string): string => `${name}の審議会`,
  meetingFilings: (name: string): string => `${name}の審議会で扱われた諮問・報告事項`,
  yearsLead: '年ごとに諮問・報告事項を表示します。',
  moreFilings: TERMS.filings,
  countUnit: '件',
  searchLabel: 'サイト内検索',
  searchPlaceholder: '語句で検索',
  searchButton: '検索',
  matterHeading: (name: string): string => `審議の対象：${name}`,
  matterFilings: (name: string): string => `「${name}」について審議会に諮問・報告された事項`,
  mattersLead: '審議会が何について意見を述べたか（業務委託、再委託、外部提供など）ごとに表示します。',
  yearHeading: (year: string, era: string): string => `${year}年（${era}）の諮問・報告事項`,
  yearTitle: (year: string, era: string): string => `${year}年（${era}）`,
  timeline: '年ごとの諮問・報告事項',
  notFoundHome: 'ホームへ戻る',
} as const;

const BASE_UI = {
  siteShort: '審議会アーカイブ',
  home: 'ホーム',
  filings: '諮問・報告事項の一覧',
  body: '本文',
  ongoing: '以降継続',
  noContractor: TERMS.undetermined,
  sourceFile: '元ファイル',
  original: '原本',
  originalMissing: '原本は公開されていません',
  /** The same document in other formats, kept beside the original. */
  copies: 'ほかの形式の原本',
  sha256: 'SHA-256',
  latest: '最近の諮問・報告事項',
  skip: '本文へ移動',
  notFound: 'ページが見つかりません',
  notFoundLead: 'お探しのページは移動したか、削除された可能性があります。',
  overview: '概要',
  provenance: '出典',
  count: '件数',
  filingsCount: '件',
  allFilings: 'すべての諮問・報告事項',
  history: '所属の履歴',
  bureausOf: '所属した部',
  sectionsOf: '課',
  formerNames: '表記',
  roles: TERMS.role,
  group: TERMS.group,
  members: '構成企業・グループ会社',
  undetermined: '委託先が未定の諮問・報告事項',
  filter: '絞り込み',
  all: TERMS.all,
  year: '年',
  showing: '表示中',
  notFoundInFiling: '該当なし',
  entryPoints: 'さがす',
  labels: 'ラベル',
} as const;

/** Words of the site's navigation and pages. */
export const NAV = {
  navFilings: TERMS.filings,
  navDepartments: TERMS.department,
  navContractors: TERMS.contractor,
  navItems: TERMS.items,
  navMatters: TERMS.matters,
  navBasis: TERMS.basis,
  navYears: '年別',
  navClauses: TERMS.clauses,
  navLabel: 'サイト内の主な項目',
  breadcrumbs: 'パンくずリスト',
  feedTitle: '新着の諮問・報告事項（RSS）',
  dataJson: 'データ（JSON）',
  dataCsv: 'データ（CSV）',
} as const;

/** Every UI word, one dictionary. */
export const UI = { ...BASE_UI, ...NAV } as const;
