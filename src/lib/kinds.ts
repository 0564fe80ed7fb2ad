/** The kinds of filing (種別), in their own module so the search page can use them without zod. */
export const KINDS = ['諮問', '報告', '事前報告'] as const;
