/** Pages' backup-code requests: the codes of an account, their history, and filling one in. */
import { ReplyError, type UiHandlers } from '../messages/router';
import { restoreCodes } from '../vault/code-history';
import { backupView } from './build-views';
import type { UiContext, UiDeps } from './ui-context';
import { unwrap } from './unwrap';

export function backupCodeHandlers({ deps, active }: UiContext) {
  function backupFill(): NonNullable<UiDeps['backupFill']> {
    if (!deps.backupFill) throw new ReplyError('backup-expired', 'This request to fill a backup code has expired.');
    return deps.backupFill;
  }

  return {
    'login.backupPending': ({ id }) => active(async () => backupFill().backupPending(String(id))),
    'login.backupConfirm': ({ id }) => active(async () => backupFill().backupConfirm(String(id))),
    'login.backupCancel': async ({ id }) => {
      await backupFill().backupCancel(String(id));
      return {};
    },

    'backup.history': ({ id }) =>
      active(async (v) => ({
        sets: unwrap(await v.accounts.get(id)).backupCodeHistory.map((h) => ({ replacedAt: h.replacedAt, codes: h.codes.map(({ code, used }) => ({ code, used })) })),
      })),
    'backup.restore': ({ id, index }) =>
      active(async (v) => {
        const next = unwrap(
          await v.accounts.update(id, (a) => {
            const restored = restoreCodes(a, Number(index), deps.now());
            if (!restored) throw new ReplyError('not-found', 'No such set of backup codes.');
            return restored;
          }),
        );
        return { codes: backupView(next) };
      }),

    'backup.list': ({ id }) => active(async (v) => ({ codes: backupView(unwrap(await v.accounts.get(id))) })),
    'backup.setUsed': ({ id, code, used }) =>
      active(async (v) => {
        const next = unwrap(
          await v.accounts.update(id, (a) => {
            if (!a.backupCodes.some((c) => c.code === code)) throw new ReplyError('not-found', 'No such backup code.');
            return { ...a, backupCodes: a.backupCodes.map((c) => (c.code === code ? { code, used } : c)) };
          }),
        );
        return { codes: backupView(next) };
      }),
  } satisfies Partial<UiHandlers>;
}
