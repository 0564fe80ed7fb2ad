/**
 * Filters and sorting for the tables that carry them (the filings list, the who-got-which-data
 * tables): progressive enhancement, so without script every row shows. A form
 * `form[data-filter-for=<table id>]` narrows the rows by their `data-*` values (and, with
 * `data-url`, keeps the filter in the URL under the same parameter names as the search page); the
 * caption's count and the status follow. Buttons `th button[data-sort]` sort the rows. The logic
 * is in src/lib/views/table-filter.ts; words come from the page (data-* attributes set from src/lib/words/).
 */
import { chosenFrom, fill, matches, queryOf, rowValues, sortOrder } from '../lib/views/table-filter.ts';

function filterable(form: HTMLFormElement): void {
  const table = document.getElementById(form.dataset['filterFor'] ?? '');
  const tbody = table?.querySelector('tbody');
  if (!table || !tbody) return;
  const rows = [...tbody.rows];
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const status = form.querySelector<HTMLElement>('[role="status"]');
  const count = table.querySelector<HTMLElement>('caption [data-count]');
  const caption = table.querySelector<HTMLElement>('caption [data-caption]');
  const captionAll = caption?.textContent ?? '';
  const useUrl = form.dataset['url'] !== undefined;
  form.hidden = false;
  if (useUrl) {
    const chosen = chosenFrom(
      new URLSearchParams(location.search),
      selects.map((s) => s.name),
    );
    for (const s of selects) s.value = chosen.find(([k]) => k === s.name)?.[1] ?? '';
  }
  const apply = (): void => {
    const chosen = selects.filter((s) => s.value !== '').map((s) => [s.name, s.value] as [string, string]);
    let shown = 0;
    for (const row of rows) {
      const ok = matches((key) => rowValues(row.dataset[key]), chosen);
      row.hidden = !ok;
      if (ok) shown++;
    }
    if (status) status.textContent = fill(form.dataset['status'] ?? '', { n: shown, total: rows.length });
    if (count) count.textContent = String(shown);
    if (caption) caption.textContent = chosen.length > 0 ? (form.dataset['captionFiltered'] ?? captionAll) : captionAll;
    if (useUrl) history.replaceState(null, '', `${location.pathname}${queryOf(chosen)}`);
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('reset', () => setTimeout(apply, 0));
  apply();
}

/** Sort a table's rows by `data-sort-<key>`, and mark the header of that key. */
function sortTable(table: HTMLTableElement, key: string, direction: 1 | -1): void {
  const tbody = table.tBodies[0];
  if (!tbody) return;
  const attr = `sort${key.replace(/^./u, (c) => c.toUpperCase())}`;
  for (const th of table.querySelectorAll('th[aria-sort]')) th.removeAttribute('aria-sort');
  table.querySelector(`th:has(button[data-sort="${key}"])`)?.setAttribute('aria-sort', direction === 1 ? 'ascending' : 'descending');
  const rows = [...tbody.rows];
  const order = sortOrder(
    rows.map((r) => r.dataset[attr] ?? ''),
    direction,
  );
  tbody.append(...order.map((i) => rows[i] as HTMLTableRowElement));
}

function sortable(button: HTMLButtonElement): void {
  const th = button.closest('th');
  const table = button.closest('table');
  if (!th || !table) return;
  button.hidden = false;
  th.querySelector('[data-sort-label]')?.setAttribute('hidden', '');
  button.addEventListener('click', () =>
    sortTable(table, button.dataset['sort'] ?? '', th.getAttribute('aria-sort') === 'ascending' ? -1 : 1),
  );
}

/** The form's sort select (phones, where the header buttons are hidden with the header): `key:1`, `key:-1`. */
function sortSelect(form: HTMLFormElement): void {
  const select = form.querySelector<HTMLSelectElement>('select[data-sort-select]');
  const table = document.getElementById(form.dataset['filterFor'] ?? '');
  if (!select || !(table instanceof HTMLTableElement)) return;
  form.hidden = false;
  select.addEventListener('change', () => {
    const [key, dir] = select.value.split(':');
    if (key) sortTable(table, key, dir === '-1' ? -1 : 1);
  });
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-filter-for]')) {
  filterable(form);
  sortSelect(form);
}
for (const button of document.querySelectorAll<HTMLButtonElement>('th button[data-sort]')) sortable(button);
