/**
 * The extension's service worker, seen and stopped over the DevTools protocol, for the cold
 * popup rows: a user who opens the popup after half a minute of idle meets a stopped worker.
 *
 * `ServiceWorker.stopAllWorkers` on a CDP session of one of our pages stops every worker of the
 * profile's storage partition (ours is the only one); `ServiceWorker.workerVersionUpdated`
 * events say when ours is really stopped, and when a message has started it again.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

interface VersionUpdate {
  versions: Array<{ versionId: string; scriptURL: string; runningStatus: RunningStatus; status: string }>;
}

export interface WorkerControl {
  /** The last running status reported for the extension's worker. */
  status(): RunningStatus | 'unknown';
  /** Stops the worker and resolves once the browser reports it stopped. */
  stop(): Promise<void>;
  /** How many times the worker was seen starting since this control was opened. */
  starts(): number;
  close(): Promise<void>;
}

export async function workerControl(context: BrowserContext, page: Page, extensionId: string, timeoutMs: number): Promise<WorkerControl> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const prefix = `chrome-extension://${extensionId}/`;
  let status: RunningStatus | 'unknown' = 'unknown';
  let starts = 0;
  const waiters = new Set<() => void>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e: VersionUpdate) => {
    for (const v of e.versions) {
      if (!v.scriptURL.startsWith(prefix) || v.status !== 'activated') continue;
      if (v.runningStatus === 'starting' && status !== 'starting') starts++;
      status = v.runningStatus;
    }
    for (const w of waiters) w();
  });
  await cdp.send('ServiceWorker.enable');

  const until = (what: string, ok: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      if (ok()) return resolve();
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`the service worker was not ${what} within ${timeoutMs} ms (last status ${status})`));
      }, timeoutMs);
      const check = () => {
        if (!ok()) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
    });

  return {
    status: () => status,
    starts: () => starts,
    async stop() {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await until('stopped', () => status === 'stopped');
    },
    async close() {
      await cdp.detach().catch(() => undefined);
    },
  };
}
