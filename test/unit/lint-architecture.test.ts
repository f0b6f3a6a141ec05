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
    ['lib/content/features/x.ts', "import { x } from '../../background/sites';"],
    ['lib/content/x.ts', "import { x } from '@/lib/background/login';"],
    ['lib/page-ui/x.ts', "import { x } from '../vault/session';"],
    ['lib/page-ui/x.ts', "import { x } from '@/lib/background/enroll';"],
    ['lib/otp/x.ts', "import { x } from '../../entrypoints/background';"],
    ['lib/content/features/x.ts', "import { x } from '../../page-ui/status';"],
    ['lib/content/detect.ts', "import { x } from '../page-ui/enroll-ui';"],
    ['lib/content/x.ts', "import { x } from '@/lib/page-ui/panel';"],
    ['lib/content/detect/x.ts', "import { x } from '../../qr/capture';"],
    ['lib/cloudmc/sites.ts', "import { x } from '../page-ui/status';"],
    ['entrypoints/cloudmc.content.ts', "import { x } from '@/lib/page-ui/panel';"],
    ['entrypoints/cloudmc.content.ts', "import { x } from '@/lib/qr/decode';"],
  ])('%s: %s is refused', async (file, code) => {
    expect(await problems(file, code)).toContain(RESTRICTED);
  });

  it.each([
    ['components/X.tsx', "import type { x } from '../lib/vault';"],
    ['lib/content/features/x.ts', "import type { x } from '../../page-ui/status';"],
    ['lib/content/features/x.ts', "import { x } from '../load-page-ui';"],
    ['lib/content/features/x.ts', "import { x } from '../i18n';"],
    ['lib/content/detect/x.ts', "import type { x } from '../../qr/capture';"],
    ['lib/page-ui/enroll-ui.ts', "import { x } from './status';"],
    ['lib/page-ui/enroll-ui.ts', "import { x } from '../content/detect';"],
    ['lib/page-ui/enroll-ui.ts', "import { x } from '../qr/capture';"],
    ['lib/background/x.ts', "import { x } from '../vault';"],
    ['entrypoints/page-ui.ts', "import { x } from '@/lib/page-ui/enroll-ui';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await problems(file, code)).not.toContain(RESTRICTED);
  });

  it('eqeqeq is on', async () => {
    expect(await problems('lib/otp/x.ts', 'const x = Number("1") == 1;')).toContain('eqeqeq');
  });
});
