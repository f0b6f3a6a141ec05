/**
 * The per-request context and response helpers on top of plain node:http (no framework).
 * Every response carries a `Date` header from the sandbox clock (real time + the configured
 * offset), because the extension estimates its clock skew from that header.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLang, type Lang } from './i18n';

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  method: string;
  /** The Host header as sent, e.g. `localhost:8484`. */
  host: string;
  /** `http://` + host: the origin the browser used. */
  requestOrigin: string;
  cookies: Record<string, string>;
  /** Sandbox clock in epoch ms (offset applied). */
  now: number;
  lang: Lang;
  setCookies: string[];
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    if (k && !(k in out)) out[k] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

export function makeCtx(req: IncomingMessage, res: ServerResponse, now: number, defaultLang: Lang): Ctx {
  const host = req.headers.host ?? 'localhost';
  const url = new URL(req.url ?? '/', `http://${host}`);
  const cookies = parseCookies(req.headers.cookie);
  const ctx: Ctx = {
    req,
    res,
    url,
    method: req.method ?? 'GET',
    host,
    requestOrigin: `http://${host}`,
    cookies,
    now,
    lang: defaultLang,
    setCookies: [],
  };
  // ?lang=fr wins and sticks (cookie), then the cookie written by the language switch.
  const param = url.searchParams.get('lang');
  if (isLang(param)) {
    ctx.lang = param;
    setCookie(ctx, 'lang', param, { httpOnly: false, maxAge: 365 * 86400 });
  } else if (isLang(cookies.lang)) {
    ctx.lang = cookies.lang;
  }
  return ctx;
}

export function setCookie(ctx: Ctx, name: string, value: string, o: { httpOnly?: boolean; maxAge?: number } = {}): void {
  let c = `${name}=${encodeURIComponent(value)}; Path=/; SameSite=Lax`;
  if (o.httpOnly !== false) c += '; HttpOnly';
  if (o.maxAge !== undefined) c += `; Max-Age=${o.maxAge}`;
  ctx.setCookies.push(c);
}

export function clearCookie(ctx: Ctx, name: string): void {
  ctx.setCookies.push(`${name}=; Path=/; SameSite=Lax; HttpOnly; Max-Age=0`);
}

export function send(ctx: Ctx, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  const { res } = ctx;
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (ctx.setCookies.length) res.setHeader('Set-Cookie', ctx.setCookies);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.end(body);
}

export function html(ctx: Ctx, status: number, body: string): void {
  send(ctx, status, 'text/html; charset=utf-8', body);
}

export function json(ctx: Ctx, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(ctx, status, 'application/json; charset=utf-8', JSON.stringify(body), headers);
}

/** 302 for GET; 303 after a form POST so the browser follows with a GET. */
export function redirect(ctx: Ctx, location: string): void {
  const status = ctx.method === 'POST' ? 303 : 302;
  send(ctx, status, 'text/plain; charset=utf-8', `Redirecting to ${location}`, { Location: location });
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

/**
 * JSON request bodies, at most 64 KB. The app's own API insists on a JSON content type, which
 * also keeps plain cross-site form posts out; the /__test API is lenient for curl.
 */
async function readBody(ctx: Ctx): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 65536) throw new HttpError(413, 'body_too_large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** An HTML form post (application/x-www-form-urlencoded). */
export async function readForm(ctx: Ctx): Promise<URLSearchParams> {
  return new URLSearchParams(await readBody(ctx));
}

export async function readJson(ctx: Ctx, strictType = true): Promise<Record<string, unknown>> {
  const type = ctx.req.headers['content-type'] ?? '';
  if (strictType && !type.startsWith('application/json')) throw new HttpError(415, 'json_required');
  const text = (await readBody(ctx)).trim();
  if (!text) return {};
  try {
    const v: unknown = JSON.parse(text);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    /* fall through */
  }
  throw new HttpError(400, 'invalid_json');
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
