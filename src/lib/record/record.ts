/**
 * Reading and writing record files: `content/filings/<id>.md`, YAML frontmatter validated by
 * the schema, then the Markdown body.
 */
import { Document as YamlDocument, LineCounter, isMap, isNode, parseDocument, stringify } from 'yaml';
import { ZodArray, ZodObject, type z } from 'zod';
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
      result.error.issues.flatMap((issue) => {
        if (issue.code === 'unrecognized_keys') {
          // A misspelt key would vanish from the page without a word: named, with the key it probably meant.
          return issue.keys.map((key) => {
            const node: unknown = doc.getIn([...issue.path, key] as Array<string | number>, true);
            const at = isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : 1;
            const near = nearestKey(key, KNOWN_KEYS);
            const where = issue.path.length > 0 ? ` in ${issue.path.join('.')}` : '';
            return {
              line: 1 + at,
              message: `unknown key 「${key}」${where}${near ? `; did you mean 「${near}」?` : ''} — a record holds only the keys of src/lib/record/schema.ts; rename or remove it`,
            };
          });
        }
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

/** Every key a record may hold, at any depth. */
const KNOWN_KEYS = [
  ...new Set(
    [filingSchema, clauseSetSchema, ...Object.values(filingSchema.shape)].flatMap((s) => {
      const inner = 'unwrap' in s && typeof s.unwrap === 'function' ? (s.unwrap() as z.ZodType) : s;
      const element = inner instanceof ZodArray ? (inner.element as z.ZodType) : inner;
      const base = 'unwrap' in element && typeof element.unwrap === 'function' ? (element.unwrap() as z.ZodType) : element;
      return base instanceof ZodObject ? Object.keys(base.shape) : [];
    }),
  ),
];

/** Edit distance of two short strings, a swap of neighbours counting one (optimal string alignment; keys and titles are short). */
export function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => d[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = v;
    }
  return at(a.length, b.length);
}

/** The known key nearest to a misspelt one, if one is near enough to be meant. */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  let best: { k: string; d: number } | undefined;
  for (const k of known) {
    const d = distance(key.toLowerCase(), k);
    if (!best || d < best.d) best = { k, d };
  }
  return best && best.d <= Math.max(1, Math.floor(key.length / 3)) ? best.k : undefined;
}

/** Write a record file's text: frontmatter in schema order, then the body. Deterministic. */
export function serializeRecord(data: FilingInput, body: string): string {
  // Parsing first puts keys in schema order and fills defaults, so every writer agrees.
  const doc = new YamlDocument(filingSchema.parse(data), { aliasDuplicateObjects: false });
  // Each fact's provenance on one line: `title: { how: read, line: 3, page: 1 }`.
  const provenance = doc.get('provenance');
  if (isMap(provenance)) for (const item of provenance.items) if (isMap(item.value)) item.value.flow = true;
  const yaml = doc.toString({ lineWidth: 0, minContentWidth: 0 });
  return `---\n${yaml}---\n\n${body.replace(/^\n+/u, '').replace(/\n*$/u, '\n')}`;
}

/** Write a clause-set record's text, as serializeRecord does for filings. */
export function serializeClauseSet(data: ClauseSetInput, body: string): string {
  const yaml = stringify(clauseSetSchema.parse(data), { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
  return `---\n${yaml}---\n\n${body.replace(/^\n+/u, '').replace(/\n*$/u, '\n')}`;
}

/** The extension an original is kept under when its name has none, by what it is. */
export const SOURCE_EXTENSIONS = { text: '.txt', pdf: '.pdf', docx: '.docx', html: '.html' } as const;

/** Where an original is kept in the content folder: `sources/<first 16 hex of its SHA-256><extension>`. */
export function sourcePath(sha256: string, extension: string): string {
  return `sources/${sha256.slice(0, 16)}${extension}`;
}
