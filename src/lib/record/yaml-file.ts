/**
 * Reading a YAML file the staff edit (content/archive.yaml, content/registry/*.yaml) against its
 * zod schema, with every problem as `file:line: what is wrong` — YAML syntax, an alias bomb
 * (yaml refuses more aliases than a document can sensibly hold) and each schema issue.
 */
import { LineCounter, isNode, parseDocument } from 'yaml';
import type { z } from 'zod';

/** A YAML file that could not be read; `problems` are `file:line: message` lines. */
export class YamlFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(problems.join('\n'));
  }
}

/** Parse and validate the text of a YAML file. Throws YamlFileError naming the file and lines. */
export function parseYamlFile<S extends z.ZodType>(text: string, file: string, schema: S, hint: string): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0)
    throw new YamlFileError(
      file,
      // An error found at the end of the file (an unclosed bracket) is reported on its last line, not the empty one after it.
      doc.errors.map(
        (e) =>
          `${file}:${lineCounter.linePos(Math.min(e.pos[0], text.trimEnd().length)).line}: YAML: ${e.message.split('\n')[0] ?? ''}; fix the file (${hint})`,
      ),
    );
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new YamlFileError(file, [
      `${file}: YAML: ${(e as Error).message}; the file uses aliases (*name) beyond what a list of names needs — write the entries out`,
    ]);
  }
  const result = schema.safeParse(value ?? {});
  if (!result.success)
    throw new YamlFileError(
      file,
      result.error.issues.flatMap((issue) => {
        const lineOf = (n: unknown): number => (isNode(n) && n.range ? lineCounter.linePos(n.range[0]).line : 1);
        if (issue.code === 'unrecognized_keys')
          return issue.keys.map(
            (key) =>
              `${file}:${lineOf(doc.getIn([...issue.path, key] as Array<string | number>, true))}: unknown key 「${key}」${issue.path.length > 0 ? ` in ${issue.path.join('.')}` : ''}; rename or remove it (${hint})`,
          );
        let node: unknown = doc.getIn(issue.path as Array<string | number>, true);
        for (let p = issue.path.length - 1; !isNode(node) && p >= 0; p--)
          node = doc.getIn(issue.path.slice(0, p) as Array<string | number>, true);
        return `${file}:${lineOf(node)}: ${issue.path.join('.') || 'the file'}: ${issue.message} (${hint})`;
      }),
    );
  return result.data as z.output<S>;
}
