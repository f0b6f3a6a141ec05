/** The options page: the vault gate, then one section a concern (components/options/*). */
import { useEffect, useState } from 'preact/hooks';
import type { VaultState } from '@/lib/messages/protocol';
import { errorText, useApi } from './api';
import { Icon } from './Icon';
import { BackupSection } from './options/BackupSection';
import { ClockSection } from './options/ClockSection';
import { ExportSection } from './options/ExportSection';
import { ImportSection } from './options/ImportSection';
import { PassphraseSection } from './options/PassphraseSection';
import { SettingsSections } from './options/SettingsSection';
import { SitesSection } from './options/SitesSection';
import { LockedCtx } from './options/shared';
import { CreateVault, UnlockForm } from './VaultForms';

export function Options() {
  const { ask, t } = useApi();
  const [state, setState] = useState<VaultState | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    void ask({ type: 'vault.status' }).then((r) => (r.ok ? setState(r.value.state) : setError(errorText(t, r.error))));
  }, []);

  return (
    <main class="options">
      <header class="opt-head">
        <Icon name="shield" size={26} />
        <h1>{t('optionsTitle')}</h1>
        {state === 'unlocked' && (
          <button
            class="btn"
            type="button"
            data-testid="lock"
            onClick={async () => {
              await ask({ type: 'vault.lock' });
              setState('locked');
            }}
          >
            <Icon name="lock" size={16} />
            {t('lock')}
          </button>
        )}
      </header>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {state === 'absent' && (
        <div class="narrow">
          <CreateVault onDone={setState} />
        </div>
      )}
      {state === 'locked' && (
        <div class="narrow">
          <UnlockForm onUnlocked={() => setState('unlocked')} />
        </div>
      )}
      {state === 'unlocked' && (
        <LockedCtx.Provider value={() => setState('locked')}>
          <SettingsSections />
          <BackupSection />
          <SitesSection />
          <ClockSection />
          <PassphraseSection />
          <ExportSection />
          <ImportSection />
        </LockedCtx.Provider>
      )}
    </main>
  );
}
