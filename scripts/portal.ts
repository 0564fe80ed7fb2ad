/**
 * `npm run portal -- --archives LIST --out DIR [--base /path/]`: a portal that searches several
 * separately built archives together (src/lib/portal/build-fs.ts). LIST: archives separated by
 * commas (or several --archives), each the dist/ folder of a built archive, its address
 * (https://…/archive/), or DIR=https://… for a folder whose archive was built without
 * ARCHIVE_SITE. An archive that cannot be read or whose index the portal cannot query is left
 * out with a message; the portal is built over the others and the exit status is 1.
 */
import { parseArgs } from 'node:util';
import { buildPortal } from '../src/lib/portal/build-fs.ts';

const usage = 'usage: npm run portal -- --archives DIR|URL[,DIR|URL…] --out DIR [--base /path/]';
let values: { archives?: string[]; out?: string; base?: string };
try {
  ({ values } = parseArgs({
    options: { archives: { type: 'string', multiple: true }, out: { type: 'string' }, base: { type: 'string' } },
  }));
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}
const archives = (values.archives ?? []).flatMap((a) => a.split(',')).filter((a) => a.trim() !== '');
if (archives.length === 0 || !values.out) {
  console.error(usage);
  process.exit(2);
}
const { problems } = await buildPortal({ archives, out: values.out, ...(values.base ? { base: values.base } : {}) });
for (const p of problems) console.error(`portal: ${p}`);
process.exit(problems.length > 0 ? 1 : 0);
