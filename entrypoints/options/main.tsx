import { render } from 'preact';
import { ApiContext } from '@/components/api';
import { Options } from '@/components/Options';
import { createApi, setPageLang } from '@/lib/pages/platform';
// The options page loads only what it uses: no popup styles.
import '@/components/styles/tokens.css';
import '@/components/styles/base.css';
import '@/components/styles/print.css';
import '@/components/styles/options.css';

render(
  <ApiContext.Provider value={createApi()}>
    <Options />
  </ApiContext.Provider>,
  document.getElementById('app')!,
);
setPageLang();
