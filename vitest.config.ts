import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// WxtVitest gives the tests WXT's aliases (`@/`), auto-imports and a fake `browser`.
// lib/otp and lib/vault need none of it: Node's WebCrypto and fake-indexeddb cover them.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
  },
});
