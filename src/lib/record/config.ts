/**
 * The municipality as configuration: `content/archive.yaml`, validated by the schema below.
 *
 * Every municipality has its own council, ordinance, article numbers, words for the kinds of
 * filing and the matters the council rules on, and the party words of its contract clauses.
 * The site's title, header, metadata and feeds read the names from here; the importer's
 * recognisers read the vocabulary (src/lib/import/recognise/vocabulary.ts). The file is optional:
 * without it the archive is the seeds' ward (DEFAULT_CONFIG).
 */
import { z } from 'zod';
import { YamlFileError, parseYamlFile } from './yaml-file.ts';

/** A word with the other words that mean the same (`諮問` ← `諮問事項`). */
const termSchema = z.union([
  z.string().min(1),
  z.object({
    /** The word the archive shows. */
    name: z.string().min(1),
    /** Other words documents use for it. */
    aliases: z.array(z.string().min(1)).default([]),
  }),
]);

/** One ordinance article the council's filings rest on. */
const articleSchema = z.object({
  /** As written, without spaces: `第14条第1項`. */
  article: z.string().min(1),
  /** What the article is about, in a few words: `業務委託`. */
  label: z.string().optional(),
  /** A sentence for citizens on the article's page. */
  about: z.string().optional(),
});

/** `content/archive.yaml`. */
export const archiveConfigSchema = z
  .object({
    /** The municipality: `新宿区`. */
    municipality: z.string().min(1),
    /** The council's full name: `新宿区情報公開・個人情報保護審議会`. */
    council: z.string().min(1),
    /** The ordinance the filings rest on: `新宿区個人情報保護条例`. */
    ordinance: z.string().min(1),
    /** The site's title; derived from the council's name when absent. */
    title: z.string().optional(),
    /** The word a municipality uses for itself in its documents (区, 市, 町, 村, 都, 県). */
    self: z.string().min(1).optional(),
    /** Articles of the ordinance, with what each is about. */
    articles: z.array(articleSchema).default([]),
    /** Kinds of filing in use, each with the words documents use for it. */
    kinds: z.array(termSchema).min(1).optional(),
    /** Matters the council rules on (業務委託, 再委託, 外部提供 …), each with its other words. */
    matters: z.array(termSchema).optional(),
    /** The party words of the municipality's clauses: who is the municipality, who the contractor. */
    parties: z
      .object({
        municipality: z.array(z.string().min(1)).default([]),
        contractor: z.array(z.string().min(1)).default([]),
      })
      .optional(),
    /** More labels for the facts, added to the built-in synonyms: `{ contractors: [受注者] }`. */
    labels: z.record(z.string(), z.array(z.string().min(1))).default({}),
  })
  .strict();

export type ArchiveConfigInput = z.input<typeof archiveConfigSchema>;
export type ArchiveConfig = z.output<typeof archiveConfigSchema>;

/** A term as `{name, aliases}`. */
export interface Term {
  name: string;
  aliases: string[];
}

/** Kinds of filing every council uses, with the words documents use for them. */
export const DEFAULT_KINDS: Term[] = [
  { name: '諮問', aliases: ['諮問事項'] },
  { name: '報告', aliases: ['報告事項'] },
  { name: '事前報告', aliases: [] },
  { name: '審議', aliases: ['審議事項'] },
];

/** What councils rule on (FIELD-GUIDE: 業務委託, 再委託, 外部提供, 目的外利用, 本人外収集, 結合, 記録項目の設定). */
export const DEFAULT_MATTERS: Term[] = [
  { name: '業務委託', aliases: ['委託'] },
  { name: '再委託', aliases: [] },
  { name: '外部提供', aliases: ['外部への提供', '目的外提供', '第三者提供'] },
  { name: '目的外利用', aliases: [] },
  { name: '本人外収集', aliases: ['本人以外からの収集', '本人以外の者からの収集'] },
  { name: '電子計算機の結合', aliases: ['オンライン結合', '回線結合', '電子計算機結合', '結合'] },
  { name: '電子計算機処理', aliases: ['処理開発', '電子計算機による個人情報の処理'] },
  { name: '記録項目の設定', aliases: ['記録項目'] },
];

/** Party words of clause sets seen in Japanese municipalities: 甲/乙, 発注者/受注者, 委託者/受託者. */
export const DEFAULT_PARTIES = {
  municipality: ['甲', '発注者', '委託者'],
  contractor: ['乙', '受注者', '受託者', '受託事業者'],
};

/** The seeds' ward: the archive's default configuration. */
export const DEFAULT_CONFIG: ArchiveConfig = {
  municipality: '新宿区',
  council: '新宿区情報公開・個人情報保護審議会',
  ordinance: '新宿区個人情報保護条例',
  self: '区',
  articles: [
    { article: '第14条第1項', label: '業務委託', about: '個人情報を取り扱う業務を外部に委託するときの手続' },
    {
      article: '第16条第1項本文',
      label: '電子計算機による個人情報の処理開発、変更',
      about: '個人情報を処理する電子計算機のシステムを開発・変更するときの手続',
    },
  ],
  kinds: DEFAULT_KINDS,
  matters: DEFAULT_MATTERS,
  parties: { municipality: ['甲', '区'], contractor: ['乙'] },
  labels: {},
};

/** `a` or `{name, aliases}` as a Term. */
export function term(t: z.output<typeof termSchema>): Term {
  return typeof t === 'string' ? { name: t, aliases: [] } : t;
}

/** A configuration that could not be read, with file and line. */
export class ConfigError extends Error {}

/** Parse the text of an archive.yaml. Throws ConfigError naming the file and line. */
export function parseArchiveConfig(text: string, file: string): ArchiveConfig {
  try {
    return parseYamlFile(text, file, archiveConfigSchema, 'see README, "The municipality as configuration"');
  } catch (e) {
    if (e instanceof YamlFileError) throw new ConfigError(e.message, { cause: e });
    throw e;
  }
}

/** The word the municipality uses for itself (区, 市…): `self`, else its name. */
export function selfWord(config: ArchiveConfig): string {
  return config.self ?? config.municipality;
}

/** The kinds in use (configured or default). */
export function kindsOf(config: ArchiveConfig): Term[] {
  return (config.kinds ?? DEFAULT_KINDS).map(term);
}

/** The matters in use (configured or default). */
export function mattersOf(config: ArchiveConfig): Term[] {
  return (config.matters ?? DEFAULT_MATTERS).map(term);
}

/** The site's title. */
export function siteTitle(config: ArchiveConfig): string {
  return config.title ?? `${config.council} 諮問・報告事項アーカイブ`;
}
