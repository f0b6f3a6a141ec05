/**
 * Our elements in a CloudMC page live in shadow roots: the page's CSS cannot restyle them and
 * ours cannot leak into the page. Controls (buttons) live in CLOSED roots, so a page script
 * cannot reach them to restyle, read or press them; their test ids sit on the host (DESIGN.md
 * test contract), which is sized to its content so a click at its centre reaches the control.
 * The status line, which holds no control, stays open. One stylesheet for all of them, kept
 * tiny because it ships in every page UI.
 */
const CSS =
  'button,p{all:initial;font:600 13px/1.3 system-ui,sans-serif;color:#fff;background:#1a7bb5;' +
  'border-radius:16px;padding:6px 12px}button{cursor:pointer;margin:0 6px 6px 0}button:focus-visible{outline:3px solid #7cc0ea}' +
  'button[disabled]{opacity:.6}p{position:fixed;z-index:2147483647;right:16px;bottom:16px;max-width:360px;border-radius:8px;' +
  'padding:10px 14px;background:#1f2d3d}[data-tone=ok]{background:#1b6e3a}[data-tone=error]{background:#a22}';

export interface Hosted<T extends HTMLElement> {
  host: HTMLElement;
  /** Our side of the boundary: closed roots are reachable only through this reference. */
  root: ShadowRoot;
  content: T;
}

/** A host whose open shadow root holds our stylesheet and `content` (built with the DOM API, no HTML strings). */
export function shadowHost<T extends HTMLElement>(content: T, attributes: Record<string, string> = {}): Hosted<T> {
  return attach(content, attributes, 'open');
}

/** The same for a control: a closed root; `data-testid` goes on the host. */
export function closedHost<T extends HTMLElement>(content: T, attributes: Record<string, string> = {}): Hosted<T> {
  const { 'data-testid': testid, ...inner } = attributes;
  const hosted = attach(content, inner, 'closed');
  hosted.host.style.cssText = 'display:inline-block';
  if (testid) hosted.host.dataset.testid = testid;
  return hosted;
}

function attach<T extends HTMLElement>(content: T, attributes: Record<string, string>, mode: ShadowRootMode): Hosted<T> {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode });
  const style = document.createElement('style');
  style.textContent = CSS;
  for (const [name, value] of Object.entries(attributes)) content.setAttribute(name, value);
  root.append(style, content);
  return { host, root, content };
}
