/**
 * The architecture rules in eslint.config.js really fire: each room's forbidden import is an
 * error there, and the allowed neighbours are not.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const RESTRICTED = '@typescript-eslint/no-restricted-imports';

describe('architecture import rules', { timeout: 60_000 }, () => {
  it.each([
    ['components/X.tsx', "import { x } from 'wxt/browser';"],
    ['components/X.tsx', "import { x } from '@/lib/vault';"],
    ['components/X.tsx', "import { x } from '../lib/qr/decode';"],
    ['lib/cloudmc/x.ts', "import { x } from '../vault';"],
    ['lib/cloudmc/features/x.ts', "import { x } from '../../background/sites';"],
    ['lib/cloudmc/x.ts', "import { x } from '@/lib/background/login';"],
    ['lib/otp/x.ts', "import { x } from '../../entrypoints/background';"],
    ['lib/cloudmc/features/x.ts', "import { x } from '../ui/status';"],
    ['lib/cloudmc/detect.ts', "import { x } from './enroll-ui';"],
    ['entrypoints/cloudmc.content.ts', "import { x } from '@/lib/cloudmc/ui/panel';"],
  ])('%s: %s is refused', async (file, code) => {
    expect(await problems(file, code)).toContain(RESTRICTED);
  });

  it.each([
    ['components/X.tsx', "import type { x } from '../lib/vault';"],
    ['lib/cloudmc/features/x.ts', "import type { x } from '../ui/status';"],
    ['lib/cloudmc/features/x.ts', "import { x } from '../ui/i18n';"],
    ['lib/cloudmc/enroll-ui.ts', "import { x } from './ui/status';"],
    ['lib/background/x.ts', "import { x } from '../vault';"],
    ['entrypoints/page-ui.ts', "import { x } from '@/lib/cloudmc/enroll-ui';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await problems(file, code)).not.toContain(RESTRICTED);
  });

  it('eqeqeq is on', async () => {
    expect(await problems('lib/otp/x.ts', 'const x = Number("1") == 1;')).toContain('eqeqeq');
  });
});
