/**
 * What the search page shows: result items (their excerpt and the forms that found them), pages
 * of results, year chips, the forms of each term, facets, help when nothing is found, and the
 * archives that did not answer. Everything from an index is inserted as text. Rendering holds no
 * state: the page (./page.ts) passes what to mark and how to act.
 */
import { SEARCH_UI as W } from '../../lib/words/search.ts';
import { explain, resultText } from '../../lib/search/explain.ts';
import type { Help } from '../../lib/search/help.ts';
import { ownLink, type Counts } from '../../lib/search/sources.ts';
import { withoutYear, yearLabel, type Variant, type YearChip } from '../../lib/search/query.ts';
import { clauseSetOfValue, containsTerm, excerpt, type ExcerptPart } from '../../lib/search/tokens.ts';
import { SEARCH_FACETS, type SearchFacet } from '../../lib/search/format.ts';
import type { Expansion, PagefindResult, PagefindResultData } from '../../lib/search/results.ts';
import type { Filters, SearchState as State } from '../../lib/search/url-state.ts';
import { load, portal, sources, type Source } from './archives.ts';

/** Results shown a page at a time. */
export const PAGE = 10;

/** The words a result was found by (every active form of every term, marked in excerpts) and every form (for "matched by"). */
export interface Marking {
  marks: string[];
  forms: Variant[];
}

/** What the controls of the page do: change the state in the URL and search, or search again. */
export interface Actions {
  go(change: Partial<State>): void;
  run(): void;
  state(): State;
}

/** A result with the archive it came from. */
export interface Shown {
  d: PagefindResultData;
  source: Source;
}
export type Item = () => Promise<Shown | undefined>;

/** A result's data as an item of the list; a fragment that fails to load (its archive went away) is left out. */
export function itemOf(r: PagefindResult, source: Source): Item {
  return () =>
    r.data().then(
      (d) => ({ d, source }),
      () => undefined,
    );
}

/** The text of a clause set (its search record's), fetched once per archive. */
function clauseText(source: Source, set: string): Promise<string> {
  let text = source.clauseTexts.get(set);
  if (!text) {
    text = load(source)
      .then((pf) => pf.search(null, { filters: { set } }))
      .then(async (r) => (await r?.results[0]?.data())?.meta['text'] ?? '');
    source.clauseTexts.set(set, text);
  }
  return text;
}

function partsInto(el: HTMLElement, parts: ExcerptPart[]): void {
  for (const part of parts) {
    if (part.hit) {
      const m = document.createElement('mark');
      m.textContent = part.text;
      el.append(m);
    } else el.append(part.text);
  }
}

/** A result's explanation: the fact with its label, or the body's sentence; from its 特記事項 when only they hold it. */
async function explanationOf({ d, source }: Shown, marks: string[]): Promise<HTMLElement> {
  const p = document.createElement('p');
  p.className = 'excerpt';
  const e = explain(d.meta, marks);
  if (e.parts.some((x) => x.hit)) {
    if (e.label) {
      const label = document.createElement('span');
      label.className = 'excerpt-source';
      label.textContent = `${e.label}：`;
      p.append(label);
    }
    partsInto(p, e.parts);
    return p;
  }
  const id = d.filters?.['clauseset']?.[0];
  const set = source.clauseSets.find((value) => clauseSetOfValue(value) === id);
  if (set) {
    const label = document.createElement('span');
    label.className = 'excerpt-source';
    label.textContent = W.clauseSource;
    p.append(label);
    partsInto(p, excerpt(await clauseText(source, set), marks));
  } else partsInto(p, e.parts);
  return p;
}

async function resultItem(shown: Shown, { marks, forms }: Marking): Promise<HTMLLIElement> {
  const { d, source } = shown;
  const li = document.createElement('li');
  li.className = 'result';
  const h = document.createElement('h2');
  const a = document.createElement('a');
  // Only a link on the archive's own origin (an archive is untrusted on a portal); one that is
  // stays as written.
  const home = new URL(source.site, location.href).href;
  const link = ownLink(d.url, home);
  a.href = link !== home || d.url === home ? d.url : link;
  a.textContent = d.meta['title'] ?? d.url;
  h.append(a);
  const meta = document.createElement('p');
  meta.className = 'meta';
  if (portal) {
    const m = document.createElement('span');
    m.className = 'municipality';
    m.textContent = source.label;
    meta.append(m, ' ');
  }
  const kind = document.createElement('span');
  kind.className = 'kind';
  kind.textContent = d.meta['kind'] ?? '';
  meta.append(kind, ` ${d.meta['dateLabel'] ?? ''}・${d.meta['department'] ?? ''}`);
  if (d.meta['version']) {
    const v = document.createElement('span');
    v.className = 'version';
    v.textContent = `${W.version}${d.meta['version']}`;
    meta.append(' ', v);
  }
  li.append(h, meta);
  if (marks.length > 0) li.append(await explanationOf(shown, marks));
  // Which form found it, when a term was searched in more than one.
  const text = resultText(d.meta);
  const by = forms.filter((f) => f.source !== 'typed' && containsTerm(text, f.text)).map((f) => f.text);
  if (by.length > 0) {
    const m = document.createElement('p');
    m.className = 'matched';
    m.textContent = `${W.matched}${[...new Set(by)].join('、')}`;
    li.append(m);
  }
  return li;
}

export async function appendPage(
  into: HTMLOListElement,
  items: Item[],
  from: number,
  button: HTMLButtonElement | null,
  marking: Marking,
): Promise<void> {
  // A page at once: a reader never sees half a page, and the button's state changes with the list.
  const page = (await Promise.all(items.slice(from, from + PAGE).map((f) => f()))).filter((x): x is Shown => x !== undefined);
  const nodes = await Promise.all(page.map((d) => resultItem(d, marking)));
  into.append(...nodes);
  if (button) button.hidden = items.length <= from + PAGE;
}

export function renderChips(chipsBox: HTMLElement, chips: YearChip[], q: string, { go }: Actions): void {
  chipsBox.replaceChildren();
  chipsBox.hidden = chips.length === 0;
  for (const chip of chips) {
    const label = yearLabel(chip.value, chip.facet === 'fy');
    const span = document.createElement('span');
    span.className = 'chip';
    span.append(W.yearChip(label));
    const x = document.createElement('button');
    x.type = 'button';
    x.textContent = '×';
    x.setAttribute('aria-label', W.removeChip(label));
    x.addEventListener('click', () => go({ q: withoutYear(q, chip) }));
    span.append(x);
    chipsBox.append(span);
  }
}

export function renderExpansions(
  expansionsBox: HTMLElement,
  expansions: Expansion[],
  off: string[],
  { go, state: current }: Actions,
): void {
  expansionsBox.replaceChildren();
  const shown = expansions.filter((s) => s.variants.length > 1);
  expansionsBox.hidden = shown.length === 0;
  for (const s of shown) {
    const box = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = W.expandedFor(s.term.text);
    box.append(legend);
    for (const { variant, count } of s.variants) {
      if (variant.source === 'typed') continue;
      const label = document.createElement('label');
      const check = document.createElement('input');
      check.type = 'checkbox';
      check.checked = !off.includes(variant.text);
      check.dataset['variant'] = variant.text;
      check.addEventListener('change', () => {
        const state = current();
        const next = check.checked ? state.off.filter((o) => o !== variant.text) : [...state.off, variant.text];
        go({ off: next });
      });
      const what = document.createElement('span');
      what.className = 'variant-source';
      what.textContent = W.sources[variant.source];
      label.append(check, variant.text, count === undefined ? '' : W.variantCount(count), what);
      box.append(label);
    }
    expansionsBox.append(box);
  }
}

/** A facet value as a reader reads it: years in the era, versions by name. */
export function facetLabel(f: SearchFacet, v: string, versionNames: Record<string, string>): string {
  if (f === 'year') return yearLabel(v);
  if (f === 'fy') return yearLabel(v, true);
  if (f === 'version') return versionNames[v] ?? v;
  return v;
}

export function renderFacets(
  facetsBox: HTMLElement,
  counts: Counts,
  filters: Filters,
  versionNames: Record<string, string>,
  { go, state }: Actions,
): void {
  facetsBox.replaceChildren();
  for (const f of SEARCH_FACETS) {
    const values = Object.entries(counts[f] ?? {}).filter(([, n]) => n > 0);
    const chosen = filters[f];
    if (chosen && !values.some(([v]) => v === chosen)) values.push([chosen, 0]);
    if (values.length === 0) continue;
    values.sort((a, b) => (f === 'year' || f === 'fy' ? b[0].localeCompare(a[0]) : b[1] - a[1] || a[0].localeCompare(b[0], 'ja')));
    const label = document.createElement('label');
    label.textContent = W.facets[f];
    const select = document.createElement('select');
    select.name = f;
    select.append(new Option(W.all, ''));
    for (const [v, n] of values) select.append(new Option(`${facetLabel(f, v, versionNames)}（${n}）`, v, false, v === chosen));
    select.addEventListener('change', () => go({ filters: { ...state().filters, [f]: select.value } }));
    label.append(select);
    facetsBox.append(label);
  }
}

export function renderHelp(helpBox: HTMLElement, help: Help[], filters: Filters, { go }: Actions): void {
  helpBox.replaceChildren();
  helpBox.hidden = help.length === 0;
  if (help.length === 0) return;
  const lead = document.createElement('p');
  lead.textContent = W.whyNone;
  const ul = document.createElement('ul');
  for (const h of help) {
    const li = document.createElement('li');
    if (h.kind === 'term-none') li.textContent = W.termFoundNothing(h.term);
    else if (h.kind === 'term-alone') li.textContent = W.termFound(h.term, h.count);
    else if (h.kind === 'filter') {
      li.append(W.filterEmptied(h.label, h.count), ' ');
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = W.dropFilter(h.label);
      b.addEventListener('click', () => go({ filters: { ...filters, [h.facet]: '' } }));
      li.append(b);
    } else {
      li.append(W.tryInstead, ' ');
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = `${h.text}${W.variantCount(h.count)}`;
      b.addEventListener('click', () => go({ q: h.text, off: [] }));
      li.append(b);
    }
    ul.append(li);
  }
  helpBox.append(lead, ul);
}

/** The archives that did not answer this search, and those refused for their index's format, with a retry. */
export function renderUnanswered(unanswered: HTMLElement, silent: Source[], { run }: Actions): void {
  unanswered.replaceChildren();
  const refused = sources.filter((s) => s.refused);
  unanswered.hidden = silent.length === 0 && refused.length === 0;
  for (const s of refused) {
    const p = document.createElement('p');
    p.textContent = s.refused ?? '';
    unanswered.append(p);
  }
  if (silent.length === 0) return;
  const p = document.createElement('p');
  p.append(W.unanswered(silent.map((s) => s.label)), ' ');
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.textContent = W.retry;
  retry.addEventListener('click', () => void run());
  p.append(retry);
  unanswered.append(p);
}
