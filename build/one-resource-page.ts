/**
 * Vite plugins for `wxt build` (not `wxt` dev: wxt.config.ts adds them for the build command
 * only, where the pages keep their plain links): each named HTML page loads exactly one
 * resource, the classic script it names. The browser fetches every <script src> and <link> of
 * a page alongside its first script, which delays that script (popup.html: ~1.25-1.45x an
 * extension page with one script, ~1.03x with everything below done).
 *
 * - Its stylesheets become ONE inline <style> where the first <link rel=stylesheet> stood (MV3's
 *   default CSP restricts scripts only); a CSS asset no other page or chunk names is dropped.
 * - Comments of the page's source are left out.
 * - WXT's `virtual:wxt-html-plugins` module script, which WXT adds to every page, is left out:
 *   the page's script is a WXT unlisted script, whose wrapper runs the same initPlugins().
 */
import path from 'node:path';
import type { Plugin } from 'vite';

const WXT_HTML_PLUGINS = /<script\b[^>]*\bsrc\s*=\s*["']?virtual:wxt-html-plugins["']?[^>]*>\s*<\/script>/gi;
const STYLESHEET = /<link\b[^>]*\brel\s*=\s*["']?stylesheet\b[^>]*>/gi;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
// Moved into the page, a relative url() would point elsewhere; `</style` would end the element.
const NOT_INLINABLE = /url\(\s*(?!["']?(?:[a-z][a-z\d+.-]*:|\/|#))|<\/style/i;

/** `pages`: HTML entries as paths from the project root, e.g. entrypoints/popup/index.html. */
export function oneResourcePage(pages: string[]): Plugin[] {
  let root = '';
  let base = '/';
  const pageOf = (filename: string) => path.relative(root, filename).split(path.sep).join('/');
  const inlined = new Set<string>();
  return [
    {
      name: 'cmc:one-resource-page:no-wxt-html-plugins',
      apply: 'build',
      // After WXT's plugins, so this 'pre' hook runs after WXT's (which adds the script) and
      // before Vite bundles the page's module scripts.
      enforce: 'post',
      configResolved(config) {
        root = config.root;
        base = config.base;
      },
      transformIndexHtml: {
        order: 'pre',
        handler: (html, ctx) => (pages.includes(pageOf(ctx.filename)) ? html.replace(WXT_HTML_PLUGINS, '') : undefined),
      },
    },
    {
      name: 'cmc:one-resource-page:inline-css',
      apply: 'build',
      transformIndexHtml: {
        order: 'post',
        handler(html, ctx) {
          const page = pageOf(ctx.filename);
          const bundle = ctx.bundle;
          if (!pages.includes(page) || !bundle) return;
          if (/<script\b[^>]*\btype\s*=\s*["']?module/i.test(html) || /<link\b[^>]*\bmodulepreload/i.test(html)) {
            throw new Error(`one-resource-page: ${page} still loads a module script: it must load only its classic script`);
          }
          const css: string[] = [];
          let at = -1;
          const out = html.replace(STYLESHEET, (tag, offset: number) => {
            const m = HREF.exec(tag);
            const href = m ? (m[1] ?? m[2] ?? m[3])! : '';
            const file = href.startsWith(base) ? href.slice(base.length) : href;
            const asset = bundle[file];
            if (asset?.type !== 'asset')
              throw new Error(`one-resource-page: ${page} links ${href}, not a CSS asset of this build`);
            const source = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
            if (NOT_INLINABLE.test(source))
              throw new Error(`one-resource-page: ${file} has a relative url() or </style: cannot inline it`);
            css.push(source.trim());
            inlined.add(file);
            if (at < 0) at = offset;
            return '';
          });
          if (at < 0) return;
          // The page ships without its source's comments (they are for the source's readers).
          return (out.slice(0, at) + `<style>${css.join('\n')}</style>` + out.slice(at)).replace(/<!--[\s\S]*?-->\s*/g, '');
        },
      },
      generateBundle: {
        // After Vite has written every page into the bundle: drop what nothing names any more.
        order: 'post',
        handler(_options, bundle) {
          const texts = Object.values(bundle).map((f) =>
            f.type === 'chunk' ? f.code : f.fileName.endsWith('.html') ? String(f.source) : '',
          );
          for (const file of inlined) if (!texts.some((text) => text.includes(file))) delete bundle[file];
        },
      },
    },
  ];
}
