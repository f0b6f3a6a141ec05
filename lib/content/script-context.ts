/**
 * A slim ContentScriptContext for the always-loaded content script, put in place of WXT's by an
 * alias in wxt.config.ts (DESIGN.md budget: WXT's class, with its location watcher, logger and
 * timer wrappers, weighs ~1 KB gzip of the 8 KB). It keeps what we rely on, the same way WXT
 * does it: a newer copy of this content script in the page (the background injects one when a
 * site is enabled; the extension reloaded) announces itself with the same event WXT uses, and
 * the older copy aborts its signal, so its observers and listeners stop. No `wxt:locationchange`
 * (CloudMC's client-side routes are followed by the MutationObserver, lib/content/watch.ts).
 * test/unit/script-context.test.ts checks that it and WXT's class retire each other.
 */
import { browser } from 'wxt/browser';

interface Started {
  contentScriptName?: string;
  messageId?: string;
}

export class ContentScriptContext {
  static readonly SCRIPT_STARTED_MESSAGE_TYPE = `${browser.runtime?.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;
  readonly id = Math.random().toString(36).slice(2);
  readonly abortController = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: object,
  ) {
    const type = ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE;
    document.dispatchEvent(new CustomEvent<Started>(type, { detail: { contentScriptName, messageId: this.id } }));
    const onNewer = (e: Event) => {
      const detail = (e as CustomEvent<Started | null>).detail;
      if (detail?.contentScriptName === contentScriptName && detail.messageId !== this.id) this.notifyInvalidated();
    };
    document.addEventListener(type, onNewer, { signal: this.signal });
  }

  get signal(): AbortSignal {
    return this.abortController.signal;
  }
  /** Also true once the extension is gone (reloaded or removed): its runtime has no id then. */
  get isInvalid(): boolean {
    if (!browser.runtime?.id) this.notifyInvalidated();
    return this.signal.aborted;
  }
  get isValid(): boolean {
    return !this.isInvalid;
  }
  abort(reason?: unknown): void {
    this.abortController.abort(reason);
  }
  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }
  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }
  block<T>(): Promise<T> {
    return new Promise(() => {});
  }
  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }
  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }
  addEventListener(target: EventTarget, type: string, handler: EventListener, options?: AddEventListenerOptions): void {
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }
}
