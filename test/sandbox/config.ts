/** Runtime configuration of the sandbox: set at start, changed by /__test/reset and /__test/config. */
import { isLang, type Lang } from './i18n';
import { isQrMode, QR_MODES, type QrMode } from './qr';

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
  /** The 2FA card (security page) and the login challenge inside an open shadow root (Lit / Angular ShadowDom). */
  shadow: boolean;
  /** The code as 6 one-digit boxes (auto-advance, paste handler), at enrollment and at the challenge. */
  splitInputs: boolean;
  /** How the backup codes are listed: list (default), table, pre (one block), dashed (`1234-5678`). */
  backupCodes: BackupCodesStyle;
}

export type BackupCodesStyle = 'list' | 'table' | 'pre' | 'dashed';
export const BACKUP_CODES_STYLES: readonly BackupCodesStyle[] = ['list', 'table', 'pre', 'dashed'];

export const DEFAULT_CONFIG: SandboxConfig = {
  ui: 'current',
  qr: 'img-data',
  clockOffsetSeconds: 0,
  splitHosts: false,
  lang: 'en',
  lockoutSeconds: 60,
  shadow: false,
  splitInputs: false,
  backupCodes: 'list',
};

/** Validated merge; unknown keys are ignored, wrong values throw with a clear message. */
export function mergeConfig(base: SandboxConfig, patch: Record<string, unknown>): SandboxConfig {
  const next = { ...base };
  if (patch.ui !== undefined) {
    if (patch.ui !== 'current' && patch.ui !== '2015') throw new Error(`ui must be "current" or "2015", got ${JSON.stringify(patch.ui)}`);
    next.ui = patch.ui;
  }
  if (patch.qr !== undefined) {
    if (!isQrMode(patch.qr)) throw new Error(`qr must be one of ${QR_MODES.join(', ')}, got ${JSON.stringify(patch.qr)}`);
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
  for (const k of ['shadow', 'splitInputs'] as const) {
    if (patch[k] === undefined) continue;
    if (typeof patch[k] !== 'boolean') throw new Error(`${k} must be a boolean`);
    next[k] = patch[k];
  }
  if (patch.backupCodes !== undefined) {
    if (!(BACKUP_CODES_STYLES as readonly unknown[]).includes(patch.backupCodes))
      throw new Error(`backupCodes must be one of ${BACKUP_CODES_STYLES.join(', ')}, got ${JSON.stringify(patch.backupCodes)}`);
    next.backupCodes = patch.backupCodes as BackupCodesStyle;
  }
  return next;
}
