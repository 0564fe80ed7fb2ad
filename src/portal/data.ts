/** The portal's data, written by `npm run portal` (src/lib/portal/build-fs.ts) to the file ARCHIVE_PORTAL names; read once per build. */
import { readFileSync } from 'node:fs';
import type { PortalData } from '../lib/portal/view.ts';

let data: PortalData | undefined;

export function portalData(): PortalData {
  if (!data) {
    const file = process.env['ARCHIVE_PORTAL'];
    if (!file) throw new Error('ARCHIVE_PORTAL is not set: the portal is built by npm run portal, which writes its data file');
    data = JSON.parse(readFileSync(file, 'utf8')) as PortalData;
  }
  return data;
}
