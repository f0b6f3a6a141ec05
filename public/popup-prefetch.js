// Runs as soon as popup.html's <head> is parsed (a classic script; the module bundle waits for
// the whole document and its own download): the background starts answering while the
// popup's code is still loading. entrypoints/popup/main.tsx picks the answers up.
(function () {
  var ask = function (type) {
    return chrome.runtime.sendMessage({ type: type }).catch(function (err) {
      return { ok: false, error: { code: 'unreachable', message: String(err) } };
    });
  };
  globalThis.__cmcPopupBoot = { list: ask('accounts.list'), status: ask('vault.status') };
})();
