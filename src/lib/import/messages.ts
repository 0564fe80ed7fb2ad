/** A problem found while importing, tied to a line of the source (1-based; 0 = whole file). */
export interface Problem {
  line: number;
  message: string;
}

/** Format a problem the way compilers do, so editors can jump to it: `file:line: message`. */
export function formatProblem(file: string, p: Problem): string {
  return p.line > 0 ? `${file}:${p.line}: ${p.message}` : `${file}: ${p.message}`;
}
