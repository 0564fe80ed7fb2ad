/** `content/archive.yaml` read from a content folder (the schema and defaults are config.ts's). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG, parseArchiveConfig, type ArchiveConfig } from './config.ts';

/** The configuration file of a content folder. */
export function configFile(dir: string): string {
  return path.join(dir, 'archive.yaml');
}

/** `<dir>/archive.yaml`, or the seeds' ward when the file does not exist. */
export function loadArchiveConfig(dir: string): ArchiveConfig {
  const file = configFile(dir);
  if (!existsSync(file)) return DEFAULT_CONFIG;
  return parseArchiveConfig(readFileSync(file, 'utf8'), file);
}
