/**
 * The archive's nouns, each written once. The dictionaries beside this one use them wherever a
 * label is the noun alone; a sentence that holds one writes it out, for its grammar.
 */
export const TERMS = {
  filings: '諮問・報告事項',
  contractor: '委託先',
  subcontractor: '再委託先',
  contractorStatus: '委託先の状況',
  undetermined: '委託先未定',
  items: '個人情報の項目',
  clauses: '特記事項',
  version: '特記事項の版',
  department: '担当部課',
  matters: '審議の対象',
  basis: '条例の根拠',
  references: '関連する審議会',
  role: '役割',
  period: '期間',
  all: 'すべて',
  subcontractorOf: '再委託の元',
  group: '所属グループ・企業体',
} as const;
