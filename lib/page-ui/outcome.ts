/**
 * After we submit a code: did the portal refuse it? CloudMC shows an error beside the input
 * and keeps the form; on success it moves on (backup codes, or another page). We look for a
 * fresh error near the input, by structure, not by wording.
 */
import { closest } from '../content/detect/dom';
import { observeDeep } from '../content/watch';

const ERROR_LIKE = '[role=alert],.alert-danger,.error,.invalid-feedback,.text-danger,.has-error,.help-block';

function isShown(el: Element): boolean {
  return !(el as HTMLElement).hidden && getComputedStyle(el).display !== 'none' && !!el.textContent?.trim();
}

/**
 * Resolves 'refused' when an error near `input` is shown or rewritten after this call, and
 * 'done' when `done()` says the portal moved on. Stops with `signal`.
 */
export function watchOutcome(input: HTMLInputElement, done: () => boolean, signal: AbortSignal): Promise<'refused' | 'done'> {
  const container: Element = input.form ?? closest(input, 'section,[role=dialog],main') ?? document.body;
  return new Promise((resolve) => {
    const observer = new MutationObserver((records) => {
      addRoots();
      if (done()) return finish('done');
      for (const r of records) {
        const el = r.target instanceof Element ? r.target : r.target.parentElement;
        const error = el && closest(el, ERROR_LIKE);
        const invalid = r.attributeName === 'aria-invalid' && input.getAttribute('aria-invalid') === 'true';
        if (invalid || (error && container.contains(error) && isShown(error))) return finish('refused');
      }
    });
    const finish = (outcome: 'refused' | 'done') => {
      observer.disconnect();
      resolve(outcome);
    };
    const addRoots = observeDeep(observer, { subtree: true, childList: true, characterData: true, attributes: true });
    signal.addEventListener('abort', () => observer.disconnect());
  });
}
