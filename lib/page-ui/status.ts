/**
 * The one status line the extension shows in a CloudMC page (`data-testid="cmc-status"`).
 * It holds no control, so its shadow root stays open (tests read its text). We keep our own
 * reference to it rather than looking it up by id: a page that creates an element with our
 * id first (issue 10, item 11) gets no say in what we show.
 */
import { shadowHost } from './shadow';

const HOST_ID = 'cmc-authenticator-status';

export type Tone = 'info' | 'ok' | 'error';

let line: { host: HTMLElement; p: HTMLParagraphElement } | undefined;

export function showStatus(text: string, tone: Tone = 'info'): void {
  if (!line) {
    const { host, content: p } = shadowHost(document.createElement('p'), { 'data-testid': 'cmc-status', role: 'status', 'aria-live': 'polite' });
    host.id = HOST_ID;
    line = { host, p };
  }
  // Re-attached if the page removed it.
  if (!line.host.isConnected) document.documentElement.append(line.host);
  line.p.dataset.tone = tone;
  line.p.textContent = text;
}
