/**
 * The page UI, loaded on demand. Everything a CloudMC page shows of the extension (the
 * enrollment button, the status line, the chooser and prompts) and the watch for a refused
 * code live in a bundle the background injects when first needed, so that the content
 * script that runs on every CloudMC page stays within its size budget.
 *
 * Content scripts of one extension share one global scope per frame (the isolated world,
 * which the page cannot see): the injected bundle publishes its functions there.
 */
import { pageRequest } from '../messages/client';
import type { Tone } from '../page-ui/status';
import type { Click } from './features/capture-backup-codes';

export interface PageUi {
  showStatus(text: string, tone?: Tone): void;
  /** The login challenge's prompts (challenge-ui.ts); each returns what removes it. */
  offerUnlock(anchor: Element, signal: AbortSignal): () => void;
  offerChoice(anchor: Element, accounts: Array<{ id: string; name: string }>, pick: (id: string) => void, signal: AbortSignal): () => void;
  offerBackupCode(anchor: Element, signal: AbortSignal): () => void;
  watchOutcome(input: HTMLInputElement, done: () => boolean, signal: AbortSignal): Promise<'refused' | 'done'>;
  mountEnrollUi(signal: AbortSignal): void;
  /** Kept out of the always-loaded script for its size (see detect/may-show-backup-codes.ts). */
  findBackupCodes(root: ParentNode): string[] | null;
  /** Sends codes to the background (with whether `click` asked for them) and shows the outcome. */
  reportBackupCodes(codes: string[], click: Click | null): Promise<void>;
}

type Scope = { __cmcPageUi?: PageUi };

let loading: Promise<PageUi> | undefined;

/** The page UI, injecting it the first time. */
export function pageUi(): Promise<PageUi> {
  const ready = (globalThis as Scope).__cmcPageUi;
  if (ready) return Promise.resolve(ready);
  return (loading ??= pageRequest({ type: 'ui.inject' }).then((reply) => {
    const ui = (globalThis as Scope).__cmcPageUi;
    if (!reply.ok || !ui) {
      loading = undefined;
      throw new Error(reply.ok ? 'page UI did not load' : reply.error.message);
    }
    return ui;
  }));
}

/** Called once by the injected bundle. */
export function publishPageUi(ui: PageUi): void {
  (globalThis as Scope).__cmcPageUi ??= ui;
}
