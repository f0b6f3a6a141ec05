import { render } from 'preact';
import { ApiContext } from '@/components/api';
import { Options } from '@/components/Options';
import { createApi, setPageLang } from '@/lib/pages/platform';
import '@/components/theme.css';
import '@/components/options.css';

render(
  <ApiContext.Provider value={createApi()}>
    <Options />
  </ApiContext.Provider>,
  document.getElementById('app')!,
);
setPageLang();
