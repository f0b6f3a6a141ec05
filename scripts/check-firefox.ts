/**
 * The Firefox build passes `web-ext lint` (no errors) and asks for no more than the Chrome
 * build: the same permissions and host permissions, or fewer. Run after both builds.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
}

const read = (dir: string): Manifest => JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8'));
const chrome = read('chrome-mv3');
const firefox = read('firefox-mv3');

const problems: string[] = [];
for (const key of ['permissions', 'host_permissions', 'optional_host_permissions'] as const) {
  const extra = (firefox[key] ?? []).filter((p) => !(chrome[key] ?? []).includes(p));
  if (extra.length) problems.push(`Firefox asks for more ${key} than Chrome: ${extra.join(', ')}`);
}

// web-ext exits non-zero on lint errors; its JSON goes to stdout either way.
let out: string;
try {
  out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--output', 'json'], { encoding: 'utf8' });
} catch (err) {
  out = (err as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(out) as {
  summary: { errors: number; warnings: number; notices: number };
  errors: Array<{ code: string; message: string; file?: string }>;
  warnings: Array<{ code: string; message: string; file?: string }>;
};
for (const e of report.errors) problems.push(`web-ext lint error ${e.code} in ${e.file ?? 'manifest'}: ${e.message}`);
for (const w of report.warnings) console.log(`web-ext lint warning ${w.code} in ${w.file ?? 'manifest'}: ${w.message}`);

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(
  `Firefox build: web-ext lint ${report.summary.errors} errors, ${report.summary.warnings} warnings; permissions within Chrome's.`,
);
