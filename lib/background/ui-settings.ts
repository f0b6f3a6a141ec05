/** Pages' settings requests: settings, measured clock offsets, the sites the extension runs on. */
import { beyondCorrection } from '../otp/clock';
import { CLOUDMC_MATCHES } from '../cloudmc/sites';
import type { UiHandlers } from '../messages/router';
import type { UiContext } from './ui-context';

export function settingsHandlers({ deps }: UiContext) {
  return {
    'settings.get': async () => ({ settings: await deps.settings.load() }),
    'clock.offsets': async () => ({
      offsets: Object.entries(await deps.measuredOffsets()).map(([origin, m]) => ({
        origin,
        ...m,
        applied: deps.clockOffset(origin) !== 0,
        tooLarge: beyondCorrection(m.offsetMs),
      })),
    }),
    'settings.set': async ({ settings }) => {
      const saved = await deps.settings.save(settings);
      if ((await deps.vault()).session.isUnlocked()) await deps.onActivity();
      return { settings: saved };
    },

    'sites.list': async () => ({ builtIn: [...CLOUDMC_MATCHES], granted: await deps.sites.granted() }),
    'sites.remove': async ({ pattern }) => ({ granted: await deps.sites.remove(pattern) }),
    'sites.scan': () => deps.sites.scan(),
    'sites.enable': async ({ pattern }) => ({ enabled: await deps.sites.enable(pattern) }),
  } satisfies Partial<UiHandlers>;
}
