/**
 * The vault passphrase asked again before any export (issue 10, item 8), as password
 * managers do: an unlocked vault left open is not enough to carry every secret away.
 */
import type { JSX } from 'preact';

export function ExportReauth(props: { label: string; value: string; onInput(v: string): void }): JSX.Element {
  return (
    <div class="form">
      <label for="export-vault-passphrase">{props.label}</label>
      <input
        id="export-vault-passphrase"
        type="password"
        data-testid="export-vault-passphrase"
        autocomplete="current-password"
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}
