/**
 * Presses one of the extension's buttons in a page as a person would: our buttons refuse a
 * click until they have been on screen for 500 ms (lib/page-ui/click-guard.ts); the host
 * says so with `data-armed`, which this waits for instead of sleeping.
 */
import { expect, type Locator } from '@playwright/test';

export async function pressOurButton(button: Locator): Promise<void> {
  await expect(button).toHaveAttribute('data-armed', 'true');
  await button.click();
}
