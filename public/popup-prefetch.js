// Runs as soon as popup.html's <head> is parsed (a classic script; the module bundle waits for
// the whole document and its own download): the background starts answering while the
// popup's code is still loading. entrypoints/popup/main.tsx picks the answers up.
// - the first screen of accounts (FIRST_SCREEN in lib/messages/protocol.ts), codes included;
// - the vault's state;
// - the first-screen index the background keeps in storage.session (labels, order and the
//   next minutes of codes; no secret): painted at once when a stopped worker is still starting.
// test/unit/popup-boot.test.ts checks these literals against the protocol's constants.
(function () {
  var ask = function (message) {
    return chrome.runtime.sendMessage(message).catch(function (err) {
      return { ok: false, error: { code: 'unreachable', message: String(err) } };
    });
  };
  var key = 'popup.firstScreenIndex';
  globalThis.__cmcPopupBoot = {
    list: ask({ type: 'accounts.list', first: 8 }),
    status: ask({ type: 'vault.status' }),
    index: chrome.storage.session.get(key).then(
      function (items) { return items[key]; },
      function () { return undefined; }
    ),
  };
})();
