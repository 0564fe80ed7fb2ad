/**
 * Japanese labels for the record's fields and the site's words, in one place. The names of the
 * municipality and its council are not here: they come from content/archive.yaml (src/site/config.ts).
 */
import type { DATE_SOURCES, SOURCE_TYPES } from './schema.ts';

export const FIELD_LABELS = {
  id: '整理番号',
  title: '件名',
  kind: '種別',
  number: '番号',
  matters: '審議の対象',
  basis: '条例の根拠',
  department: '担当部課',
  bureau: '部',
  section: '課',
  unit: '係',
  contact: '担当者・内線',
  date: '日付',
  date_source: '日付の根拠',
  contractors: '委託先',
  contractor_status: '委託先の状況',
  period: '委託の開始時期及び期限',
  items: '委託に伴い処理させる情報項目',
  media: '記録媒体',
  purpose: '目的',
  subjects: '対象者',
  measures: '情報保護対策',
  municipality: '区が行う情報保護対策',
  contractor: '受託事業者に行わせる情報保護対策',
  references: '関連する審議会',
  source: '出典',
  clauses: '特記事項',
} as const;

export const DATE_SOURCE_LABELS = {
  meeting: '審議会開催日',
  document: '文書の日付',
  inferred: '委託期間の開始から推定',
  manual: '手入力',
} as const satisfies Record<(typeof DATE_SOURCES)[number], string>;

/** What an original is, as a reader knows it. */
export const SOURCE_TYPE_LABELS = {
  text: 'テキスト',
  pdf: 'PDF',
  docx: 'Word',
  html: 'HTML',
} as const satisfies Record<(typeof SOURCE_TYPES)[number], string>;

/** The names of the municipality and its council come from content/archive.yaml (src/lib/config.ts). */
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

/** 区が行う情報保護対策, with the word the municipality uses for itself. */
export function municipalityMeasuresLabel(self: string): string {
  return `${self}が行う情報保護対策`;
}

const BASE_UI = {
  siteShort: '審議会アーカイブ',
  home: 'ホーム',
  filings: '諮問・報告事項の一覧',
  body: '本文',
  ongoing: '以降継続',
  noContractor: '委託先未定',
  sourceFile: '元ファイル',
  original: '原本',
  originalMissing: '原本は公開されていません',
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
  roles: '役割',
  group: '所属グループ・企業体',
  members: '構成企業・グループ会社',
  undetermined: '委託先が未定の諮問・報告事項',
  filter: '絞り込み',
  all: 'すべて',
  year: '年',
  showing: '表示中',
  notFoundInFiling: '該当なし',
  entryPoints: 'さがす',
  labels: 'ラベル',
} as const;

/** Words of the site's navigation and pages. */
export const NAV = {
  navFilings: '諮問・報告事項',
  navDepartments: '担当部課',
  navContractors: '委託先',
  navItems: '個人情報の項目',
  navMatters: '審議の対象',
  navBasis: '条例の根拠',
  navYears: '年別',
  navClauses: '特記事項',
  navLabel: 'サイト内の主な項目',
  breadcrumbs: 'パンくずリスト',
  feedTitle: '新着の諮問・報告事項（RSS）',
  dataJson: 'データ（JSON）',
  dataCsv: 'データ（CSV）',
} as const;

/** Every UI word, one dictionary. */
export const UI = { ...BASE_UI, ...NAV } as const;
