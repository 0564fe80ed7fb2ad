/**
 * Registries staff can edit: `content/registry/departments.yaml` and
 * `content/registry/contractors.yaml`. Both are optional; the site uses them when present.
 */
import { z } from 'zod';
import { isoDate } from './schema.ts';

/** A former name of a bureau or section, in force until a date. */
const formerName = z.object({
  name: z.string().min(1),
  /** Last day the old name was used (ISO). */
  until: isoDate.optional(),
});

/** ASCII slug for a page; derived from the reading when absent. */
const slug = z
  .string()
  .regex(/^[a-z0-9-]+$/u)
  .optional();
/** Other spellings of the same name. */
const aliases = z.array(z.string()).default([]);

/** A bureau (部) or section (課) as staff know it. */
const unitSchema = z.object({
  /** Current name. */
  name: z.string().min(1),
  slug,
  aliases,
  /** Earlier names (renames), with the date each ended. */
  renamed_from: z.array(formerName).default([]),
});

export const departmentsRegistrySchema = z.object({
  bureaus: z.array(unitSchema).default([]),
  sections: z.array(unitSchema).default([]),
});

export const contractorsRegistrySchema = z.object({
  contractors: z
    .array(
      z.object({
        /** Canonical name shown on the company's page. */
        name: z.string().min(1),
        slug,
        /** Other spellings and former names. */
        aliases,
        /** The corporate group or joint venture it belongs to (a canonical name of another entry). */
        group: z.string().optional(),
      }),
    )
    .default([]),
});

/**
 * `content/registry/terms.yaml`: words that mean the same for a search (an item named 氏名 in one
 * filing and 漢字氏名 in another). A search for one finds the others too, shown and each one
 * switchable on the search page.
 */
export const termsRegistrySchema = z.object({
  terms: z.array(z.array(z.string().min(1)).min(2, 'a group of terms needs two words or more')).default([]),
});

export type DepartmentsRegistry = z.output<typeof departmentsRegistrySchema>;
export type TermsRegistry = z.output<typeof termsRegistrySchema>;
export type ContractorsRegistry = z.output<typeof contractorsRegistrySchema>;

/** Both registries; undefined where the file does not exist. */
export interface Registries {
  departments?: DepartmentsRegistry;
  contractors?: ContractorsRegistry;
  terms?: TermsRegistry;
}
