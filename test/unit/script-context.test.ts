// @vitest-environment happy-dom
/**
 * The content script's slim context (lib/content/script-context.ts, aliased in place of WXT's
 * for the build) retires an older copy of the content script the way WXT's does, and WXT's
 * class (an older build of the extension in the same page) and ours retire each other.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext as Slim } from '@/lib/content/script-context';

// WXT's own class, by file: the alias in wxt.config.ts may also apply under vitest.
const { ContentScriptContext: Wxt } = await import('../../node_modules/wxt/dist/utils/content-script-context.mjs');

describe('the content script context', () => {
  it('uses the event name WXT uses', () => {
    expect(Wxt).not.toBe(Slim);
    // A private static in WXT's typings: read as data.
    expect(Slim.SCRIPT_STARTED_MESSAGE_TYPE).toBe(
      (Wxt as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE,
    );
  });

  it('a newer copy of the same content script invalidates the older one, not itself', () => {
    const older = new Slim('cloudmc');
    let stopped = 0;
    older.onInvalidated(() => stopped++);
    const newer = new Slim('cloudmc');
    expect([older.signal.aborted, newer.signal.aborted, stopped]).toEqual([true, false, 1]);
    newer.abort();
  });

  it('another content script of the extension does not', () => {
    const ours = new Slim('cloudmc');
    const other = new Slim('other');
    expect([ours.isValid, other.isValid]).toEqual([true, true]);
    ours.abort();
    other.abort();
  });

  it("WXT's class and ours retire each other", () => {
    const wxtOld = new Wxt('cloudmc');
    const slim = new Slim('cloudmc');
    expect(wxtOld.signal.aborted).toBe(true);
    const wxtNew = new Wxt('cloudmc');
    expect([slim.signal.aborted, wxtNew.signal.aborted]).toEqual([true, false]);
    wxtNew.abort();
  });

  it('is invalid once the extension is gone (reloaded or removed)', () => {
    const ctx = new Slim('cloudmc');
    const runtime = fakeBrowser.runtime as { id?: string };
    const before = runtime.id;
    runtime.id = undefined;
    try {
      expect(ctx.isInvalid).toBe(true);
      expect(ctx.signal.aborted).toBe(true);
    } finally {
      runtime.id = before;
    }
  });
});
