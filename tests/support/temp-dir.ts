/**
 * Every test run gets a temporary folder of its own, removed when the run ends: the tests (and the
 * builds, browsers and importers they start, which inherit TMPDIR) make hundreds of folders with
 * mkdtemp, and they piled up in the machine's /tmp run after run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function setup(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'council-archive-tests-'));
  process.env['TMPDIR'] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
