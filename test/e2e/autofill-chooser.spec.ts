/**
 * Several accounts on one portal and no user name to tell them apart (the challenge opened in
 * a tab that did not see the first login step): a chooser that lists names only.
 */
import { expect, getUserState, test } from './fixtures';
import { createVault } from './support/extension';
import { enrollWithOneClick } from './support/cloudmc';
import { pressOurButton } from './support/our-button';

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
  // The names sit in closed shadow roots (the page cannot read which accounts exist); the
  // choices come in enrollment order, and picking bob's passes bob's challenge.
  await pressOurButton(choices.nth(1));
  await tab.waitForURL('**/dashboard');
  expect((await getUserState(sandbox, 'bob')).failedChallenges).toBe(0);
});
