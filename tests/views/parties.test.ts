/** src/lib/views/parties.ts: a filing's contractors read back into 委託先, members, subcontractors and sides. */
import { describe, expect, it } from 'vitest';
import { partySides } from '../../src/lib/views/parties.ts';
import { contractorSchema } from '../../src/lib/record/schema.ts';
import { CHANGE } from '../support/view-fixtures.ts';

const contractors = (CHANGE ?? []).map((c) => contractorSchema.parse(c));

describe('partySides', () => {
  it('is empty when the filing names no company', () => {
    expect(partySides([])).toEqual([]);
  });

  it('puts subcontractors under the 委託先 of one side', () => {
    const sides = partySides([
      { name: 'X', role: '委託先' },
      { name: 'Y', role: '再委託先', task: '保守' },
    ]);
    expect(sides).toEqual([
      {
        parties: [{ name: 'X', role: '委託先', members: [], subs: [{ name: 'Y', role: '再委託先', task: '保守', members: [], subs: [] }] }],
      },
    ]);
  });

  it('splits a change into 変更前 and 変更後, members in their 企業体', () => {
    const [before, after] = partySides(contractors);
    expect(before?.change).toBe('変更前');
    expect(before?.parties.map((p) => [p.name, p.members.map((m) => `${m.role}:${m.name}`)])).toEqual([
      ['甲企業体', ['代表企業:A株式会社', '構成企業:B株式会社']],
    ]);
    expect(after?.change).toBe('変更後');
    expect(after?.parties.map((p) => [p.name, p.subs.map((s) => `${s.task}:${s.name}`)])).toEqual([
      ['B株式会社', ['保守:C株式会社', 'コールセンター:D株式会社']],
    ]);
  });

  it('makes a group named only by its members a party of its own', () => {
    const [side] = partySides([{ name: 'A', role: '代表企業', group: 'G共同企業体' }]);
    expect(side?.parties).toEqual([
      { name: 'G共同企業体', role: '委託先', implied: true, members: [{ name: 'A', role: '代表企業', members: [], subs: [] }], subs: [] },
    ]);
  });

  it('finds a group by its key whatever its spelling', () => {
    const [side] = partySides([
      { name: '株式会社ＧＸ', role: '委託先' },
      { name: 'A', role: '構成企業', group: 'GX株式会社' },
    ]);
    expect(side?.parties.map((p) => [p.name, p.members.length])).toEqual([['株式会社ＧＸ', 1]]);
  });
});
