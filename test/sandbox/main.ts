/**
 * CLI for the sandbox:  npx tsx test/sandbox/main.ts [--port N] [--ui current|2015]
 *   [--qr img-data|img-url|canvas|svg] [--lang en|fr|es] [--split-hosts] [--test-mode]
 *   [--clock-offset SECONDS] [--lockout SECONDS] [--shadow] [--split-inputs] [--backup-codes list|table|pre|dashed]
 *   (--qr also coloured|logo|inverted|composite|css-bg)
 * Port: --port, else $SANDBOX_PORT, else 8484.
 */
import { parseArgs } from 'node:util';
import { SEEDED_USERS } from './state';
import { startSandbox, type SandboxOptions } from './server';

function fail(message: string): never {
  console.error(`sandbox: ${message}`);
  process.exit(2);
}

function num(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) fail(`--${name} needs a number, got "${v}"`);
  return n;
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        ui: { type: 'string' },
        qr: { type: 'string' },
        lang: { type: 'string' },
        'split-hosts': { type: 'boolean', default: false },
        'test-mode': { type: 'boolean', default: false },
        'clock-offset': { type: 'string' },
        lockout: { type: 'string' },
        shadow: { type: 'boolean', default: false },
        'split-inputs': { type: 'boolean', default: false },
        'backup-codes': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    return fail((e as Error).message);
  }
})();

if (values.help) {
  console.log(
    'Usage: tsx test/sandbox/main.ts [--port N] [--ui current|2015] [--qr MODE]\n' +
      '       [--lang en|fr|es] [--split-hosts] [--test-mode] [--clock-offset SECONDS] [--lockout SECONDS]\n' +
      '       [--shadow] [--split-inputs] [--backup-codes list|table|pre|dashed]\n' +
      '  MODE: img-data|img-url|canvas|svg|coloured|logo|inverted|composite|css-bg',
  );
  process.exit(0);
}

const opts: SandboxOptions = {
  port: num('port', values.port ?? process.env.SANDBOX_PORT) ?? 8484,
  ui: values.ui as SandboxOptions['ui'],
  qr: values.qr as SandboxOptions['qr'],
  lang: values.lang as SandboxOptions['lang'],
  splitHosts: values['split-hosts'],
  testMode: values['test-mode'],
  clockOffsetSeconds: num('clock-offset', values['clock-offset']),
  lockoutSeconds: num('lockout', values.lockout),
  shadow: values.shadow,
  splitInputs: values['split-inputs'],
  backupCodes: values['backup-codes'] as SandboxOptions['backupCodes'],
};

const sandbox = await startSandbox(opts).catch((e: Error) => fail(e.message));
const login = opts.splitHosts ? sandbox.altOrigin : sandbox.origin;
console.log(`CloudMC sandbox — ui=${opts.ui ?? 'current'} qr=${opts.qr ?? 'img-data'} lang=${opts.lang ?? 'en'}` +
  `${opts.splitHosts ? ' split-hosts' : ''}${opts.clockOffsetSeconds ? ` clock-offset=${opts.clockOffsetSeconds}s` : ''}` +
  `${opts.shadow ? ' shadow' : ''}${opts.splitInputs ? ' split-inputs' : ''}${opts.backupCodes ? ` backup-codes=${opts.backupCodes}` : ''}` +
  `${opts.testMode ? ' test-mode (/__test/* enabled)' : ''}`);
console.log(`  Login:  ${login}/login`);
console.log(`  App:    ${sandbox.origin}/dashboard${opts.splitHosts ? '' : `   (also ${sandbox.altOrigin})`}`);
console.log(`  Users (password "${SEEDED_USERS[0]!.password}"): ${SEEDED_USERS.map((u) => `${u.username} <${u.email}>`).join(', ')}`);
console.log('  Ctrl-C to stop.');

const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
