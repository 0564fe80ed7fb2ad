/**
 * Filtering and sorting of the site's tables in the browser (the filings list, the who-got-which-
 * data tables): pure functions over the rows' `data-*` values, so the page script
 * (src/browser/table-filter.ts) only reads and writes the DOM. Bundled for the browser: no Node.
 */

/** A row's values per key: a `data-*` attribute holds several values separated by line feeds. */
export function rowValues(attribute: string | undefined): string[] {
  return attribute ? attribute.split('\n') : [];
}

/** True when the row has every chosen value (an AND over the chosen filters). */
export function matches(values: (key: string) => string[], chosen: Array<[string, string]>): boolean {
  return chosen.every(([key, value]) => values(key).includes(value));
}

/** The chosen filters of a URL: parameters named as the form's fields, non-empty, in the form's order. */
export function chosenFrom(params: URLSearchParams, names: readonly string[]): Array<[string, string]> {
  return names.flatMap((n) => {
    const v = params.get(n);
    return v ? [[n, v] as [string, string]] : [];
  });
}

/** The query string of the chosen filters (`?section=…&item=…`), or '' when none. */
export function queryOf(chosen: Array<[string, string]>): string {
  const q = new URLSearchParams(chosen);
  return chosen.length > 0 ? `?${q.toString()}` : '';
}

/** Fill a label template: `{n}件を表示（全{total}件）`. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/gu, (m, k: string) => (k in values ? String(values[k]) : m));
}

/**
 * Compare two sort keys: ISO dates and numbers as such, other text in Japanese collation; an
 * empty key sorts last whichever the direction.
 */
export function compareKeys(a: string, b: string, direction: 1 | -1): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  const numeric = /^-?\d+(\.\d+)?$/u;
  const c = numeric.test(a) && numeric.test(b) ? Number(a) - Number(b) : a.localeCompare(b, 'ja', { numeric: true });
  return c * direction;
}

/** The order of rows sorted by one key; ties keep their order (Array.prototype.sort is stable). */
export function sortOrder(keys: string[], direction: 1 | -1): number[] {
  return keys
    .map((k, i) => ({ k, i }))
    .sort((x, y) => compareKeys(x.k, y.k, direction))
    .map((x) => x.i);
}
