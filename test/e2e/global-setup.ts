/**
 * Before any e2e test: a Chromium to drive (found, or installed: scripts/browsers/find.ts) and
 * the sandbox build. The path is left in CHROMIUM_PATH, which the workers inherit.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ensureBrowser } from '../../scripts/browsers/find';
import { EXTENSION_PATH } from '../../scripts/browser';

export default function globalSetup(): void {
  ensureBrowser('chromium');
  if (!existsSync(path.join(EXTENSION_PATH, 'manifest.json'))) {
    throw new Error(`No sandbox build at ${EXTENSION_PATH}: run npm run build:sandbox first.`);
  }
}
