/** src/lib/import/merge.ts: the three-way merge of a re-import, field by field. */
import { describe, expect, it } from 'vitest';
import { describeConflict, mergeRecord } from '../../src/lib/import/merge.ts';

const rec = (data: Record<string, unknown>, body = 'body\n'): { data: Record<string, unknown>; body: string } => ({ data, body });

describe('mergeRecord', () => {
  const base = rec({ id: 'a', title: 'T', purpose: 'P', items: ['氏名'], source: { sha256: '1' } });
  it('keeps what staff changed, takes what the original changed, and always the new source and the old id', () => {
    const current = rec({ id: 'a', title: 'T', purpose: 'P (staff)', items: ['氏名'], source: { sha256: '1' } }, 'body (staff)\n');
    const incoming = rec({ id: 'b', title: 'T2', purpose: 'P', items: ['氏名', '住所'], source: { sha256: '2' } });
    const m = mergeRecord(base, current, incoming);
    expect(m.conflicts).toEqual([]);
    // The new original replaces the old one, which stays linked.
    expect(m.data).toEqual({
      id: 'a',
      title: 'T2',
      purpose: 'P (staff)',
      items: ['氏名', '住所'],
      source: { sha256: '2', replaces: ['1'] },
    });
    expect(m.body).toBe('body (staff)\n');
    expect(m.kept.sort()).toEqual(['body', 'purpose']);
    expect(m.taken.sort()).toEqual(['items', 'title']);
  });
  it('names a field both changed, unless told which side to take', () => {
    const current = rec({ ...base.data, title: 'T (staff)' });
    const incoming = rec({ ...base.data, title: 'T2' });
    expect(mergeRecord(base, current, incoming).conflicts).toEqual([{ field: 'title', record: 'T (staff)', source: 'T2' }]);
    expect(mergeRecord(base, current, incoming, 'record').data['title']).toBe('T (staff)');
    expect(mergeRecord(base, current, incoming, 'source').data['title']).toBe('T2');
    expect(describeConflict({ field: 'title', record: 'T (staff)', source: 'T2' })).toBe(
      'title: the record has 「T (staff)」, the original now gives 「T2」',
    );
  });
  it('without a base every differing field is a conflict; a field added or removed by staff counts too', () => {
    const current = rec({ id: 'a', title: 'T', note: 'staff note' });
    const incoming = rec({ id: 'a', title: 'T' });
    expect(mergeRecord(undefined, current, incoming).conflicts.map((c) => c.field)).toEqual(['note']);
    expect(mergeRecord(rec({ id: 'a', title: 'T' }), current, incoming).data).toEqual({ id: 'a', title: 'T', note: 'staff note' });
  });
});
