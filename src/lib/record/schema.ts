/**
 * The filing record: the single definition of what a council filing holds.
 *
 * Used by the importer (to build and check records), by the Astro content collection
 * (src/content.config.ts) and by the tests. Keys are English and stable; the site shows
 * the Japanese labels from src/lib/words/fields.ts. A record is a Markdown file
 * `content/filings/<id>.md`: this schema is its YAML frontmatter; the body holds the
 * narrative, annex tables, appendices and the 特記事項 clauses (see src/lib/clauses/extract.ts).
 */
import { z } from 'zod';

/** Roles a company can have in a filing. */
export const CONTRACTOR_ROLES = ['委託先', '再委託先', '代表企業', '構成企業'] as const;
/** Before/after markers where a filing changes contractor. */
export const CONTRACTOR_CHANGES = ['変更前', '変更後'] as const;
/** Where the record's date came from. */
export const DATE_SOURCES = ['meeting', 'document', 'inferred', 'manual'] as const;
/** Where a published clause set's date came from (its own field, as it has no meeting or period). */
export const CLAUSE_DATE_SOURCES = ['document', 'metadata', 'manual'] as const;
/** Kinds of source file the importer reads. */
export const SOURCE_TYPES = ['text', 'pdf', 'docx', 'html'] as const;

function validIsoDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

/**
 * ISO 8601 date with reduced precision allowed: `2008`, `2008-07`, `2008-07-01`.
 * YAML parsers that turn `2008-07-01` into a Date are accepted and turned back into text.
 */
export const isoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().refine(validIsoDate, { message: 'expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD' }),
);

/** One article of the ordinance the filing rests on (条例の根拠). */
export const basisSchema = z.strictObject({
  /** The article as written, spaces removed: `第14条第1項`, `第16条第1項本文`. */
  article: z.string().min(1),
  /** The bracketed label that follows it: `業務委託`, `業務委託、再委託`. */
  label: z.string().optional(),
});

/** The department that filed (担当部課). */
export const departmentSchema = z.strictObject({
  /** 部 (bureau) as written at the time of filing; bureaus are reorganised over the years. */
  bureau: z.string().optional(),
  /** 課 (section): the stable unit citizens and staff follow across reorganisations. */
  section: z.string().min(1),
  /** 係 (unit), when given. */
  unit: z.string().optional(),
  /** 担当者 and 内線 as written (digits spread by extraction joined). */
  contact: z.string().optional(),
});

/** A company named in the filing, with its role. */
export const contractorSchema = z.strictObject({
  /** The name exactly as written (normalisation for linking is the site's job). */
  name: z
    .string()
    .min(1)
    .refine((n) => /[^\s\p{Cf}]/u.test(n), "a name of only white space: write the company's name, or remove the entry"),
  /** 委託先, 再委託先, 代表企業 or 構成企業. */
  role: z.enum(CONTRACTOR_ROLES),
  /** 変更前 / 変更後 where the filing changes contractor. */
  change: z.enum(CONTRACTOR_CHANGES).optional(),
  /** The task of a subcontractor (保守, コールセンター, 研修). */
  task: z.string().optional(),
  /** For 代表企業 and 構成企業: the name of the group (企業体) they belong to. */
  group: z.string().optional(),
  /** Anything else the filing says about this company. */
  note: z.string().optional(),
});

/** The period of the work (委託の開始時期及び期限 or 新規開発・追加・変更の時期). */
export const periodSchema = z.strictObject({
  /** First day (or month, or year) of the work, ISO. */
  start: isoDate.optional(),
  /** Last day, ISO; absent when open-ended. */
  end: isoDate.optional(),
  /** The original wording, e.g. `平成22年4月1日から、以降継続`. */
  text: z.string(),
  /** True for 以降継続 / 次年度以降も: the work continues past `end` or has no end. */
  ongoing: z.boolean().default(false),
});

/** Protection measures (情報保護対策) of the municipality and of the contractor. */
export const measuresSchema = z.strictObject({
  /** 委託にあたり区が行う情報保護対策. */
  municipality: z.string().optional(),
  /** 受託事業者に行わせる情報保護対策 (or the development-contract equivalent). */
  contractor: z.string().optional(),
});

/** The same document in another format or extraction (the Word file of a PDF), kept beside the original. */
export const copySchema = z.strictObject({
  /** File name it was imported as. */
  file: z.string(),
  /** SHA-256 of its bytes; it is kept as `sources/<first 16 hex><extension>`. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
  size: z.number().int().nonnegative().optional(),
  type: z.enum(SOURCE_TYPES).optional(),
});

/** How the importer got a fact: read where it stands, inferred from other text, or a default when nothing said. */
export const FACT_HOW = ['read', 'inferred', 'default'] as const;
/** The facts of a filing whose provenance the importer records. */
export const FACT_FIELDS = [
  'title',
  'kind',
  'number',
  'matters',
  'basis',
  'department',
  'date',
  'contractors',
  'contractor_status',
  'period',
  'items',
  'media',
  'purpose',
  'subjects',
  'measures',
] as const;

/**
 * Where a fact was read and how it was got. `line` is the line of the source as the importer read
 * it (`npm run import -- --text FILE` prints them: the file's own lines for text, the decoded
 * lines for PDF and Word); `page` the PDF page.
 */
export const factSourceSchema = z.strictObject({
  how: z.enum(FACT_HOW),
  line: z.number().int().positive().optional(),
  page: z.number().int().positive().optional(),
});

/** Where the record came from. */
export const sourceSchema = z.strictObject({
  /** File name of the imported original (text, PDF or Word). */
  file: z.string(),
  /** SHA-256 of the file's bytes as received. The original is kept as `sources/<first 16 hex><extension>`. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
  /** Size of the original in bytes. */
  size: z.number().int().nonnegative().optional(),
  /** What the original is: text, pdf, docx or html. */
  type: z.enum(SOURCE_TYPES).optional(),
  /** SHA-256 of earlier originals this one corrects, oldest first; they stay in `sources/`. */
  replaces: z.array(z.string().regex(/^[0-9a-f]{64}$/u)).optional(),
  /**
   * The same document in other formats or extractions, imported with it (a council publishes the
   * PDF and the Word file): the record was read from `file`; these are kept and published beside it.
   */
  copies: z.array(copySchema).optional(),
});

/** The frontmatter of a filing record. */
export const filingSchema = z.strictObject({
  /** Stable ASCII id, unique; the file name and URL. Deterministic on import, may be edited. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/u, 'ids are lower-case ASCII letters, digits and -')
    .max(100, 'an id is at most 100 characters (it is a file name and part of the URL); shorten it'),
  /** 件名: the subject, as written. */
  title: z.string().min(1),
  /** 種別: 諮問, 報告, 事前報告, 審議 — or another kind the municipality's content/archive.yaml lists. */
  kind: z.string().min(1),
  /** The document's own number, e.g. `諮問第3号`. */
  number: z.string().optional(),
  /** What the council rules on: 業務委託, 再委託, 外部提供, 目的外利用, 本人外収集, 電子計算機の結合 … */
  matters: z.array(z.string()).default([]),
  /** 条例の根拠: one or more articles. */
  basis: z.array(basisSchema).default([]),
  /** 担当部課. */
  department: departmentSchema,
  /** ISO date: the council meeting when known, otherwise inferred (see date_source). */
  date: isoDate,
  /** meeting: the council's meeting date; document: the date the document bears (a 諮問書's date); inferred: from the period; manual: set by staff. */
  date_source: z.enum(DATE_SOURCES),
  /** Companies and their roles (委託先, 再委託先, 代表企業, 構成企業). */
  contractors: z.array(contractorSchema).default([]),
  /** When no contractor is named yet: the wording, e.g. `未定(入札により決定する)`. */
  contractor_status: z.string().optional(),
  /** 委託の開始時期及び期限. */
  period: periodSchema.optional(),
  /** Personal data items handed over or recorded (氏名, 住所, 住民票コード…). */
  items: z.array(z.string()).default([]),
  /** 記録媒体: the medium the data is on. */
  media: z.string().optional(),
  /** 目的 (or 委託理由 when no purpose is given). */
  purpose: z.string().optional(),
  /** 対象者: whose data it is. */
  subjects: z.string().optional(),
  /** 情報保護対策. */
  measures: measuresSchema.default({}),
  /** The council session the filing was put to, as written (`平成28年度第8回`), when staff know it: other filings' `references` to it link here. */
  meeting: z.string().min(1).optional(),
  /** Earlier council sessions the filing cites, e.g. `平成28年度第8回`. */
  references: z.array(z.string()).default([]),
  /** The heading of the section that holds the 特記事項 when it is not titled with a usual name (別記, 別紙2). */
  clause_section: z.string().optional(),
  /** Provenance of an imported record. */
  source: sourceSchema.optional(),
  /** Where the importer read each fact and how it got it; a fact staff corrected keeps its entry until they remove it. */
  provenance: z.partialRecord(z.enum(FACT_FIELDS), factSourceSchema).optional(),
});

/** A filing's frontmatter after validation. */
export type Filing = z.output<typeof filingSchema>;
/** A filing's frontmatter before defaults are applied (what a file may contain). */
export type FilingInput = z.input<typeof filingSchema>;
export type Contractor = z.output<typeof contractorSchema>;
export type Basis = z.output<typeof basisSchema>;
export type Department = z.output<typeof departmentSchema>;
export type Period = z.output<typeof periodSchema>;

/** One numbered clause of the 特記事項, as read from a record's body. */
export const clauseSchema = z.object({
  /** The clause number (1, 2, … 21; 第3条 is 3). */
  number: z.number().int().nonnegative(),
  /** The number as written when it is not a bare numeral: `第3条`, `第3`. */
  marker: z.string().optional(),
  /** The bracketed heading in force, without brackets: `秘密の保持`. Shared by clauses under one heading. */
  heading: z.string().optional(),
  /** The clause text without its number. */
  text: z.string(),
  /** Sub-items with their markers: `(1) 思想、信条及び宗教に関する事項`. */
  items: z.array(z.string()).optional(),
});
export type Clause = z.output<typeof clauseSchema>;

/**
 * A clause set published on its own (個人情報取扱特記事項 with its 改正日): a record
 * `content/clauses/<id>.md` whose body holds the clauses under their title, as a filing's does.
 */
export const clauseSetSchema = z
  .object({
    /** Stable ASCII id: the file name. */
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/u, 'ids are lower-case ASCII letters, digits and -')
      .max(100, 'an id is at most 100 characters (it is a file name and part of the URL); shorten it'),
    /** The title as printed: `個人情報取扱特記事項`. */
    title: z.string().min(1),
    /** The attachment label printed with it: `別紙2`, `参考資料10`. */
    label: z.string().optional(),
    /**
     * The date it took effect or was revised (ISO): the 施行日, else the 改正日, else the date it
     * bears; else the file's own date, or one staff give. Absent when nothing says (日付不明): such
     * a set is dated by the filings that attached its wording, or listed as undated.
     */
    date: isoDate.optional(),
    /** Where the date came from: printed in it (`document`), the file's metadata (`metadata`), given by staff (`manual`). */
    date_source: z.enum(CLAUSE_DATE_SOURCES).optional(),
    /** The date's wording as printed: `令和3年4月1日改正`. */
    date_text: z.string().optional(),
    /** The heading of the body section that holds the clauses, when it is not the title. */
    clause_section: z.string().optional(),
    /** Provenance of an imported record. */
    source: sourceSchema.optional(),
  })
  .strict();
export type ClauseSet = z.output<typeof clauseSetSchema>;
export type ClauseSetInput = z.input<typeof clauseSetSchema>;

/** A record as the site sees it. */
export interface Entry {
  id: string;
  data: Filing;
  body: string;
}
