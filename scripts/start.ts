/**
 * npm start: the sandbox and Chromium with the extension (the build is done by the npm script).
 * With a display: a real window on the sandbox login page, until the window is closed.
 * Without one, or with --headless: the scripted tour (scripts/tour.ts), screenshots in tour/.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from '../test/sandbox/server';
import { DEMO_PASSWORD } from '../test/sandbox/state';
import { launchWithExtension } from './browser';
import { runTour } from './tour';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    port: { type: 'string' },
    out: { type: 'string', default: 'tour' },
  },
});
const headless = values.headless || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const port = Number(values.port ?? process.env.SANDBOX_PORT ?? (headless ? 0 : 8484));

const sandbox = await startSandbox({ port, testMode: true });
const profile = await mkdtemp(path.join(os.tmpdir(), 'cmc-start-'));
console.log(`CloudMC sandbox: ${sandbox.origin}/login (also ${sandbox.altOrigin})`);
console.log(`Demo users: rwalker@cloudops.com, fgaudreault, alice, bob — password "${DEMO_PASSWORD}"`);

let failed = false;
try {
  if (headless) {
    console.log(`No display (or --headless): running the scripted tour; screenshots in ${values.out}/\n`);
    failed = !(await runTour(sandbox, profile, path.resolve(values.out)));
  } else {
    const context = await launchWithExtension(profile, { headless: false });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${sandbox.origin}/login`);
    console.log('Chromium is open with CloudMC Authenticator. Close the window to stop.');
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
  }
} finally {
  await sandbox.close();
  await rm(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
