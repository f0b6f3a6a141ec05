/**
 * The one status line the extension shows in a CloudMC page (`data-testid="cmc-status"`).
 * Shared by every content script of the tab: whoever speaks last is shown.
 */
import { shadowHost } from './shadow';

const HOST_ID = 'cmc-authenticator-status';

export type Tone = 'info' | 'ok' | 'error';

export function showStatus(text: string, tone: Tone = 'info'): void {
  let host = document.getElementById(HOST_ID);
  if (!host) {
    host = shadowHost(document.createElement('p'), { 'data-testid': 'cmc-status', role: 'status', 'aria-live': 'polite' }).host;
    host.id = HOST_ID;
    document.documentElement.append(host);
  }
  const p = host.shadowRoot!.querySelector('p')!;
  p.dataset.tone = tone;
  p.textContent = text;
}
