/**
 * The record's fields as a reader reads them: labels of the facts, of the date's source and the
 * original's type, and the open data's column headers.
 */
import { TERMS } from './terms.ts';
import type { DATE_SOURCES, SOURCE_TYPES } from '../record/schema.ts';

export const FIELD_LABELS = {
  id: '整理番号',
  title: '件名',
  kind: '種別',
  number: '番号',
  matters: TERMS.matters,
  basis: TERMS.basis,
  department: TERMS.department,
  bureau: '部',
  section: '課',
  unit: '係',
  contact: '担当者・内線',
  date: '日付',
  date_source: '日付の根拠',
  contractors: TERMS.contractor,
  contractor_status: TERMS.contractorStatus,
  period: '委託の開始時期及び期限',
  items: '委託に伴い処理させる情報項目',
  media: '記録媒体',
  purpose: '目的',
  subjects: '対象者',
  measures: '情報保護対策',
  contractor: '受託事業者に行わせる情報保護対策',
  references: TERMS.references,
  meeting: '審議した回',
  source: '出典',
  clauses: TERMS.clauses,
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

/** Japanese column headers of data/filings.csv, by key (the keys are documented in the README). */
export const CSV_HEADERS = {
  id: '整理番号',
  url: 'URL',
  title: '件名',
  kind: '種別',
  number: '番号',
  matters: TERMS.matters,
  basis: TERMS.basis,
  bureau: '部',
  section: '課',
  unit: '係',
  date: '日付',
  date_source: '日付の根拠',
  contractors: TERMS.contractor,
  contractor_status: TERMS.contractorStatus,
  period_start: '委託期間の開始',
  period_end: '委託期間の終了',
  period_ongoing: '以降継続',
  period_text: '委託期間（原文）',
  items: TERMS.items,
  media: '記録媒体',
  purpose: '目的',
  subjects: '対象者',
  references: TERMS.references,
  source_file: '原本のファイル名',
  source_sha256: '原本のSHA-256',
} as const;

/** 区が行う情報保護対策, with the word the municipality uses for itself. */
export function municipalityMeasuresLabel(self: string): string {
  return `${self}が行う情報保護対策`;
}
