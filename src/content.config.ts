/**
 * The collections: filings (`filings/*.md`) and the clause sets published on their own
 * (`clauses/*.md`) from ARCHIVE_CONTENT_DIR (default `content/`), validated by the schemas in
 * src/lib/schema.ts.
 */
import { defineCollection } from 'astro:content';
import { loadClauseSets, loadRecords } from './lib/load.ts';
import { clauseSetSchema, filingSchema } from './lib/schema.ts';

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

const clauses = defineCollection({
  loader: {
    name: 'clause-set-records',
    load: async ({ store, parseData, generateDigest }) => {
      store.clear();
      for (const record of loadClauseSets()) {
        const data = await parseData({ id: record.data.id, data: record.data });
        store.set({ id: record.data.id, data, body: record.body, digest: generateDigest(record.body + JSON.stringify(data)) });
      }
    },
  },
  schema: clauseSetSchema,
});

export const collections = { filings, clauses };
