/**
 * The CloudMC sandbox: a stand-in for a CloudMC portal (login + 2FA challenge, dashboard,
 * My profile > Security with the current or the 2015 2FA UI) used by the e2e tests, the demo
 * tour and the benchmarks. Plain node:http, in-memory state, loopback only.
 *
 *   const sb = await startSandbox({ port: 0, testMode: true });
 *   // sb.origin = http://localhost:PORT, sb.altOrigin = http://127.0.0.1:PORT
 *   await sb.close();
 *
 * Routes: this file serves the pages; api.ts the JSON API; testapi.ts /__test/*; static.ts
 * /static/*. See README.md next to this file.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApi } from './api';
import { DEFAULT_CONFIG, mergeConfig, type SandboxConfig, type Ui } from './config';
import { clearCookie, html, HttpError, json, makeCtx, readForm, redirect, setCookie, type Ctx } from './http';
import { t } from './i18n';
import type { Lang } from './i18n';
import { dashboardPage } from './pages/dashboard';
import { documentHtml, esc } from './pages/html';
import { loginPage } from './pages/login';
import { profilePage } from './pages/profile';
import { CHALLENGE_COOKIE, Portal, SESSION_COOKIE } from './portal';
import type { QrMode } from './qr';
import { serveStatic } from './static';
import { handleTestApi } from './testapi';

export type { SandboxConfig, Ui, Lang, QrMode };

export interface SandboxOptions {
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Loopback address to listen on. Default: 127.0.0.1 and ::1 (so http://localhost works either way). */
  host?: string;
  /** Mounts /__test/*. */
  testMode?: boolean;
  ui?: Ui;
  qr?: QrMode;
  clockOffsetSeconds?: number;
  splitHosts?: boolean;
  lang?: Lang;
  lockoutSeconds?: number;
  shadow?: boolean;
  splitInputs?: boolean;
  backupCodes?: SandboxConfig['backupCodes'];
}

export interface Sandbox {
  port: number;
  /** http://localhost:PORT (the app host when splitHosts is on). */
  origin: string;
  /** http://127.0.0.1:PORT (the login host when splitHosts is on). */
  altOrigin: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

// --- pages -----------------------------------------------------------------------------------

function notFoundPage(ctx: Ctx): void {
  html(
    ctx,
    404,
    documentHtml({ lang: ctx.lang, title: 'Not found · CloudMC', bodyClass: 'error-page', css: [], body: `<h1>404</h1><p>${esc(ctx.url.pathname)}</p>`, scripts: [] }),
  );
}

/** The login form's no-JavaScript path; login.js normally posts to /api/login instead. */
async function postLogin(p: Portal, ctx: Ctx): Promise<void> {
  const form = await readForm(ctx);
  const username = form.get('username') ?? '';
  const user = p.state.checkPassword(username, form.get('password') ?? '');
  if (!user) return html(ctx, 401, loginPage(ctx.lang, { error: t(ctx.lang, 'login.invalid'), username }));
  if (user.twoFactor.enabled) {
    // Back to /login, where login.js finds the pending challenge and renders it.
    setCookie(ctx, CHALLENGE_COOKIE, p.state.createChallenge(user.username, ctx.now));
    return redirect(ctx, '/login');
  }
  redirect(ctx, p.completeLogin(ctx, user));
}

async function handlePage(p: Portal, ctx: Ctx): Promise<void> {
  const path = ctx.url.pathname.replace(/\/+$/, '') || '/';
  const loginUrl = `${p.loginOrigin(ctx)}/login`;
  const auth = p.sessionOf(ctx);
  if (ctx.method === 'POST' && path === '/login') return postLogin(p, ctx);
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return notFoundPage(ctx);

  switch (path) {
    case '/':
      return redirect(ctx, auth ? '/dashboard' : loginUrl);
    case '/login':
      if (!p.onLoginHost(ctx)) return redirect(ctx, loginUrl);
      if (auth) return redirect(ctx, '/dashboard');
      return html(ctx, 200, loginPage(ctx.lang));
    case '/logout': {
      const id = ctx.cookies[SESSION_COOKIE];
      if (id) p.state.sessions.delete(id);
      clearCookie(ctx, SESSION_COOKIE);
      return redirect(ctx, loginUrl);
    }
    case '/auth/handoff': {
      // splitHosts: the login host sends the browser here with a one-time token.
      const h = p.state.consumeHandoff(ctx.url.searchParams.get('token') ?? undefined, ctx.now);
      if (!h) return redirect(ctx, loginUrl);
      setCookie(ctx, SESSION_COOKIE, p.state.createSession(h.username));
      setCookie(ctx, 'lang', h.lang, { httpOnly: false, maxAge: 365 * 86400 });
      return redirect(ctx, '/dashboard');
    }
    case '/dashboard':
    case '/profile':
    case '/profile/security': {
      if (p.config.splitHosts && p.onLoginHost(ctx)) return redirect(ctx, `${p.appOrigin(ctx)}${path}`);
      if (!auth) return redirect(ctx, loginUrl);
      const { ui } = p.config;
      if (path === '/dashboard') return html(ctx, 200, dashboardPage(ui, ctx.lang, auth.user));
      return html(ctx, 200, profilePage(ui, ctx.lang, auth.user, path === '/profile' ? 'general' : 'security'));
    }
  }
  notFoundPage(ctx);
}

async function handle(p: Portal, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const ctx = makeCtx(req, res, p.now(), p.config.lang);
  // Node only adds a Date header when none is set: this one follows the sandbox clock.
  res.setHeader('Date', new Date(ctx.now).toUTCString());
  const path = ctx.url.pathname;
  try {
    if (path.startsWith('/__test/')) return await handleTestApi(p, ctx);
    if (path.startsWith('/api/')) return await handleApi(p, ctx);
    if (path.startsWith('/static/')) return await serveStatic(ctx);
    if (path === '/favicon.ico') return json(ctx, 404, { error: 'not_found' });
    return await handlePage(p, ctx);
  } catch (e) {
    if (res.headersSent) return void res.destroy();
    if (e instanceof HttpError) return json(ctx, e.status, { error: e.code });
    console.error('[sandbox]', e);
    return json(ctx, 500, { error: 'internal_error' });
  }
}

// --- listening -------------------------------------------------------------------------------

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    server.once('error', onError);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Chromium resolves localhost to ::1 and 127.0.0.1, so by default we listen on both with the same
 * port. With port 0 the IPv6 side may find the port taken: then try another free port.
 */
async function listenLoopback(handler: http.RequestListener, port: number, host: string | undefined): Promise<{ servers: http.Server[]; port: number }> {
  const hosts = host ? [host] : ['127.0.0.1', '::1'];
  for (let attempt = 0; ; attempt++) {
    const servers: http.Server[] = [];
    try {
      const first = http.createServer(handler);
      await listen(first, port, hosts[0]!);
      servers.push(first);
      const actual = (first.address() as AddressInfo).port;
      for (const h of hosts.slice(1)) {
        const s = http.createServer(handler);
        try {
          await listen(s, actual, h);
          servers.push(s);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT') continue; // no IPv6 here
          throw e;
        }
      }
      return { servers, port: actual };
    } catch (e) {
      await Promise.all(servers.map(closeServer));
      if (port !== 0 || (e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 10) throw e;
    }
  }
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  if (opts.host !== undefined && !LOOPBACK.has(opts.host)) throw new Error(`sandbox listens on loopback only, not ${opts.host}`);
  const { port = 0, host, testMode = false, ...rest } = opts;
  const defaults: SandboxConfig = mergeConfig(DEFAULT_CONFIG, rest as Record<string, unknown>);
  const portal = new Portal(defaults, testMode);
  const handler: http.RequestListener = (req, res) => void handle(portal, req, res);
  const listening = await listenLoopback(handler, port, host === 'localhost' ? undefined : host);
  portal.port = listening.port;
  let closed: Promise<void> | undefined;
  return {
    port: portal.port,
    origin: portal.origin,
    altOrigin: portal.altOrigin,
    close: () => (closed ??= Promise.all(listening.servers.map(closeServer)).then(() => undefined)),
  };
}
