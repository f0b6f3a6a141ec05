/**
 * Our elements in a CloudMC page live in open shadow roots: the page's CSS cannot restyle
 * them and ours cannot leak into the page. One stylesheet for all of them, kept tiny because
 * it ships in the content script that runs on every CloudMC page.
 */
const CSS =
  'button,p{all:initial;font:600 13px/1.3 system-ui,sans-serif;color:#fff;background:#1a7bb5;' +
  'border-radius:16px;padding:6px 12px}button{cursor:pointer;margin:0 6px 6px 0}button:focus-visible{outline:3px solid #7cc0ea}' +
  'button[disabled]{opacity:.6}p{position:fixed;z-index:2147483647;right:16px;bottom:16px;max-width:360px;border-radius:8px;' +
  'padding:10px 14px;background:#1f2d3d}[data-tone=ok]{background:#1b6e3a}[data-tone=error]{background:#a22}';

/** A host element whose shadow root holds our stylesheet and `content` (built with the DOM API, no HTML strings). */
export function shadowHost<T extends HTMLElement>(content: T, attributes: Record<string, string> = {}): { host: HTMLElement; content: T } {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CSS;
  for (const [name, value] of Object.entries(attributes)) content.setAttribute(name, value);
  root.append(style, content);
  return { host, content };
}
