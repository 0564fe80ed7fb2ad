/**
 * What the view modules hand the pages: runs of text that may be links or dates, and the page
 * paths they link to. The paths come from src/site/url.ts (base-aware); tests pass their own.
 */

/** A run of text: plain, a link, a date (`<time>`), or secondary (`.meta`). */
export interface Part {
  text: string;
  href?: string;
  /** ISO date for `<time datetime>`. */
  datetime?: string;
  meta?: boolean;
}

/** One line of parts, indented `depth` levels in a list. */
export interface Line {
  parts: Part[];
  depth: number;
}

/** The page paths a view links to. */
export interface Paths {
  filing: (id: string) => string;
  department: (slug: string) => string;
  contractor: (slug: string) => string;
  basis: (slug: string) => string;
  year: (year: string) => string;
  item: (slug: string) => string;
  matter: (slug: string) => string;
  meeting: (slug: string) => string;
  clauseVersion: (id: string) => string;
  compare: (a: string, b: string) => string;
  source: (name: string) => string;
}

/** A line of parts at depth 0. */
export function line(...parts: Part[]): Line {
  return { parts, depth: 0 };
}

/** A plain run, or a link when `href` is given. */
export function link(text: string, href: string | undefined): Part {
  return href ? { text, href } : { text };
}
