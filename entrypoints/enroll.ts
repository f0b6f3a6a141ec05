import { mountEnrollUi } from '@/lib/cloudmc/enroll-ui';

// Injected by the background into the top frame of a CloudMC tab that shows an enrollment
// step. Content scripts of one extension share a global scope per frame: mount once.
export default defineUnlistedScript(() => {
  const g = globalThis as { __cmcEnrollUi?: AbortController };
  if (g.__cmcEnrollUi) return;
  g.__cmcEnrollUi = new AbortController();
  mountEnrollUi(g.__cmcEnrollUi.signal);
});
