/** A page of our own making on an enabled CloudMC origin, for specs about hostile pages. */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, type Sandbox } from '../fixtures';
import { openPopup } from './extension';

/** Serves `body` at `${sandbox.origin}/hostile` and opens it. */
export async function hostilePage(page: Page, sandbox: Sandbox, body: string): Promise<void> {
  await page.route(`${sandbox.origin}/hostile`, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>hostile</title><body>${body}</body>` }),
  );
  await page.goto(`${sandbox.origin}/hostile`);
}

/** How many account rows the popup lists. */
export async function storedAccounts(context: BrowserContext, extensionId: string): Promise<number> {
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByTestId('lock')).toBeVisible();
  const n = await popup.getByTestId('account').count();
  await popup.close();
  return n;
}
