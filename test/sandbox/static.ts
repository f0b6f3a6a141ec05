/**
 * The client scripts and stylesheets under public/, plus /static/js/icons.js generated from
 * pages/icons.ts. Only flat `[a-z0-9-]+.(js|css)` names are served: no path can escape public/.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpError, send, type Ctx } from './http';
import { ICONS } from './pages/icons';

const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'public');
const ICONS_JS = `export const ICONS = ${JSON.stringify(ICONS)};\n`;
const TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' } as const;

export async function serveStatic(ctx: Ctx): Promise<void> {
  const m = /^\/static\/(js|css)\/([a-z0-9-]+)\.(js|css)$/.exec(ctx.url.pathname);
  if (!m || m[1] !== m[3]) throw new HttpError(404, 'not_found');
  const ext = m[3] as keyof typeof TYPES;
  if (ext === 'js' && m[2] === 'icons') return send(ctx, 200, TYPES.js, ICONS_JS);
  let body: Buffer;
  try {
    body = await readFile(join(PUBLIC_DIR, ext, `${m[2]}.${ext}`));
  } catch {
    throw new HttpError(404, 'not_found');
  }
  send(ctx, 200, TYPES[ext], body);
}
