import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// WxtVitest gives the tests WXT's aliases (`@/`), auto-imports and a fake `browser`.
// lib/otp and lib/vault need none of it: Node's WebCrypto and fake-indexeddb cover them.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // Vault tests run real PBKDF2 (600k iterations) and IndexedDB round trips: CPU-bound work
    // that takes several times longer on a busy 2-core CI machine than vitest's 5 s default.
    testTimeout: 30_000,
  },
});
