/**
 * What the popup paints from the first-screen index (its URL carries it) before the background
 * answers: the rows, with the code each row's upcoming codes give for now; a row whose
 * horizon has passed shows a placeholder (empty code) until the answer comes.
 */
import { codeAt, parseFirstScreenIndex, type AccountView } from '../messages/protocol';

export interface Preview {
  accounts: AccountView[];
  broken: 0;
  preview: true;
}

export function previewOf(raw: unknown, now: number): Preview | null {
  const index = parseFirstScreenIndex(raw);
  if (!index || index.rows.length === 0) return null;
  const accounts = index.rows.map(({ upcoming: _codes, ...label }, i): AccountView => ({
    ...label,
    ...(codeAt(index.rows[i]!, now) ?? { code: '', nextCode: '', validUntil: 0 }),
  }));
  return { accounts, broken: 0, preview: true };
}
