/**
 * `npm test`'s pretest step (and `tsx scripts/browsers/ensure.ts chromium`): finds, or installs,
 * the browsers the tests drive before any test runs, or stops with one message.
 */
import { ensureBrowser } from './find';
import type { BrowserName } from './candidates';

const names = (process.argv.slice(2).length ? process.argv.slice(2) : ['chromium', 'firefox']) as BrowserName[];
try {
  for (const name of names) {
    const found = ensureBrowser(name);
    console.log(`${name}: ${found.path} (${found.version.trim()}, from ${found.source})`);
  }
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
