/**
 * Several accounts on one portal and no user name to tell them apart (the challenge opened in
 * a tab that did not see the first login step): a chooser that lists names only.
 */
import { expect, getUserState, test } from './fixtures';
import { createVault } from './support/extension';
import { enrollWithOneClick } from './support/cloudmc';

test('two accounts, no typed user name: the chooser lists names, a click fills that code', async ({ context, page, sandbox, extensionId }) => {
  await createVault(context, extensionId);
  await enrollWithOneClick(page, sandbox, 'alice');
  await enrollWithOneClick(page, sandbox, 'bob');

  // A new tab, and the password step done by the page's own API (no form submit for the
  // content script to read a user name from); then the challenge shown on reload.
  const tab = await context.newPage();
  await tab.goto(`${sandbox.origin}/login`);
  await tab.evaluate(() =>
    fetch('/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'bob', password: 'cloudmc-demo' }),
    }),
  );
  await tab.reload();

  const choices = tab.getByTestId('cmc-choose');
  await expect(choices).toHaveCount(2);
  await expect(choices.nth(0)).toHaveText(/alice/);
  await expect(choices.nth(1)).toHaveText(/bob/);
  await choices.nth(1).click();
  await tab.waitForURL('**/dashboard');
  expect((await getUserState(sandbox, 'bob')).failedChallenges).toBe(0);
});
