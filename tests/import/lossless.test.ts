/** Every run of source text is in the record: on every seed, and the check itself can fail. */
import { describe, expect, it } from 'vitest';
import { fragmentToPlain, hasHtml } from '../../src/lib/import/decode/html.ts';
import { missingText, sourceRuns } from '../../src/lib/import/lossless.ts';
import { SEED_FILES, parse, seed } from '../support/helpers.ts';

describe('sourceRuns', () => {
  it('drops markup and form labels, keeps text', () => {
    expect(sourceRuns('## (秘密の保持)')).toEqual(['秘密の保持']);
    expect(sourceRuns('- 2 乙は、業務に')).toEqual(['2', '乙は', '業務に']);
    expect(sourceRuns('<b>事業名</b>\t証明書')).toEqual(['事業名', '証明書']);
    expect(sourceRuns('件 名\tマイナンバー')).toEqual(['マイナンバー']);
    expect(sourceRuns('----\t-------')).toEqual([]);
  });

  it('keeps angle brackets that open no tag as text, in the source and in the record alike', () => {
    expect(sourceRuns('<p>a<b かつ c>d</p>')).toEqual(['a<b', 'かつ', 'c>d']);
    expect(sourceRuns('<A社>と<B社>\t<NEC>')).toEqual(['<A社>と<B社>', '<NEC>']);
    expect(fragmentToPlain('<p>a<b かつ c>d</p>')).toBe('a<b かつ c>d');
    expect(fragmentToPlain('<NEC>と<p>契約</p>')).toBe('<NEC>と\n契約');
    expect(hasHtml('a<b かつ c>d')).toBe(false);
    expect(hasHtml('<b>事業名</b>')).toBe(true);
  });
});

describe('missingText', () => {
  it.each(SEED_FILES.map((f) => f.slice(0, 3)))('seed %s loses nothing', (prefix) => {
    const { text } = seed(prefix);
    const r = parse(text);
    expect(r.errors).toEqual([]);
    expect(missingText(text, r.data, r.body)).toEqual([]);
  });

  it('finds text missing from the body', () => {
    const { text } = seed('002');
    const r = parse(text);
    const body = r.body.replace('思想、信条及び宗教に関する事項', '思想に関する事項');
    expect(missingText(text, r.data, body)).toContainEqual({ line: expect.any(Number) as number, text: '信条及び宗教に関する事項' });
  });

  it('finds text missing from the frontmatter', () => {
    const { text } = seed('001');
    const r = parse(text);
    const data = { ...r.data, department: { section: '医療保険年金課' } };
    const missing = missingText(text, data, r.body).map((m) => m.text);
    expect(missing).toContain('国保整理係');
    expect(missing).toContain('小林');
  });
});
