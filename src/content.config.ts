/**
 * The collections: filings (`filings/*.md`) and the clause sets published on their own
 * (`clauses/*.md`) from ARCHIVE_CONTENT_DIR (default `content/`), validated by the schemas in
 * src/lib/record/schema.ts.
 */
import { defineCollection } from 'astro:content';
import { loadClauseSets, loadRecords } from './lib/record/load-fs.ts';
import { clauseSetSchema, filingSchema } from './lib/record/schema.ts';
import { recordLoader } from './site/loader.ts';

const filings = defineCollection({ loader: recordLoader('filing-records', 'filings', loadRecords), schema: filingSchema });

const clauses = defineCollection({ loader: recordLoader('clause-set-records', 'clauses', loadClauseSets), schema: clauseSetSchema });

export const collections = { filings, clauses };
