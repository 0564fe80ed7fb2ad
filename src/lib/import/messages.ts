/** A problem found while importing, tied to a line of the source (1-based; 0 = whole file). */
export interface Problem {
  line: number;
  message: string;
}

/** Format a problem the way compilers do, so editors can jump to it: `file:line: message`. */
export function formatProblem(file: string, p: Problem): string {
  return p.line > 0 ? `${file}:${p.line}: ${p.message}` : `${file}: ${p.message}`;
}

/**
 * Where an import stage says what a reader of the record should know (a warning) or what stops
 * the import (an error), tied to a line. Every stage after decoding is given one in its
 * `StageContext`, as Astro's content loaders are given a logger; the decoders hand their notes
 * over with the document they make, as nothing is parsed yet.
 */
export interface Reporter {
  warn(line: number, message: string): void;
  error(line: number, message: string): void;
}

/** What every import stage is given beside its input. */
export interface StageContext {
  report: Reporter;
}

/** A reporter that keeps what it is told, in order, for the import's result. */
export interface Collected extends Reporter {
  readonly warnings: Problem[];
  readonly errors: Problem[];
}

/** A reporter that keeps what it is told, starting from the decoder's notes. */
export function collector(notes: readonly Problem[] = []): Collected {
  const warnings: Problem[] = [...notes];
  const errors: Problem[] = [];
  return {
    warnings,
    errors,
    warn: (line, message) => void warnings.push({ line, message }),
    error: (line, message) => void errors.push({ line, message }),
  };
}
