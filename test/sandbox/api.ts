/**
 * The JSON API the client scripts call: login + 2FA challenge, and the profile's 2FA
 * lifecycle. Changes to 2FA need the password re-confirmed within the last 5 minutes
 * (POST /api/profile/confirm-password), as CloudMC prompts for it before each of them.
 */
import { randomBytes } from 'node:crypto';
import { STRINGS } from './i18n';
import { clearCookie, HttpError, json, readJson, send, setCookie, str, type Ctx } from './http';
import { CHALLENGE_COOKIE, type Portal } from './portal';
import { qrPayload, qrPng } from './qr';
import type { Session, User } from './state';
import { otpauthUri } from './totp';

type Handler = (p: Portal, ctx: Ctx) => Promise<void> | void;
type AuthedHandler = (p: Portal, ctx: Ctx, session: Session, user: User) => Promise<void> | void;

function requireConfirmed(ctx: Ctx, session: Session): void {
  if (session.confirmedUntil < ctx.now) throw new HttpError(403, 'password_required');
}

const publicRoutes: Record<string, Handler> = {
  // `options`: how the client scripts draw the 2FA screens (shadow root, split inputs, backup-code listing).
  'GET /api/i18n': (p, ctx) =>
    json(ctx, 200, {
      lang: ctx.lang,
      strings: STRINGS[ctx.lang],
      options: { shadow: p.config.shadow, splitInputs: p.config.splitInputs, backupCodes: p.config.backupCodes },
    }),

  'POST /api/login': async (p, ctx) => {
    const body = await readJson(ctx);
    const user = p.state.checkPassword(str(body.username) ?? '', str(body.password) ?? '');
    if (!user) return json(ctx, 401, { error: 'invalid_credentials' });
    if (user.twoFactor.enabled) {
      setCookie(ctx, CHALLENGE_COOKIE, p.state.createChallenge(user.username, ctx.now));
      return json(ctx, 200, { status: 'challenge' });
    }
    json(ctx, 200, { status: 'ok', redirect: p.completeLogin(ctx, user) });
  },

  'GET /api/login/challenge': (p, ctx) => {
    const c = p.state.challenge(ctx.cookies[CHALLENGE_COOKIE], ctx.now);
    const user = c && p.state.users.get(c.username);
    // 200 rather than 404: the login page asks on every load, and a 404 would litter the console.
    if (!c || !user) return json(ctx, 200, { status: 'none' });
    const retryAfterSeconds = p.state.lockRemainingSeconds(user, ctx.now);
    json(ctx, 200, { status: 'pending', methods: ['totp', 'backup_code'], locked: retryAfterSeconds > 0, retryAfterSeconds });
  },

  'POST /api/login/verify': async (p, ctx) => {
    const body = await readJson(ctx);
    const input = { code: str(body.code), backupCode: str(body.backupCode) };
    const r = p.state.verifyChallenge(ctx.cookies[CHALLENGE_COOKIE], input, ctx.now, p.config.lockoutSeconds);
    if (r.ok) {
      clearCookie(ctx, CHALLENGE_COOKIE);
      return json(ctx, 200, { status: 'ok', redirect: p.completeLogin(ctx, p.state.users.get(r.username)!) });
    }
    if (r.reason === 'locked')
      return json(ctx, 429, { error: 'locked', retryAfterSeconds: r.retryAfterSeconds }, { 'Retry-After': String(r.retryAfterSeconds) });
    if (r.reason === 'no_challenge') return json(ctx, 401, { error: 'no_challenge' });
    json(ctx, 401, { error: 'invalid_code', remainingAttempts: r.remainingAttempts });
  },

  'POST /api/login/cancel': (p, ctx) => {
    const id = ctx.cookies[CHALLENGE_COOKIE];
    if (id) p.state.challenges.delete(id);
    clearCookie(ctx, CHALLENGE_COOKIE);
    json(ctx, 200, { status: 'cancelled' });
  },
};

const profileRoutes: Record<string, AuthedHandler> = {
  'GET /api/me': (_p, ctx, _s, user) => json(ctx, 200, { username: user.username, email: user.email, name: user.name }),

  'GET /api/profile/2fa': (_p, ctx, _s, { twoFactor: tf }) =>
    json(ctx, 200, { enabled: tf.enabled, backupCodesRemaining: tf.backupCodes.length - tf.usedBackupCodes.length }),

  'POST /api/profile/confirm-password': async (p, ctx, session) => {
    const body = await readJson(ctx);
    if (!p.state.confirmPassword(session, str(body.password) ?? '', ctx.now)) return json(ctx, 403, { error: 'invalid_password' });
    json(ctx, 200, { status: 'confirmed' });
  },

  'POST /api/profile/2fa/setup': async (p, ctx, session, user) => {
    await readJson(ctx);
    requireConfirmed(ctx, session);
    if (user.twoFactor.enabled) throw new HttpError(409, 'already_enabled');
    const secret = p.state.startEnrollment(user);
    const uri = otpauthUri(p.issuer(ctx), p.account(user), secret);
    // A fresh query string per enrollment, so the browser never shows a cached image.
    const pngUrl = `/api/profile/2fa/qr.png?v=${randomBytes(6).toString('hex')}`;
    json(ctx, 200, { secret, qr: await qrPayload(uri, p.config.qr, pngUrl) });
  },

  'GET /api/profile/2fa/qr.png': async (p, ctx, _s, user) => {
    const secret = user.twoFactor.pendingSecret;
    if (!secret) throw new HttpError(404, 'no_pending_enrollment');
    send(ctx, 200, 'image/png', await qrPng(otpauthUri(p.issuer(ctx), p.account(user), secret)));
  },

  'POST /api/profile/2fa/enable': async (p, ctx, _s, user) => {
    const body = await readJson(ctx);
    const tf = user.twoFactor;
    if (tf.enabled || !tf.pendingSecret) throw new HttpError(409, 'no_pending_enrollment');
    if (!p.state.completeEnrollment(user, str(body.code) ?? '', ctx.now)) return json(ctx, 400, { error: 'invalid_code' });
    json(ctx, 200, { backupCodes: tf.backupCodes, generatedAt: tf.backupCodesGeneratedAt });
  },

  'POST /api/profile/2fa/cancel': async (_p, ctx, _s, user) => {
    await readJson(ctx);
    user.twoFactor.pendingSecret = null;
    json(ctx, 200, { status: 'cancelled' });
  },

  'POST /api/profile/2fa/backup-codes': async (p, ctx, session, user) => {
    await readJson(ctx);
    if (!user.twoFactor.enabled) throw new HttpError(409, 'not_enabled');
    // The 2015 help page regenerates straight from the settings page; the current UI asks first.
    if (p.config.ui === 'current') requireConfirmed(ctx, session);
    const codes = p.state.regenerateBackupCodes(user, ctx.now);
    json(ctx, 200, { backupCodes: codes, generatedAt: user.twoFactor.backupCodesGeneratedAt });
  },

  'POST /api/profile/2fa/disable': async (p, ctx, session, user) => {
    await readJson(ctx);
    requireConfirmed(ctx, session);
    p.state.disable(user);
    json(ctx, 200, { status: 'disabled' });
  },
};

export async function handleApi(p: Portal, ctx: Ctx): Promise<void> {
  const route = `${ctx.method} ${ctx.url.pathname}`;
  const pub = publicRoutes[route];
  if (pub) return pub(p, ctx);
  const authed = profileRoutes[route];
  if (!authed) throw new HttpError(404, 'not_found');
  const auth = p.sessionOf(ctx);
  if (!auth) throw new HttpError(401, 'unauthenticated');
  return authed(p, ctx, auth.session, auth.user);
}
