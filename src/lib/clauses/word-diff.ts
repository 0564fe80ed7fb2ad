/** Word diffs on kuromoji tokens, computed with the `diff` library. */
import { diffArrays } from 'diff';
import type { WordSplitter } from './wording.ts';

/** A piece of a word diff. */
export interface DiffPart {
  text: string;
  changed: boolean;
}

/** Word diff of one old and one new text, as the two columns of a 新旧対照表. */
export interface WordDiff {
  old: DiffPart[];
  new: DiffPart[];
}

/** Word diff on kuromoji tokens with diffArrays: changed words marked in both columns. */
export function wordDiff(oldText: string, newText: string, words: WordSplitter): WordDiff {
  const parts = diffArrays(words(oldText), words(newText));
  const out: WordDiff = { old: [], new: [] };
  const push = (side: DiffPart[], text: string, changed: boolean): void => {
    const last = side[side.length - 1];
    if (last && last.changed === changed) last.text += text;
    else if (text) side.push({ text, changed });
  };
  for (const p of parts) {
    const text = p.value.join('');
    if (p.added) push(out.new, text, true);
    else if (p.removed) push(out.old, text, true);
    else {
      push(out.old, text, false);
      push(out.new, text, false);
    }
  }
  return out;
}
