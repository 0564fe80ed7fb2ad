/**
 * Text in build-time SVG pictures. SVG text does not wrap and the build has no font to measure
 * with, so widths are estimated: a full-width character (kanji, kana, full-width forms) is one em,
 * anything else about 0.6 em — close enough for the Japanese UI fonts the site uses.
 */

/** The estimated width of a text in ems. */
export function textEms(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(ch)
      ? 1
      : 0.6;
  return w;
}

/**
 * A text cut into lines of at most `maxEms` ems. Japanese breaks between any two characters, but
 * not before closing brackets and punctuation (行頭禁則) and not inside a run of Latin letters and
 * digits, which moves to the next line whole when it fits there.
 */
export function wrapText(text: string, maxEms: number): string[] {
  const tokens = text.match(/[A-Za-z0-9&@._\-/]+|[\s\S]/gu) ?? [];
  const lines: string[] = [];
  let current = '';
  for (const t of tokens) {
    if (textEms(t) > maxEms) {
      // A Latin run longer than a line: broken by characters.
      for (const ch of t) {
        if (textEms(current + ch) > maxEms && current) {
          lines.push(current);
          current = '';
        }
        current += ch;
      }
      continue;
    }
    const fits = textEms(current + t) <= maxEms;
    const noBreakBefore = /^[、。，．）」』】〕）・ー！？,.)\]]/u.test(t);
    if (fits || current === '' || (noBreakBefore && textEms(current + t) <= maxEms + 1)) {
      current += t;
      continue;
    }
    lines.push(current);
    current = t.trimStart();
  }
  if (current) lines.push(current);
  return lines;
}
