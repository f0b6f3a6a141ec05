/** An async action behind one button: busy while it runs (the button disabled), then its error. */
import { useState } from 'preact/hooks';

/** `action` resolves to an error message to show, or '' when it went through. */
export function useAction(action: () => Promise<string>): { busy: boolean; error: string; run(): Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  return {
    busy,
    error,
    async run() {
      setBusy(true);
      setError('');
      const message = await action();
      setBusy(false);
      setError(message);
    },
  };
}
