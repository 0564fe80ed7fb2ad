/**
 * The frozen archive the tests read (tests/fixtures/archive/, a copy of the seed archive changed
 * only on purpose), loaded once per test file.
 */
import path from 'node:path';
import { loadRecords } from '../../src/lib/record/load-fs.ts';
import type { RecordFile } from '../../src/lib/record/record.ts';
import type { Entry } from '../../src/lib/record/schema.ts';

/** The frozen archive's content folder. */
export const ARCHIVE = path.resolve('tests/fixtures/archive');

let records: Array<RecordFile & { file: string }> | undefined;

/** The frozen archive's records, as loadRecords reads them. */
export function archiveRecords(): Array<RecordFile & { file: string }> {
  records ??= loadRecords(ARCHIVE);
  return records;
}

/** The frozen archive's records as the site sees them. */
export function archiveEntries(): Entry[] {
  return archiveRecords().map((r) => ({ id: r.data.id, data: r.data, body: r.body }));
}
