/**
 * What content scripts may ask. The router has already checked that the sender is our
 * content script in the top frame of an enabled CloudMC origin; `sender.origin` is the
 * browser's word for where it runs, and the only origin these handlers ever trust.
 */
import type { PageHandlers } from '../messages/router';
import type { createEnrollment } from './enroll';
import type { createLogin } from './login';

export interface PageDeps {
  enrollment: ReturnType<typeof createEnrollment>;
  login: ReturnType<typeof createLogin>;
  /** Injects the page UI bundle into the top frame of a tab. */
  injectPageUi: (tabId: number) => Promise<void>;
}

export function createPageHandlers(deps: PageDeps): PageHandlers {
  return {
    'ui.inject': async (_m, sender) => {
      await deps.injectPageUi(sender.tabId);
      return {};
    },
    'enroll.begin': ({ qr, secretText }, sender) => deps.enrollment.begin(sender, String(qr), secretText ? String(secretText) : null),
    'enroll.retry': (_m, sender) => deps.enrollment.retry(sender),
    'backup.shown': ({ codes, userAction }, sender) =>
      deps.enrollment.backupShown(sender, Array.isArray(codes) ? codes.map(String) : [], userAction === true),

    'login.user': async ({ user }, sender) => {
      if (typeof user === 'string' && user.trim()) await deps.login.user(sender, user);
      return {};
    },
    'login.challenge': (_m, sender) => deps.login.challenge(sender),
    'login.pick': ({ accountId }, sender) => deps.login.pick(sender, String(accountId)),
    'login.retry': (_m, sender) => deps.login.retry(sender),
    'login.unlock': async (_m, sender) => {
      await deps.login.unlock(sender);
      return {};
    },
    'login.backup': (_m, sender) => deps.login.backup(sender),
    'login.settled': async (_m, sender) => {
      await deps.login.settled(sender);
      return {};
    },
    'twofactor.disabled': (_m, sender) => deps.enrollment.disabled(sender),
  };
}
