// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fillInput } from '@/lib/content/detect';

describe('fillInput', () => {
  it('sets the value and fires bubbling input then change', () => {
    document.body.innerHTML = '<form><input name="code"></form>';
    const input = document.querySelector('input')!;
    const seen: string[] = [];
    document.body.addEventListener('input', (e) => seen.push(`${e.type}:${(e.target as HTMLInputElement).value}`));
    document.body.addEventListener('change', (e) => seen.push(`${e.type}:${(e.target as HTMLInputElement).value}`));
    fillInput(input, '104107');
    expect(input.value).toBe('104107');
    expect(seen).toEqual(['input:104107', 'change:104107']);
  });

  it('bypasses a React-style tracked value setter so the framework sees a change', () => {
    document.body.innerHTML = '<input>';
    const input = document.querySelector('input')!;
    // React's inputValueTracking: an own `value` property on the node records what React last
    // set; on 'input' React compares it with the real value and ignores the event if equal.
    const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
    let tracked = '';
    Object.defineProperty(input, 'value', {
      configurable: true,
      get() {
        return native.get!.call(this);
      },
      set(v: string) {
        tracked = v;
        native.set!.call(this, v);
      },
    });
    let reactSawChange = false;
    input.addEventListener('input', () => {
      const actual = input.value;
      if (actual !== tracked) {
        reactSawChange = true;
        tracked = actual;
      }
    });
    fillInput(input, '878150');
    expect(reactSawChange).toBe(true);
    expect(input.value).toBe('878150');
  });
});
