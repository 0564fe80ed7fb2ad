/**
 * Reading and writing record files: `content/filings/<id>.md`, YAML frontmatter validated by
 * the schema, then the Markdown body.
 */
import { LineCounter, isNode, parseDocument, stringify } from 'yaml';
import type { z } from 'zod';
import type { ClauseSet, ClauseSetInput, Filing, FilingInput } from './schema.ts';
import { clauseSetSchema, filingSchema } from './schema.ts';

/** A record read from disk. */
export interface RecordFile {
  data: Filing;
  body: string;
}

/** A record file that could not be read, with the line of each problem. */
export class RecordError extends Error {
  constructor(
    readonly file: string,
    readonly problems: Array<{ line: number; message: string }>,
  ) {
    super(problems.map((p) => `${file}:${p.line}: ${p.message}`).join('\n'));
  }
}

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/u;

/** Parse and validate a record file's text. Throws RecordError naming file and line. */
export function parseRecord(text: string, file: string): RecordFile {
  return parseWith(text, file, filingSchema);
}

/** A clause set published on its own, read from disk (`content/clauses/<id>.md`). */
export interface ClauseSetFile {
  data: ClauseSet;
  body: string;
}

/** Parse and validate a clause-set record. Throws RecordError naming file and line. */
export function parseClauseSet(text: string, file: string): ClauseSetFile {
  return parseWith(text, file, clauseSetSchema);
}

function parseWith<S extends z.ZodType>(text: string, file: string, schema: S): { data: z.output<S>; body: string } {
  const m = FRONTMATTER.exec(text);
  if (!m)
    throw new RecordError(file, [
      { line: 1, message: 'no YAML frontmatter: a record starts with a line `---`, its fields, and another `---`' },
    ]);
  const lineCounter = new LineCounter();
  const doc = parseDocument(m[1] ?? '', { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new RecordError(
      file,
      doc.errors.map((e) => ({ line: 1 + (lineCounter.linePos(e.pos[0]).line || 1), message: `YAML: ${e.message.split('\n')[0] ?? ''}` })),
    );
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    throw new RecordError(
      file,
      result.error.issues.map((issue) => {
        let node: unknown = doc.getIn(issue.path as Array<string | number>, true);
        for (let p = issue.path.length - 1; !isNode(node) && p >= 0; p--)
          node = doc.getIn(issue.path.slice(0, p) as Array<string | number>, true);
        const offset = isNode(node) && node.range ? node.range[0] : 0;
        return { line: 1 + lineCounter.linePos(offset).line, message: `${issue.path.join('.') || 'frontmatter'}: ${issue.message}` };
      }),
    );
  }
  return { data: result.data as z.output<S>, body: m[2] ?? '' };
}

/** Write a record file's text: frontmatter in schema order, then the body. Deterministic. */
export function serializeRecord(data: FilingInput, body: string): string {
  // Parsing first puts keys in schema order and fills defaults, so every writer agrees.
  const yaml = stringify(filingSchema.parse(data), { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
  return `---\n${yaml}---\n\n${body.replace(/^\n+/u, '').replace(/\n*$/u, '\n')}`;
}

/** Write a clause-set record's text, as serializeRecord does for filings. */
export function serializeClauseSet(data: ClauseSetInput, body: string): string {
  const yaml = stringify(clauseSetSchema.parse(data), { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
  return `---\n${yaml}---\n\n${body.replace(/^\n+/u, '').replace(/\n*$/u, '\n')}`;
}

/** Where an original is kept in the content folder: `sources/<first 16 hex of its SHA-256><extension>`. */
export function sourcePath(sha256: string, extension: string): string {
  return `sources/${sha256.slice(0, 16)}${extension}`;
}
