/** What the who-got-which-data tables need (src/lib/views/recipients.ts), shared by the pages that show one. */
import type { RecipientContext } from '../lib/views/recipients.ts';
import { getArchive } from './archive.ts';
import { getClauseData } from './clauses.ts';
import { BUILD_DAY } from './config.ts';
import { shared } from './memo.ts';
import { paths } from './url.ts';

export const getRecipientContext: () => Promise<RecipientContext> = shared(async () => {
  const archive = await getArchive();
  const { versionOf } = await getClauseData();
  return { archive, paths, versionOf: (id) => versionOf.get(id), today: BUILD_DAY };
});
