/** A small modal confirmation: focus starts on Cancel, Escape cancels, Tab stays inside. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from './api';

interface Props {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  danger?: boolean;
  testid?: string;
  /** Resolves to an error message to show, or '' when done. */
  onConfirm(): Promise<string>;
  onCancel(): void;
}

export function ConfirmDialog(props: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    cancel.current?.focus();
    return () => before?.isConnected && before.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onCancel();
    } else if (e.key === 'Tab') {
      const f = box.current!.querySelectorAll<HTMLElement>('button:not([disabled])');
      const first = f[0];
      const last = f[f.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first?.focus();
      }
    }
  };

  const confirm = async () => {
    setBusy(true);
    const err = await props.onConfirm();
    setBusy(false);
    setError(err);
  };

  return (
    <div class="overlay" onKeyDown={onKeyDown}>
      <div
        ref={box}
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="dlg-title"
        aria-describedby="dlg-body"
        data-testid={props.testid}
      >
        <h2 id="dlg-title">{props.title}</h2>
        <div id="dlg-body">{props.children}</div>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <div class="actions">
          <button ref={cancel} class="btn" type="button" data-testid="dialog-cancel" onClick={props.onCancel}>
            {t('cancel')}
          </button>
          <button
            class={props.danger ? 'btn danger-fill' : 'btn primary'}
            type="button"
            data-testid="dialog-confirm"
            disabled={busy}
            onClick={confirm}
          >
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
