/**
 * Which of an origin's accounts a page event (codes regenerated, 2FA disabled) is about: the
 * only one, else the one last used to log in there; none when that cannot be told.
 */
export function pickAccount<A extends { readonly id: string }>(candidates: readonly A[], lastUsedId: string | undefined): A | undefined {
  return candidates.length === 1 ? candidates[0] : candidates.find((a) => a.id === lastUsedId);
}
