/**
 * What the importer writes for every record: its id, its \`source\`, its Markdown body. Shared by
 * the filing and the clause-set readers.
 */
import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { compact } from '../core/text.ts';
import type { FilingInput, SOURCE_TYPES } from '../record/schema.ts';

/** What the record says of its original. */
export interface Original {
  file: string;
  sha256: string;
  size?: number;
  sourceType?: (typeof SOURCE_TYPES)[number];
}

export function sourceOf(options: Original): NonNullable<FilingInput['source']> {
  return {
    file: options.file,
    sha256: options.sha256,
    ...(options.size !== undefined ? { size: options.size } : {}),
    ...(options.sourceType ? { type: options.sourceType } : {}),
  };
}

/** `<year>-<8 hex>`: from the subject, section and year, so a re-import (even re-encoded) gives the same id. */
export function deriveId(title: string, section: string, date: string): string {
  const hash = createHash('sha256')
    .update(`${compact(title)}\n${compact(section)}\n${date.slice(0, 4)}`)
    .digest('hex');
  return `${date.slice(0, 4)}-${hash.slice(0, 8)}`;
}

const markdownWriter = unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify, {
  bullet: '-',
  rule: '-',
  fences: true,
  listItemIndent: 'one',
  strong: '*',
  emphasis: '_',
});

export function stringify(root: Root): string {
  return markdownWriter.stringify(root);
}
