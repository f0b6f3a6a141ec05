/**
 * Test-only control endpoints, mounted under /__test/ when the sandbox runs with testMode
 * (404 otherwise, so a demo never exposes secrets):
 *   POST /__test/reset          {ui?, qr?, clockOffsetSeconds?, splitHosts?, lang?, lockoutSeconds?, shadow?, splitInputs?, backupCodes?}
 *                               users back to the seed, sessions/challenges dropped, config =
 *                               start options + body
 *   POST /__test/config         same fields, applied on top of the running config, state kept
 *   GET  /__test/config         the running config
 *   GET  /__test/users          every user's state
 *   GET  /__test/users/:name    one user's state (username or e-mail), 404 if unknown
 */
import { mergeConfig } from './config';
import { HttpError, json, readJson, type Ctx } from './http';
import type { Portal } from './portal';

export async function handleTestApi(p: Portal, ctx: Ctx): Promise<void> {
  if (!p.testMode) throw new HttpError(404, 'not_found');
  const path = ctx.url.pathname;
  const route = `${ctx.method} ${path}`;

  if (route === 'POST /__test/reset' || route === 'POST /__test/config') {
    const body = await readJson(ctx, false);
    let next;
    try {
      next = mergeConfig(route === 'POST /__test/reset' ? p.defaults : p.config, body);
    } catch (e) {
      return json(ctx, 400, { error: 'invalid_config', message: (e as Error).message });
    }
    if (route === 'POST /__test/reset') p.state.reset();
    p.config = next;
    return json(ctx, 200, { config: p.config });
  }
  if (route === 'GET /__test/config') return json(ctx, 200, { config: p.config });
  if (route === 'GET /__test/users') return json(ctx, 200, [...p.state.users.values()].map((u) => p.state.publicState(u)));

  const m = /^\/__test\/users\/([^/]+)$/.exec(path);
  if (ctx.method === 'GET' && m) {
    const user = p.state.findLogin(decodeURIComponent(m[1]!));
    if (!user) return json(ctx, 404, { error: 'unknown_user' });
    return json(ctx, 200, p.state.publicState(user));
  }
  throw new HttpError(404, 'not_found');
}
