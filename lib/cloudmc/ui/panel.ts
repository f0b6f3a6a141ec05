/**
 * A small row of buttons the extension puts beside a page element (the account chooser, the
 * "Unlock to fill your code" prompt, "Fill a backup code"), in an open shadow root. Only a
 * person's click (isTrusted) runs an action: page scripts cannot press our buttons.
 */
export interface PanelButton {
  label: string;
  testid: string;
  onClick: () => void;
}

const STYLE =
  '<style>div{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0;font:14px system-ui,sans-serif}' +
  'button{all:initial;cursor:pointer;padding:6px 12px;border-radius:16px;background:#1a7bb5;color:#fff;' +
  'font:600 13px system-ui,sans-serif}button:focus-visible{outline:3px solid #7cc0ea}</style>';

/** Shows the panel after `anchor`; returns a function that removes it. */
export function showPanel(anchor: Element, title: string, buttons: PanelButton[], signal: AbortSignal): () => void {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = STYLE + '<div role="group"></div>';
  const group = root.querySelector('div')!;
  group.setAttribute('aria-label', title);
  for (const b of buttons) {
    const button = document.createElement('button');
    button.type = 'button';
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
