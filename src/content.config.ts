/**
 * The filings collection: records from ARCHIVE_CONTENT_DIR (default `content/`), validated
 * by the one schema in src/lib/schema.ts.
 */
import { defineCollection } from 'astro:content';
import { loadRecords } from './lib/load.ts';
import { filingSchema } from './lib/schema.ts';

const filings = defineCollection({
  loader: {
    name: 'filing-records',
    load: async ({ store, parseData, generateDigest }) => {
      store.clear();
      for (const record of loadRecords()) {
        const data = await parseData({ id: record.data.id, data: record.data });
        store.set({ id: record.data.id, data, body: record.body, digest: generateDigest(record.body + JSON.stringify(data)) });
      }
    },
  },
  schema: filingSchema,
});

export const collections = { filings };
