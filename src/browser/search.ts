/**
 * The search page: the DOM and Pagefind; what a query means is src/lib/search/query.ts, where a
 * hit is src/lib/search/explain.ts, what to say when nothing is found src/lib/search/help.ts.
 * Queries are cut by src/lib/search/tokens.ts, the same code that cut the indexed text, and run
 * as exact phrases; several terms are ANDed; each term is found in any of its forms (as typed,
 * the words its kana reads as, its other names). The query, the facets and the forms switched
 * off live in the URL. Everything from the index is inserted as text.
 *
 * The page searches one archive, or on a portal (src/portal) several at once: each archive is
 * a source (src/lib/search/sources.ts) with its own Pagefind instance, names and readings,
 * searched as the archive's own page would search it; the results are put in one list. An
 * archive that does not answer is named and the others' results still show.
 *
 * The parts are in ./search/: the archives and their Pagefind instances (archives.ts), searching
 * them (engine.ts), what is shown (render.ts), the page's state and its run (page.ts). What is
 * done with the answers (combining terms, counting, ranking, the state in the URL) is pure and
 * tested in src/lib/search/. This file wires the page's events.
 */
import { elements } from './search/dom.ts';
import { SearchPage } from './search/page.ts';

const els = elements();
const page = new SearchPage(els);
const { form, input, more, clauseMore, clauseGroup, clauseList, ownOnly, facetsPanel, facetsBox, root } = els;

form?.addEventListener('submit', (e) => {
  e.preventDefault();
  page.go({ q: input?.value.trim() ?? '', off: [] });
});
more?.addEventListener('click', () => page.more(false));
clauseMore?.addEventListener('click', () => page.more(true));
clauseGroup?.addEventListener('toggle', () => {
  if (clauseGroup.open && clauseList && clauseList.childElementCount === 0) page.more(true);
});
ownOnly?.addEventListener('change', () => page.go({ own: ownOnly.checked }));
window.addEventListener('popstate', () => void page.run());
facetsPanel?.addEventListener('toggle', () => {
  if (facetsPanel.open && facetsBox?.childElementCount === 0) void page.run();
});
if (root) {
  root.hidden = false;
  void page.run();
}
