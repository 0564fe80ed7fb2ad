/**
 * The content loader of the record collections, after Astro's own glob loader
 * (astro/dist/content/loaders/glob.js): each entry is set with its `filePath` and a digest (an
 * unchanged record is not parsed again), entries whose file is gone are deleted, and in
 * `astro dev` a watcher on the folder syncs the store when a record is edited, added or removed,
 * so the preview shows the edit without a restart.
 *
 * It is not Astro's glob loader itself because the records are read by src/lib/record/load-fs.ts, which the
 * importer, the checker and the search indexer share (one reading of a record, with its file and
 * line in every message, and the archive's kinds checked).
 */
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { contentDir } from '../lib/record/load-fs.ts';

/** How long a changed record must stay unchanged before it is read again. */
const SETTLE_MS = 150;

/** A record read from its file. */
interface Read {
  data: { id: string };
  body: string;
  file: string;
}

/** A loader of the records under `<content>/<folder>/`, read all at once by `read`. */
export function recordLoader(name: string, folder: string, read: (dir: string) => Read[]): Loader {
  return {
    name,
    load: async (context: LoaderContext) => {
      const { logger, watcher } = context;
      const dir = path.join(contentDir(), folder);
      await sync(context, read);
      if (!watcher) return;
      watcher.add(dir);
      const reload = async (changed: string): Promise<void> => {
        try {
          await sync(context, read);
          logger.info(`reloaded ${path.relative(process.cwd(), changed)}`);
        } catch (e) {
          // A record with a mistake in it: say where, keep showing what was there before.
          logger.error((e as Error).message);
        }
      };
      // Read once the file has settled: an editor (or a script) that truncates then writes gives
      // a change event at the truncation, and the watcher drops a second event for the same file
      // within 50 ms — read at once, the record was empty and the finished write never seen.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onChange = (changed: string): void => {
        if (path.dirname(path.resolve(changed)) !== dir || !/\.md$/iu.test(changed)) return;
        clearTimeout(timer);
        timer = setTimeout(() => void reload(changed), SETTLE_MS);
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', onChange);
    },
  };
}

/** Bring the store in line with the folder: new and changed records set, vanished ones deleted. */
async function sync({ store, parseData, generateDigest, config }: LoaderContext, read: (dir: string) => Read[]): Promise<void> {
  const untouched = new Set(store.keys());
  const root = config.root.pathname;
  for (const record of read(contentDir())) {
    const id = record.data.id;
    untouched.delete(id);
    const digest = generateDigest(record.body + JSON.stringify(record.data));
    if (store.get(id)?.digest === digest) continue;
    const filePath = path.relative(root, record.file);
    const data = await parseData({ id, data: record.data as Record<string, unknown>, filePath });
    store.set({ id, data, body: record.body, filePath, digest });
  }
  for (const id of untouched) store.delete(id);
}
