/**
 * Text normalisation shared by the importer, the site and search.
 *
 * Filings arrive with mixed widths (２０２０, ＢＣＣ, half-width katakana), full- and
 * half-width brackets, and digits spread by spaces from PDF extraction. Comparisons
 * and keys use NFKC; stored text keeps what was written.
 */

/** NFKC-normalise (full-width digits and letters to ASCII, half-width kana to full-width). */
export function nfkc(text: string): string {
  return text.normalize('NFKC');
}

/** NFKC and remove every kind of whitespace: the form used to compare labels and keys. */
export function compact(text: string): string {
  return nfkc(text).replace(/[\s\u200b\u3000]+/gu, '');
}

/**
 * CJK Radicals Supplement (U+2E81–U+2EF3) and their equivalent unified ideographs, from the
 * Unicode Character Database's EquivalentUnifiedIdeograph.txt (⺠ → 民): NFKC leaves this block
 * alone. Pairs of a radical and its ideograph, space-separated (some ideographs are outside the
 * BMP, so pairs are split by code point). Written out because no maintained npm package carries
 * the property; the Kangxi Radicals block (U+2F00–U+2FD5) needs no table: NFKC maps it.
 */
const RADICAL_SUPPLEMENT = new Map(
  '⺁厂 ⺂乛 ⺃乚 ⺄乙 ⺅亻 ⺆冂 ⺇𠘨 ⺈刀 ⺉刂 ⺊卜 ⺋㔾 ⺌小 ⺍小 ⺎兀 ⺏尣 ⺐尢 ⺑𡯂 ⺒巳 ⺓幺 ⺔彑 ⺕彐 ⺖忄 ⺗心 ⺘扌 ⺙攵 ⺛旡 ⺜日 ⺝月 ⺞歺 ⺟母 ⺠民 ⺡氵 ⺢氺 ⺣灬 ⺤爫 ⺥爫 ⺦丬 ⺧牛 ⺨犭 ⺩王 ⺪𤴔 ⺫目 ⺬示 ⺭礻 ⺮𥫗 ⺯糹 ⺰纟 ⺱罓 ⺲罒 ⺳㓁 ⺴冗 ⺵𦉫 ⺶羊 ⺷𦍌 ⺸𦍋 ⺹耂 ⺺肀 ⺻聿 ⺼肉 ⺽𦥑 ⺾艹 ⺿艹 ⻀艹 ⻁虎 ⻂衤 ⻃覀 ⻄西 ⻅见 ⻆角 ⻇𧢲 ⻈讠 ⻉贝 ⻊𧾷 ⻋车 ⻌辶 ⻍辶 ⻎辶 ⻏邑 ⻐钅 ⻑長 ⻒镸 ⻓长 ⻔门 ⻕𨸏 ⻖阝 ⻗雨 ⻘青 ⻙韦 ⻚页 ⻛风 ⻜飞 ⻝食 ⻞𩙿 ⻟飠 ⻠饣 ⻡𩠐 ⻢马 ⻣骨 ⻤鬼 ⻥鱼 ⻦鸟 ⻧卤 ⻨麦 ⻩黄 ⻪黾 ⻫斉 ⻬齐 ⻭歯 ⻮齿 ⻯竜 ⻰龙 ⻱龜 ⻲亀 ⻳龟'
    .split(' ')
    .map((p) => [...p] as [string, string]),
);

/**
 * Two Kangxi radicals whose NFKC form is the traditional ideograph (戶, 靑) where a Japanese font
 * draws, and a Japanese writer types, the JIS form (戸, 青): a Japanese PDF's ⼾ was 戸.
 */
const JAPANESE_FORMS = new Map([
  ['\u2f3e', '\u6238'],
  ['\u2fad', '\u9752'],
]);

/**
 * Radicals as the ideographs they look like: `区⺠` → `区民`, `⽉` → `月`. A PDF's text layer
 * often gives a radical's code point for an ideograph's glyph (the font maps both to one glyph
 * and its ToUnicode table names the radical), so text copied from such a PDF no longer matches
 * what was written. Counted, so the importer can say how many it changed.
 */
export function unifyRadicals(text: string): { text: string; changed: number } {
  let changed = 0;
  const out = text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/gu, (ch) => {
    const to = RADICAL_SUPPLEMENT.get(ch) ?? JAPANESE_FORMS.get(ch) ?? (ch >= '\u2f00' ? ch.normalize('NFKC') : ch);
    if (to !== ch) changed++;
    return to;
  });
  return { text: out, changed };
}

/** Collapse runs of whitespace (including U+3000) to one ASCII space and trim. */
export function squash(text: string): string {
  return text.replace(/[\s\u3000]+/gu, ' ').trim();
}

/**
 * Join digits that PDF extraction spread apart with spaces: `内線（3 1 7 3）` → `内線（3173）`,
 * `平成 28 年度第 8 回` → `平成28年度第8回`. Only whitespace between a digit and a digit,
 * or between a digit and a CJK character, is removed, so `ID 123 ABC` keeps its spaces.
 */
export function joinSpacedDigits(text: string): string {
  const cjk = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}（）()、。';
  return text
    .replace(/(?<=[0-9０-９])[ \u3000]+(?=[0-9０-９])/gu, '')
    .replace(new RegExp(`(?<=[0-9０-９])[ \\u3000]+(?=[${cjk}])`, 'gu'), '')
    .replace(new RegExp(`(?<=[${cjk}])[ \\u3000]+(?=[0-9０-９])`, 'gu'), '');
}

/** Strip one pair of enclosing brackets, full- or half-width: `（秘密の保持）` → `秘密の保持`. */
export function unbracket(text: string): string {
  const t = text.trim();
  const m = /^[（(【［[]\s*(.*?)\s*[）)】］\]]$/u.exec(t);
  return m?.[1] ?? t;
}

/** True when the text ends with sentence-final punctuation (used to detect page breaks). */
export function endsSentence(text: string): boolean {
  return /[。．.!！?？）)」』】]\s*$/u.test(text);
}

/** Bidirectional controls (embeddings, overrides, isolates, marks). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;

/** True when a text holds a bidirectional control: in a name it can make it read as another (社会式株ルーツ as ツール株式会社). */
export const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;

/**
 * Text as the site shows it: each bidirectional control made visible as its code point
 * (〔U+202E〕). Left in, an unclosed right-to-left override disguises a name (社会式株ルーツ
 * shows as ツール株式会社) and reverses what follows it on the page. Records keep what was written.
 */
export function revealControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `〔U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}〕`);
}

/** Every string in a value passed through revealControls (for a record's data as the site shows it). */
export function revealAll<T>(value: T): T {
  if (typeof value === 'string') return revealControls(value) as T;
  if (Array.isArray(value)) return value.map(revealAll) as T;
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revealAll(v)])) as T;
  return value;
}
