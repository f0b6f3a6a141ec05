/** Runtime configuration of the sandbox: set at start, changed by /__test/reset and /__test/config. */
import { isLang, type Lang } from './i18n';
import { isQrMode, type QrMode } from './qr';

export type Ui = 'current' | '2015';

export interface SandboxConfig {
  ui: Ui;
  qr: QrMode;
  /** Added to the real clock for TOTP checks, lockouts and the Date header. */
  clockOffsetSeconds: number;
  /** Login on http://127.0.0.1:PORT, app on http://localhost:PORT (one-time handoff token). */
  splitHosts: boolean;
  /** Language when neither ?lang= nor the `lang` cookie says otherwise. */
  lang: Lang;
  /** How long 5 failed challenge attempts lock the account's challenge. */
  lockoutSeconds: number;
}

export const DEFAULT_CONFIG: SandboxConfig = {
  ui: 'current',
  qr: 'img-data',
  clockOffsetSeconds: 0,
  splitHosts: false,
  lang: 'en',
  lockoutSeconds: 60,
};

/** Validated merge; unknown keys are ignored, wrong values throw with a clear message. */
export function mergeConfig(base: SandboxConfig, patch: Record<string, unknown>): SandboxConfig {
  const next = { ...base };
  if (patch.ui !== undefined) {
    if (patch.ui !== 'current' && patch.ui !== '2015') throw new Error(`ui must be "current" or "2015", got ${JSON.stringify(patch.ui)}`);
    next.ui = patch.ui;
  }
  if (patch.qr !== undefined) {
    if (!isQrMode(patch.qr)) throw new Error(`qr must be img-data, img-url, canvas or svg, got ${JSON.stringify(patch.qr)}`);
    next.qr = patch.qr;
  }
  if (patch.clockOffsetSeconds !== undefined) {
    if (typeof patch.clockOffsetSeconds !== 'number' || !Number.isFinite(patch.clockOffsetSeconds))
      throw new Error('clockOffsetSeconds must be a finite number');
    next.clockOffsetSeconds = patch.clockOffsetSeconds;
  }
  if (patch.splitHosts !== undefined) {
    if (typeof patch.splitHosts !== 'boolean') throw new Error('splitHosts must be a boolean');
    next.splitHosts = patch.splitHosts;
  }
  if (patch.lang !== undefined) {
    if (!isLang(patch.lang)) throw new Error(`lang must be en, fr or es, got ${JSON.stringify(patch.lang)}`);
    next.lang = patch.lang;
  }
  if (patch.lockoutSeconds !== undefined) {
    if (typeof patch.lockoutSeconds !== 'number' || !(patch.lockoutSeconds >= 0)) throw new Error('lockoutSeconds must be >= 0');
    next.lockoutSeconds = patch.lockoutSeconds;
  }
  return next;
}
