/**
 * The sender policy (DESIGN.md, security rule 3). Every message handler in the background
 * asks `classifySender` first and acts only on what the verdict allows: extension pages may
 * drive the vault; content scripts may only report page facts, and only from the top frame
 * of an enabled CloudMC origin. The origin always comes from the browser's `sender`, never
 * from the message body.
 */
import { originOf } from '../origin';

/** The fields of `runtime.MessageSender` the policy reads; the browser fills them, not the page. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  /** Chrome 106+: the sending document, unique per page load (a navigation gets a new one). */
  documentId?: string;
  tab?: { id?: number; url?: string };
}

export interface PolicyEnv {
  extensionId: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`, without a trailing slash. */
  extensionOrigin: string;
  isEnabledOrigin(origin: string): boolean;
}

export type TrustedSender =
  | { kind: 'extension-page'; url: string }
  | { kind: 'content-script'; origin: string; tabId: number; url: string; documentId?: string };

export type Rejection =
  | 'foreign-extension'
  | 'no-url'
  | 'not-a-tab'
  | 'sub-frame'
  | 'origin-mismatch'
  | 'origin-not-enabled';

export type Verdict = { ok: true; sender: TrustedSender } | { ok: false; reason: Rejection };

const reject = (reason: Rejection): Verdict => ({ ok: false, reason });

export function classifySender(sender: SenderLike, env: PolicyEnv): Verdict {
  if (sender.id !== env.extensionId) return reject('foreign-extension');
  if (!sender.url) return reject('no-url');

  // Our own pages (popup, options, an unlock window), in a tab or not.
  if (sender.url.startsWith(env.extensionOrigin + '/')) {
    if (sender.origin !== undefined && sender.origin !== env.extensionOrigin) {
      return reject('origin-mismatch');
    }
    return { ok: true, sender: { kind: 'extension-page', url: sender.url } };
  }

  // Anything else must be our content script in a tab's top frame.
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return reject('not-a-tab');
  if (sender.frameId !== 0) return reject('sub-frame');
  const origin = originOf(sender.url);
  if (!origin) return reject('origin-not-enabled');
  // Chrome also reports the frame's origin; an opaque or different one (sandboxed frame,
  // about:blank document with an inherited URL) must not borrow the URL's origin.
  if (sender.origin !== undefined && sender.origin !== origin) return reject('origin-mismatch');
  if (!env.isEnabledOrigin(origin)) return reject('origin-not-enabled');
  const documentId = typeof sender.documentId === 'string' ? { documentId: sender.documentId } : {};
  return { ok: true, sender: { kind: 'content-script', origin, tabId, url: sender.url, ...documentId } };
}
