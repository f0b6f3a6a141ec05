/**
 * A few buttons the extension puts after a page element (the account chooser, "Unlock to
 * fill your code", "Fill a backup code"). Only a person's click (isTrusted) runs an action:
 * page scripts cannot press our buttons.
 */
import { shadowHost } from './shadow';

export interface PanelButton {
  label: string;
  testid: string;
  onClick: () => void;
}

/** Shows the buttons after `anchor`, in a group named `title`; returns what removes them. */
export function showPanel(anchor: Element, title: string, buttons: PanelButton[], signal: AbortSignal): () => void {
  const { host, content: group } = shadowHost(document.createElement('div'), { role: 'group', 'aria-label': title });
  for (const b of buttons) {
    const button = document.createElement('button');
    button.textContent = b.label;
    button.dataset.testid = b.testid;
    button.addEventListener('click', (e) => e.isTrusted && b.onClick(), { signal });
    group.append(button);
  }
  anchor.after(host);
  const remove = () => host.remove();
  signal.addEventListener('abort', remove);
  return remove;
}
