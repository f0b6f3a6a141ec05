// @vitest-environment happy-dom
/**
 * Our button inside a page's open shadow root (web components, issue 9): the document's
 * elementFromPoint answers with the page's shadow host, so the "topmost at the click point"
 * check asks each tree from the host's own up to the document. A cover in any of those trees
 * still refuses the click.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { topmostAt } from '@/lib/page-ui/click-guard';

type Tree = Document | ShadowRoot;
const answer = (tree: Tree, el: Element | null) =>
  Object.defineProperty(tree, 'elementFromPoint', { value: () => el, configurable: true });

afterEach(() => {
  document.body.innerHTML = '';
  delete (document as unknown as Record<string, unknown>).elementFromPoint;
});

function page() {
  const card = document.createElement('cmc-card');
  const shadow = card.attachShadow({ mode: 'open' });
  const ours = document.createElement('div');
  shadow.append(ours);
  document.body.append(card);
  return { card, shadow, ours };
}

describe('topmostAt', () => {
  it('a host in the document: the document answers with it', () => {
    const ours = document.body.appendChild(document.createElement('div'));
    answer(document, ours);
    expect(topmostAt(ours, 5, 5)).toBe(true);
  });

  it('a host in an open shadow root: the shadow root answers with it, the document with the page host', () => {
    const { card, shadow, ours } = page();
    answer(document, card);
    answer(shadow, ours);
    expect(topmostAt(ours, 5, 5)).toBe(true);
  });

  it('covered inside the shadow tree: refused', () => {
    const { card, shadow, ours } = page();
    const lure = shadow.appendChild(document.createElement('div'));
    answer(document, card);
    answer(shadow, lure);
    expect(topmostAt(ours, 5, 5)).toBe(false);
  });

  it('covered in the document above the web component: refused', () => {
    const { shadow, ours } = page();
    const lure = document.body.appendChild(document.createElement('div'));
    answer(document, lure);
    answer(shadow, ours);
    expect(topmostAt(ours, 5, 5)).toBe(false);
  });
});
