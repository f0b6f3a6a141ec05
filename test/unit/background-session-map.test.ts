/**
 * storage.session entries kept by the background (login per tab, pending enrollments). Two
 * overlapping service-worker lives are two sessionMap instances over one storage.session.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionMap } from '@/lib/background/session-map';

beforeEach(() => fakeBrowser.reset());

describe('sessionMap', () => {
  it('two worker lives writing different entries at once: both kept', async () => {
    const [a, b] = [sessionMap<string>('loginTabs'), sessionMap<string>('loginTabs')];
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).set(i, `v${i}`)));
    const fresh = sessionMap<string>('loginTabs');
    for (let i = 0; i < 20; i++) expect(await fresh.get(i)).toBe(`v${i}`);
  });

  it('updates of one entry within a worker life are applied one at a time, none lost', async () => {
    const m = sessionMap<number>('counter');
    await Promise.all(Array.from({ length: 50 }, () => m.update('n', (n) => (n ?? 0) + 1)));
    expect(await m.get('n')).toBe(50);
  });

  it('clear removes every entry of this map and nothing of another', async () => {
    const [tabs, other] = [sessionMap<string>('loginTabs'), sessionMap<string>('other')];
    await Promise.all([tabs.set(1, 'x'), tabs.set(2, 'y'), other.set(1, 'kept')]);
    await tabs.clear();
    expect(await tabs.entries()).toEqual([]);
    expect(await other.entries()).toEqual([['1', 'kept']]);
  });
});
