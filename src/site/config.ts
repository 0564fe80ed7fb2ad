/** The municipality the site is built for: `content/archive.yaml` (src/lib/record/config.ts), read once per build. */
import { selfWord, siteTitle, type ArchiveConfig } from '../lib/record/config.ts';
import { loadArchiveConfig } from '../lib/record/config-fs.ts';
import { homeIntro, siteDescription } from '../lib/words/pages.ts';
import { contentDir } from '../lib/record/load-fs.ts';
import { compact } from '../lib/core/text.ts';

export const archiveConfig: ArchiveConfig = loadArchiveConfig(contentDir());

/** The names the pages show: title, description, lead. */
export const SITE = {
  title: siteTitle(archiveConfig),
  description: siteDescription(archiveConfig),
  intro: homeIntro(archiveConfig),
  /** The word the municipality uses for itself (区, 市…). */
  self: selfWord(archiveConfig),
} as const;

/** The configured article (content/archive.yaml `articles`) an article of a filing is, if any. */
export function configuredArticle(article: string): ArchiveConfig['articles'][number] | undefined {
  return archiveConfig.articles.find((a) => compact(a.article) === compact(article));
}

/**
 * The day the site is built, ISO: a period that ended before it shows as 終了. SOURCE_DATE_EPOCH
 * (seconds, the reproducible-builds convention) fixes it, so two builds of the same content on
 * different days can still be byte-identical.
 */
export const BUILD_DAY = new Date(process.env['SOURCE_DATE_EPOCH'] ? Number(process.env['SOURCE_DATE_EPOCH']) * 1000 : Date.now())
  .toISOString()
  .slice(0, 10);
