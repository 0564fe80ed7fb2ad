/** The indexer's persistent cache of split bodies: same answers as splitBody, kept across runs, never trusted blindly. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SplitCache } from '../../src/lib/search/indexer/split-cache.ts';
import { splitBody } from '../../src/lib/search/indexer/records.ts';
import { archiveRecords } from '../support/archive.ts';

const bodies = archiveRecords().map((r) => r.body);

describe('SplitCache', () => {
  it('answers as splitBody does, and a second run reads every body back from disk', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'split-cache-'));
    const first = new SplitCache(dir);
    expect(bodies.map(first.split)).toEqual(bodies.map(splitBody));
    expect(first.reused).toBe(0);
    first.save();
    const second = new SplitCache(dir);
    expect(bodies.map(second.split)).toEqual(bodies.map(splitBody));
    expect(second.reused).toBe(bodies.length);
  });

  it('an edited body is split again; bodies no longer asked for are dropped from the file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'split-cache-'));
    const first = new SplitCache(dir);
    bodies.forEach(first.split);
    first.save();
    const edited = `${bodies[0] ?? ''}\n\n追記：委託先から報告を受けた。\n`;
    const second = new SplitCache(dir);
    expect(second.split(edited)).toEqual(splitBody(edited));
    expect(second.reused).toBe(0);
    second.save();
    const kept = JSON.parse(readFileSync(second.file, 'utf8')) as { bodies: Record<string, unknown> };
    expect(Object.keys(kept.bodies)).toHaveLength(1);
  });

  it('a damaged file is reported and ignored; one from other code is ignored', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'split-cache-'));
    const warnings: string[] = [];
    writeFileSync(path.join(dir, 'search-split.json'), '{"version": "x", "bodies": {');
    const damaged = new SplitCache(dir, (m) => warnings.push(m));
    expect(warnings[0]).toMatch(/search-split\.json: unreadable search cache/u);
    expect(bodies.map(damaged.split)).toEqual(bodies.map(splitBody));
    // A cache written by other code (another version) is not used, even if its entries look right.
    const first = new SplitCache(dir, (m) => warnings.push(m));
    bodies.forEach(first.split);
    first.save();
    const file = JSON.parse(readFileSync(first.file, 'utf8')) as { version: string; bodies: Record<string, [string, string]> };
    for (const key of Object.keys(file.bodies)) file.bodies[key] = ['tampered', ''];
    file.version = 'other';
    writeFileSync(first.file, JSON.stringify(file));
    const other = new SplitCache(dir);
    expect(bodies.map(other.split)).toEqual(bodies.map(splitBody));
    expect(other.reused).toBe(0);
  });
});
