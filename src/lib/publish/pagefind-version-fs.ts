/** Which Pagefind the project builds with, read from its installed package. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The version of the Pagefind this project builds with (its package.json; the package exports no other file). */
export function pagefindVersion(): string {
  const entry = fileURLToPath(import.meta.resolve('pagefind'));
  const pkg = JSON.parse(readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string') throw new Error(`${entry}: Pagefind's package.json has no version`);
  return pkg.version;
}
