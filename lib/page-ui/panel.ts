/**
 * A few buttons the extension puts after a page element (the account chooser, "Unlock to
 * fill your code", "Fill a backup code"). Each button sits in its own closed shadow root,
 * and only a person's deliberate click runs its action (see click-guard.ts): page scripts
 * can neither press our buttons nor trick a person into pressing one they cannot see.
 */
import { closedHost } from './shadow';
import { guardClicks } from './click-guard';

export interface PanelButton {
  label: string;
  testid: string;
  onClick: () => void;
}

/** Shows the buttons after `anchor`, in a group named `title`; returns what removes them. */
export function showPanel(anchor: Element, title: string, buttons: PanelButton[], signal: AbortSignal): () => void {
  const group = document.createElement('div');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', title);
  const own = new AbortController();
  const remove = () => {
    own.abort();
    group.remove();
  };
  signal.addEventListener('abort', remove);
  for (const b of buttons) {
    const button = document.createElement('button');
    button.textContent = b.label;
    const { host, root } = closedHost(button, { type: 'button', 'data-testid': b.testid });
    const guard = guardClicks(host, root, button, own.signal);
    button.addEventListener('click', (e) => guard.allows(e) && b.onClick(), { signal: own.signal });
    group.append(host);
  }
  anchor.after(group);
  return remove;
}
