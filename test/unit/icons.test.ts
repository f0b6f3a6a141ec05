import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ICON_FILES, iconBytes } from '../../scripts/icons/files';
import config from '../../wxt.config';

const setIcon = vi.hoisted(() => vi.fn(async (_details: unknown) => undefined));
vi.mock('wxt/browser', () => ({ browser: { action: { setIcon } } }));

describe('icons', () => {
  it.each(ICON_FILES)('public/icon/$name is what npm run icons draws', (file) => {
    const committed = readFileSync(`public/icon/${file.name}`);
    expect(committed.equals(iconBytes(file))).toBe(true);
    // A PNG of the stated size (IHDR width and height).
    expect(committed.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([committed.readUInt32BE(16), committed.readUInt32BE(20)]).toEqual([file.size, file.size]);
  });

  it('the open padlock differs from the closed one', () => {
    expect(iconBytes({ name: '', size: 16, state: 'locked' }).equals(iconBytes({ name: '', size: 16, state: 'unlocked' }))).toBe(false);
  });

  it('the manifest names icons that exist, 16 to 128 px', () => {
    const manifest = (config.manifest as (env: object) => { icons: Record<string, string>; action: { default_icon: Record<string, string> } })({
      browser: 'chrome',
      mode: 'production',
    });
    expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
    for (const file of [...Object.values(manifest.icons), ...Object.values(manifest.action.default_icon)]) {
      expect(() => readFileSync(`public/${file}`)).not.toThrow();
    }
  });
});

describe('toolbar lock state', () => {
  beforeEach(() => {
    setIcon.mockClear();
    vi.resetModules();
  });

  it('shows the open padlock while unlocked, the closed one once locked, and sets each only once', async () => {
    const { showLockState, LOCKED_ICON, UNLOCKED_ICON } = await import('@/lib/background/toolbar');
    await showLockState(true);
    await showLockState(true);
    await showLockState(false);
    expect(setIcon.mock.calls).toEqual([[{ path: UNLOCKED_ICON }], [{ path: LOCKED_ICON }]]);
    for (const file of [...Object.values(LOCKED_ICON), ...Object.values(UNLOCKED_ICON)]) {
      expect(() => readFileSync(`public${file}`)).not.toThrow();
    }
  });
});
