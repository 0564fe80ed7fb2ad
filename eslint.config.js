// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

// ---- Boundaries between the folders of src/lib/ (README, "Layout"). A rule per group of files,
// each with every pattern that applies to it: ESLint keeps only the last options of a rule that
// several config objects give one file.
const restrict = (message, regex, allowTypeImports = false) => ({ regex, message, allowTypeImports });
const LIB_UP = restrict(
  'src/lib/ is below the site: it never imports the site, its pages, its browser code or the scripts',
  String.raw`^(\.\./)+(site|pages|components|layouts|browser|scripts)/`,
);
const CORE = restrict('core/ imports nothing of ours outside core/: everything else builds on it', String.raw`^\.\./`);
const NO_FS = restrict(
  'file I/O only in modules named *-fs.ts (and the indexer): this module is pure',
  String.raw`^(node:)?(fs|fs/promises|child_process)$`,
);
const VIEWS = restrict(
  'views, charts and rendering do no file I/O: take what a *-fs.ts module read as an argument',
  String.raw`-fs\.ts$`,
  true,
);
const BROWSER_NODE = restrict(
  'runs in the browser: no Node modules',
  String.raw`^(node:.*|fs|fs/promises|path|crypto|os|url|module|child_process|util|stream|buffer|worker_threads)$`,
);
const BROWSER_FS = restrict('runs in the browser: never a *-fs.ts module (a type is fine)', String.raw`-fs\.ts$`, true);
const BROWSER_INDEXER = restrict('runs in the browser: the indexer is build-time code', String.raw`/indexer/`, true);
const LATER_STAGES = String.raw`^\.\./(normalise|parse-filing|importer|lossless)\.ts$|^\.\./(recognise|body|facts)/`;
const DECODE = restrict(
  'decoding is the first stage: it never imports a later one (shared pieces live in import/source.ts, lines.ts, messages.ts)',
  LATER_STAGES,
);
const SHARED = restrict(
  "import/'s shared pieces (source, lines, messages) import no stage",
  String.raw`^\./(normalise|parse-filing|importer|lossless)\.ts$|^\./(decode|recognise|body|facts)/`,
);
const RECOGNISE = restrict(
  'recognising the form comes before building the body: it never imports body/ (what both need lives in recognise/)',
  String.raw`^\.\./body/`,
);
const BODY = restrict(
  'building the body comes before reading the facts: it never imports facts/ (the facts read what the body found)',
  String.raw`^\.\./facts/`,
);
const BROWSER = [BROWSER_NODE, BROWSER_FS, BROWSER_INDEXER];
const boundary = (files, ignores, patterns) => ({
  files,
  ignores,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});
const FS_FILES = ['src/lib/**/*-fs.ts', 'src/lib/search/indexer/**'];
const boundaries = [
  boundary(['src/lib/**/*.ts'], FS_FILES, [LIB_UP, NO_FS]),
  boundary(FS_FILES, [], [LIB_UP]),
  boundary(['src/lib/core/*.ts'], ['src/lib/core/*-fs.ts'], [CORE, LIB_UP, NO_FS, ...BROWSER]),
  boundary(['src/lib/core/*-fs.ts'], [], [CORE, LIB_UP]),
  boundary(['src/lib/search/*.ts', 'src/lib/words/*.ts'], [], [LIB_UP, NO_FS, ...BROWSER]),
  boundary(['src/lib/views/**/*.ts', 'src/lib/charts/**/*.ts', 'src/lib/render/**/*.ts'], [], [LIB_UP, NO_FS, VIEWS]),
  boundary(['src/lib/views/table-filter.ts'], [], [LIB_UP, NO_FS, VIEWS, ...BROWSER]),
  boundary(['src/lib/import/decode/**/*.ts'], [], [LIB_UP, NO_FS, DECODE]),
  boundary(['src/lib/import/recognise/**/*.ts'], [], [LIB_UP, NO_FS, RECOGNISE]),
  boundary(['src/lib/import/body/**/*.ts'], [], [LIB_UP, NO_FS, BODY]),
  boundary(['src/lib/import/source.ts', 'src/lib/import/lines.ts', 'src/lib/import/messages.ts'], [], [LIB_UP, NO_FS, SHARED]),
  boundary(['src/browser/**/*.ts'], [], BROWSER),
];

export default tseslint.config(
  { ignores: ['dist/', '**/.astro/', 'node_modules/', 'coverage/', 'scripts/dev/'] /* local scratch, git-ignored */ },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    // Tests index into known fixtures (the seeds); a wrong index fails the test at once.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  ...boundaries,
);
