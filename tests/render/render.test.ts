/** src/lib/render/render.ts and its plugins: headings with ids, column widths, the note on lost formatting. */
import { describe, expect, it } from 'vitest';
import { columnWidth } from '../../src/lib/render/rehype-column-widths.ts';
import { FORMAT_REFERENCE } from '../../src/lib/render/rehype-format-note.ts';
import { renderBody } from '../../src/lib/render/render.ts';

describe('renderBody', () => {
  it('gives section headings ids and lists them', () => {
    const { html, headings } = renderBody('## 事業の概要\n\n本文\n\n### 小見出し\n\n## 特記事項\n');
    expect(headings).toEqual([
      { id: 'body-1', text: '事業の概要' },
      { id: 'body-2', text: '特記事項' },
    ]);
    expect(html).toContain('<h2 id="body-1">事業の概要</h2>');
  });

  it('says where the text refers to formatting the page cannot show, linking the original', () => {
    const md = '※太ゴシック（下線）は、前回からの変更内容\n';
    expect(renderBody(md, { original: '/sources/x.txt' }).html).toBe(
      '<p>※太ゴシック（下線）は、前回からの変更内容<span class="format-note">原本ではこの部分の文字が太字や下線で示されていますが、このページの本文では書式を再現していません。変更箇所は原本で確認してください：<a href="/sources/x.txt">原本</a></span></p>',
    );
    expect(renderBody(md).html).not.toContain('<a');
    expect(renderBody('下線を引く作業を委託する。\n').html).not.toContain('format-note');
  });

  it('marks each column of a table with a width from its cells', () => {
    const md = '| No. | 手続名 | ID |\n| - | - | - |\n| 1 | 住居表示変更証明書交付申請 |  |\n| 2 | 災害時要援護者登録名簿登録申出 |  |\n';
    const { html } = renderBody(md);
    expect(html).toContain('<th class="col-narrow">No.</th>\n<th class="col-wide">手続名</th>\n<th class="col-narrow">ID</th>');
    expect(html).toContain('<td class="col-narrow">1</td>\n<td class="col-wide">住居表示変更証明書交付申請</td>');
    expect(html).toContain('<div class="table-wrap" tabindex="0" role="region" aria-label="表1">');
  });

  it('still sanitises: no script, no handlers', () => {
    const { html } = renderBody('<p onclick="x()">a</p><script>alert(1)</script>\n');
    expect(html).not.toMatch(/onclick|<script/u);
  });
});

describe('columnWidth', () => {
  it('is wide for running text, mid for names, narrow for marks, numbers and empty cells', () => {
    expect(columnWidth(3, [40, 30, 25, 20, 18])).toBe('col-wide');
    expect(columnWidth(4, [5, 6, 7, 5, 9])).toBe('col-mid');
    // The label column of a two-column table: 事業名, 担当課, 目的, 対象者, 事業内容.
    expect(columnWidth(2, [3, 3, 2, 3, 4])).toBe('col-mid');
    expect(columnWidth(9, [0, 0, 1, 0])).toBe('col-narrow');
    // One long cell among short ones does not widen the column.
    expect(columnWidth(2, [1, 1, 1, 1, 1, 1, 1, 1, 1, 40])).toBe('col-narrow');
  });
});

describe('FORMAT_REFERENCE', () => {
  it('finds what a typeface or an underline is said to mark', () => {
    for (const t of ['※太ゴシック（下線）は、変更内容', '下線部は改正箇所', '網掛けの部分が追加'])
      expect(FORMAT_REFERENCE.test(t)).toBe(true);
    expect(FORMAT_REFERENCE.test('ゴシックの看板を設置する')).toBe(false);
  });
});
