/** Entry point of `npm run import`: see scripts/lib/import-run.ts. */
import { runImport } from './lib/import-run.ts';

process.exitCode = await runImport(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
