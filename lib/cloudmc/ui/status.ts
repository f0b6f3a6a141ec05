/**
 * The one status line the extension shows in a CloudMC page (`data-testid="cmc-status"`),
 * in an open shadow root so the page's CSS cannot reach it and ours cannot leak out.
 * Shared by every content script of the tab: whoever speaks last is shown.
 */
const HOST_ID = 'cmc-authenticator-status';

export type Tone = 'info' | 'ok' | 'error';

export function showStatus(text: string, tone: Tone = 'info'): void {
  let host = document.getElementById(HOST_ID);
  if (!host) {
    host = document.createElement('div');
    host.id = HOST_ID;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML =
      '<style>p{all:initial;position:fixed;z-index:2147483647;right:16px;bottom:16px;max-width:360px;' +
      'padding:10px 14px;border-radius:8px;font:14px/1.4 system-ui,sans-serif;color:#fff;background:#1f2d3d;' +
      'box-shadow:0 4px 16px #0004}p[data-tone=ok]{background:#1b6e3a}p[data-tone=error]{background:#a22}</style>' +
      '<p data-testid="cmc-status" role="status" aria-live="polite"></p>';
    document.documentElement.append(host);
  }
  const p = host.shadowRoot!.querySelector('p')!;
  p.dataset.tone = tone;
  p.textContent = text;
}
