/**
 * Sizes of the build, no browser: the content script that runs on every CloudMC page, and the
 * popup payload = popup.html itself (its CSS is inline) and every JS and CSS file it loads at
 * open (its scripts, modulepreloads and stylesheets, and the static imports of those chunks,
 * recursively; the built popup.html loads one classic script, popup-main.js).
 * gzip is node:zlib gzipSync at level 9, per file, summed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sizeRow, type Row } from './stats';

export const BUILD_DIR = path.resolve('.output/chrome-mv3-sandbox');
const CONTENT_SCRIPT = 'content-scripts/cloudmc.js';

const KB = 1024;

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export function sizeOf(root: string, file: string): FileSize {
  const bytes = readFileSync(path.join(root, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** `href`/`src` of a tag, by attribute name, tolerant of quoting and attribute order. */
function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Files an HTML page loads at open: script src, link rel=stylesheet and rel=modulepreload. */
export function entryFilesOf(html: string): string[] {
  const files: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src) files.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(tag, 'href');
    if (href && (rel.includes('stylesheet') || rel.includes('modulepreload'))) files.push(href);
  }
  return files;
}

/** Static `import … from "x"`, `import "x"` and `export … from "x"` of a minified ES module (not `import("x")`). */
export function staticImportsOf(js: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{][^;'"]*?\bfrom\s*)?(["'])([^"']+)\1/g;
  for (const m of js.matchAll(re)) out.push(m[2]!);
  return out;
}

/** Resolves `ref` (from `fromFile`, a path relative to root) to a path relative to root. */
function resolveRef(root: string, fromFile: string, ref: string): string | undefined {
  // Only paths: not bare specifiers, data: or other schemes, nor protocol-relative URLs.
  if (!/^\.{0,2}\//.test(ref) || ref.startsWith('//')) return undefined;
  const clean = ref.split(/[?#]/)[0]!;
  const abs = clean.startsWith('/') ? path.join(root, clean) : path.resolve(root, path.dirname(fromFile), clean);
  const rel = path.relative(root, abs);
  return rel.startsWith('..') ? undefined : rel.split(path.sep).join('/');
}

/** `page` itself, then every JS/CSS file it loads at open, each once, in discovery order. */
export function pagePayload(root: string, page: string): string[] {
  const html = readFileSync(path.join(root, page), 'utf8');
  const seen = new Set<string>([page]);
  const queue: Array<[from: string, ref: string]> = entryFilesOf(html).map((ref) => [page, ref]);
  while (queue.length) {
    const [from, ref] = queue.shift()!;
    const file = resolveRef(root, from, ref);
    if (!file || seen.has(file) || !/\.(m?js|css)$/.test(file)) continue;
    if (!existsSync(path.join(root, file))) throw new Error(`${page} loads ${ref}, which is not in the build`);
    seen.add(file);
    if (/\.m?js$/.test(file)) {
      for (const dep of staticImportsOf(readFileSync(path.join(root, file), 'utf8'))) queue.push([file, dep]);
    }
  }
  return [...seen];
}

export function measureSizes(root = BUILD_DIR): Row[] {
  if (!existsSync(path.join(root, 'manifest.json'))) throw new Error(`No build at ${root}: run npm run build first`);
  const cs = sizeOf(root, CONTENT_SCRIPT);
  const files = pagePayload(root, 'popup.html').map((f) => sizeOf(root, f));
  const raw = files.reduce((s, f) => s + f.raw, 0);
  const gzip = files.reduce((s, f) => s + f.gzip, 0);
  const list = files.map((f) => `${f.file} ${f.raw} B / ${f.gzip} B gz`).join('; ');
  return [
    sizeRow('size.content-script.raw', 'content script (every CloudMC page), raw', cs.raw, null),
    sizeRow('size.content-script.gzip', 'content script (every CloudMC page), gzip', cs.gzip, 8 * KB),
    sizeRow('size.popup.raw', `popup payload (popup.html with its CSS + ${files.length - 1} JS/CSS files), raw`, raw, null),
    sizeRow('size.popup.gzip', `popup payload (popup.html with its CSS + ${files.length - 1} JS/CSS files), gzip`, gzip, 30 * KB, `gzip per file, summed: ${list}`),
  ];
}
