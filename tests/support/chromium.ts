/**
 * The guard every browser test starts with: in CI (CI=true) a missing Chromium fails the run,
 * elsewhere its tests are skipped with the reason in their name.
 */
import { describe } from 'vitest';
import { hasChromium } from '../../scripts/lib/browser.ts';

if (!hasChromium() && process.env['CI']) throw new Error('Chromium is missing: apt-get install -y chromium (see .ci/run)');

/** `describe` when Chromium is there, `describe.skip` otherwise. */
export const run = hasChromium() ? describe : describe.skip;
