import { useEffect, useState } from 'preact/hooks';
import type { Reply, VaultState } from '@/lib/messages/protocol';

interface Props {
  loadStatus: () => Promise<Reply<{ state: VaultState }>>;
}

export function Popup({ loadStatus }: Props) {
  const [status, setStatus] = useState<Reply<{ state: VaultState }> | null>(null);
  useEffect(() => {
    void loadStatus().then(setStatus);
  }, [loadStatus]);

  return (
    <main class="popup">
      <h1>CloudMC Authenticator</h1>
      {status === null && <p aria-busy="true">…</p>}
      {status && !status.ok && <p role="alert">{status.error.message}</p>}
      {status?.ok && <p data-testid="vault-state">{status.value.state}</p>}
    </main>
  );
}
