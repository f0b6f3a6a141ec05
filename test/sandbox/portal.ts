/**
 * The portal's state plus the host rules every handler shares: which origin serves the login
 * pages, which serves the app, and what goes into the otpauth URI.
 */
import { DEFAULT_CONFIG, type SandboxConfig } from './config';
import { setCookie, type Ctx } from './http';
import { SandboxState, type User } from './state';

export const SESSION_COOKIE = 'cmc_session';
export const CHALLENGE_COOKIE = 'cmc_mfa';

export class Portal {
  readonly state = new SandboxState();
  config: SandboxConfig;
  port = 0;

  constructor(
    readonly defaults: SandboxConfig = DEFAULT_CONFIG,
    readonly testMode = false,
  ) {
    this.config = { ...defaults };
  }

  /** The sandbox clock: real time shifted by the configured offset. */
  now(): number {
    return Date.now() + this.config.clockOffsetSeconds * 1000;
  }

  get origin(): string {
    return `http://localhost:${this.port}`;
  }

  get altOrigin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * With splitHosts the login pages live on 127.0.0.1 and the app on localhost, like CloudMC's
   * custom-UI deployments; otherwise both live on whatever host the browser used (localhost,
   * 127.0.0.1, or a *.test name mapped to loopback by the browser).
   */
  loginOrigin(ctx: Ctx): string {
    return this.config.splitHosts ? this.altOrigin : ctx.requestOrigin;
  }

  appOrigin(ctx: Ctx): string {
    return this.config.splitHosts ? this.origin : ctx.requestOrigin;
  }

  onLoginHost(ctx: Ctx): boolean {
    return ctx.requestOrigin === this.loginOrigin(ctx);
  }

  /**
   * Current UI: the portal's login URL with its trailing slash (`http://127.0.0.1:8484/`), as in
   * `otpauth://totp/https://charter.dev.cloudmc.io/:rwalker@cloudops.com?...`.
   * 2015 UI: the bare host name, as in `otpauth://totp/test.staging1.cloud.ca:fgaudreault?...`.
   */
  issuer(ctx: Ctx): string {
    const login = this.loginOrigin(ctx);
    return this.config.ui === '2015' ? new URL(login).hostname : `${login}/`;
  }

  /** The label's account part: the e-mail in the current UI, the username in 2015 (as decoded). */
  account(user: User): string {
    return this.config.ui === '2015' ? user.username : user.email;
  }

  /**
   * After the password (and the second factor when enabled): open the session and say where the
   * browser goes next. With splitHosts cookies cannot cross hosts, so the app host gets a
   * one-time handoff token instead.
   */
  completeLogin(ctx: Ctx, user: User): string {
    if (this.config.splitHosts) {
      const token = this.state.createHandoff(user.username, ctx.lang, ctx.now);
      return `${this.appOrigin(ctx)}/auth/handoff?token=${token}`;
    }
    setCookie(ctx, SESSION_COOKIE, this.state.createSession(user.username));
    return `${ctx.requestOrigin}/dashboard`;
  }

  sessionOf(ctx: Ctx) {
    return this.state.sessionUser(ctx.cookies[SESSION_COOKIE]);
  }
}
