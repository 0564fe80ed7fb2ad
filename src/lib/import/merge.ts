/**
 * Re-importing an original into a record staff may have corrected: a three-way merge, field by
 * field, of what the importer last wrote (the base), the record as it is now, and what the
 * importer reads today. A field staff changed is kept; a field only the original changed is
 * taken; a field both changed differently is a conflict, named with both values, and the record
 * is not written until staff choose (`take`). Without a base (a record imported before bases were
 * kept) nobody can tell who changed what, so every field that differs is a conflict.
 *
 * The body counts as one field. The id is the file's name and stays as it is; `source` describes
 * the original imported now and is always taken.
 */

/** A record as fields: its frontmatter's keys and its body. */
export interface RecordFields {
  data: Record<string, unknown>;
  body: string;
}

/** A field changed on both sides. */
export interface Conflict {
  field: string;
  record: unknown;
  source: unknown;
}

export interface Merged extends RecordFields {
  conflicts: Conflict[];
  /** Fields staff changed, kept over the original's. */
  kept: string[];
  /** Fields the original changed, taken. */
  taken: string[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Merge `current` (the record now) and `incoming` (today's import) over `base` (the last import). */
export function mergeRecord(
  base: RecordFields | undefined,
  current: RecordFields,
  incoming: RecordFields,
  take?: 'source' | 'record',
): Merged {
  const out: Merged = { data: {}, body: '', conflicts: [], kept: [], taken: [] };
  const pick = (field: string, b: unknown, c: unknown, n: unknown, hasBase: boolean): unknown => {
    if (same(c, n)) return c;
    if (hasBase && same(c, b)) {
      out.taken.push(field);
      return n;
    }
    if (hasBase && same(n, b)) {
      out.kept.push(field);
      return c;
    }
    if (take === 'source') {
      out.taken.push(field);
      return n;
    }
    if (take === 'record') {
      out.kept.push(field);
      return c;
    }
    out.conflicts.push({ field, record: c, source: n });
    return c;
  };
  const keys = [...new Set([...Object.keys(incoming.data), ...Object.keys(current.data)])];
  for (const k of keys) {
    let v: unknown;
    if (k === 'id') v = current.data['id'] ?? incoming.data['id'];
    else if (k === 'source') v = newSource(current.data['source'], incoming.data['source']);
    else v = pick(k, base?.data[k], current.data[k], incoming.data[k], base !== undefined);
    if (v !== undefined) out.data[k] = v;
  }
  out.body = pick('body', base?.body, current.body, incoming.body, base !== undefined) as string;
  return out;
}

type Source = { sha256?: unknown; replaces?: unknown; copies?: unknown } & Record<string, unknown>;

/** A source's copies (the same document in other formats), as far as they are well formed. */
function copiesOf(s: Source): Array<Record<string, unknown> & { sha256: string }> {
  if (!Array.isArray(s.copies)) return [];
  return (s.copies as unknown[]).filter(
    (x): x is Record<string, unknown> & { sha256: string } =>
      typeof x === 'object' && x !== null && typeof (x as Source).sha256 === 'string',
  );
}

/**
 * The new original's source, linked to the ones it replaces when it is another file (a corrected
 * original), keeping the copies either side knows of (the importer adds them to the record, and
 * a re-import of the original alone does not know them).
 */
function newSource(current: unknown, incoming: unknown): unknown {
  const c = current as Source | undefined;
  const n = incoming as Source | undefined;
  if (!n || !c) return n ?? c;
  const copies = new Map<string, Record<string, unknown>>();
  for (const x of [...copiesOf(c), ...copiesOf(n)]) if (x.sha256 !== n.sha256 && x.sha256 !== c.sha256) copies.set(x.sha256, x);
  const withCopies = (s: Source): Source => {
    const rest = { ...s };
    delete rest.copies;
    return copies.size > 0 ? { ...rest, copies: [...copies.values()] } : rest;
  };
  if (typeof c.sha256 !== 'string' || c.sha256 === n.sha256) return withCopies(n);
  const earlier = Array.isArray(c.replaces) ? (c.replaces as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  return withCopies({ ...n, replaces: [...earlier.filter((x) => x !== n.sha256), c.sha256] });
}

/** A conflict as staff read it: the field and both values. */
export function describeConflict(c: Conflict): string {
  const show = (v: unknown): string =>
    v === undefined ? '(none)' : typeof v === 'string' ? `「${v.length > 120 ? `${v.slice(0, 120)}…` : v}」` : JSON.stringify(v);
  return `${c.field}: the record has ${show(c.record)}, the original now gives ${show(c.source)}`;
}
