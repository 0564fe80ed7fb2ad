/** The registries read from a content folder's `registry/` (their schemas are registry.ts's). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { contractorsRegistrySchema, departmentsRegistrySchema, termsRegistrySchema, type Registries } from './registry.ts';
import { parseYamlFile } from './yaml-file.ts';

function readRegistry<S extends z.ZodType>(file: string, schema: S): z.output<S> | undefined {
  if (!existsSync(file)) return undefined;
  return parseYamlFile(readFileSync(file, 'utf8'), file, schema, 'see README, "Registries"');
}

/** Read `<dir>/registry/*.yaml`. */
export function loadRegistries(dir: string): Registries {
  const departments = readRegistry(path.join(dir, 'registry', 'departments.yaml'), departmentsRegistrySchema);
  const contractors = readRegistry(path.join(dir, 'registry', 'contractors.yaml'), contractorsRegistrySchema);
  const terms = readRegistry(path.join(dir, 'registry', 'terms.yaml'), termsRegistrySchema);
  return { ...(departments ? { departments } : {}), ...(contractors ? { contractors } : {}), ...(terms ? { terms } : {}) };
}
