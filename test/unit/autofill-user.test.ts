// @vitest-environment happy-dom
/**
 * The user name typed at the login step before the challenge (never the password) is told to
 * the background, whether the login form is in the page or in an open shadow root (a submit
 * event does not cross a shadow boundary).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sent = vi.hoisted(() => [] as Array<{ type: string; user?: string }>);
vi.mock('@/lib/messages/client', () => ({
  pageRequest: async (m: { type: string; user?: string }) => {
    sent.push(m);
    return { ok: true, value: {} };
  },
}));

const { autofill } = await import('@/lib/content/features/autofill');

const LOGIN = '<form><input name="user" type="text" value="rwalker"><input type="password" value="secret-pass"><button>Log in</button></form>';

let controller: AbortController;
beforeEach(() => {
  sent.length = 0;
  controller = new AbortController();
  document.body.innerHTML = '';
});
afterEach(() => controller.abort());

/** A submit as the browser fires it: bubbles, not composed. */
const submit = (form: HTMLFormElement) => form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
const users = () => sent.filter((m) => m.type === 'login.user').map((m) => m.user);

describe('the user name of the login step', () => {
  it('is read from a login form in the page', () => {
    document.body.innerHTML = LOGIN;
    autofill(controller.signal).scan();
    submit(document.querySelector('form')!);
    expect(users()).toEqual(['rwalker']);
  });

  it('is read from a login form in an open shadow root, attached after the script started', () => {
    const { scan } = autofill(controller.signal);
    scan();
    const host = document.createElement('cmc-login');
    document.body.append(host);
    const inner = host.attachShadow({ mode: 'open' });
    inner.innerHTML = `<div>${LOGIN}</div>`;
    scan(); // what the MutationObserver would run (lib/content/watch.ts)
    submit(inner.querySelector('form')!);
    expect(users()).toEqual(['rwalker']);
    expect(JSON.stringify(sent)).not.toContain('secret-pass');
  });

  it('is not read from a form without a password field (a search, a filter)', () => {
    document.body.innerHTML = '<form><input type="text" value="quota"><button>Go</button></form>';
    autofill(controller.signal).scan();
    submit(document.querySelector('form')!);
    expect(users()).toEqual([]);
  });
});
