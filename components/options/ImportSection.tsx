/**
 * Import: several files at once (our backups, Aegis, 2FAS, Bitwarden, the Authenticator
 * extension, otpauth lists) and QR images (Google Authenticator's transfer), by the file
 * picker, drag-and-drop or a pasted screenshot. A preview (issuer, user, the portal it will be
 * bound to, duplicates skipped) comes before anything is stored.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportPreview, ImportSource } from '@/lib/messages/protocol';
import { needsPassphrase } from '@/lib/import/detect';
import { useApi } from '../api';
import { fileToSource, imageSourcesOf } from '../files';
import { ImportPreviewView } from './ImportPreview';
import { Section, Status, useErr } from './shared';

const MAX_IMPORT = 5 * 1024 * 1024;

export function ImportSection() {
  const { ask, t } = useApi();
  const err = useErr();
  const [sources, setSources] = useState<ImportSource[]>([]);
  const [pass, setPass] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [msg, setMsg] = useState({ ok: '', error: '' });
  const fileRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);
  const encrypted = sources.some((s) => s.text !== undefined && needsPassphrase(s.text));

  const reset = () => {
    setSources([]);
    setPass('');
    setPreview(null);
    if (fileRef.current) fileRef.current.value = '';
  };

  const runPreview = async (files: ImportSource[], passphrase: string) => {
    setBusy(true);
    setMsg({ ok: '', error: '' });
    const r = await ask({ type: 'import.preview', files, ...(passphrase ? { passphrase } : {}) });
    setBusy(false);
    if (r.ok) return setPreview(r.value);
    setPreview(null);
    setMsg({ ok: '', error: err(r.error) });
    if (r.error.code === 'wrong-passphrase' || r.error.code === 'passphrase-required') passRef.current?.focus();
  };

  /** New files replace the previous choice; a pasted screenshot is added to it. */
  const take = async (files: File[], add = false) => {
    setPreview(null);
    setMsg({ ok: '', error: '' });
    if (files.length === 0) return;
    const big = files.find((f) => f.size > MAX_IMPORT);
    if (big) return setMsg({ ok: '', error: t('importTooBig') + ` (${big.name})` });
    const next = [...(add ? sources : []), ...(await Promise.all(files.map(fileToSource)))];
    setSources(next);
    if (next.some((s) => s.text !== undefined && needsPassphrase(s.text))) requestAnimationFrame(() => passRef.current?.focus());
    else void runPreview(next, '');
  };

  // A transfer QR captured from a tab by the popup waits in the background: preview it.
  useEffect(() => {
    void ask({ type: 'import.pending' }).then((r) => {
      if (r.ok && r.value.files.length > 0) {
        setSources(r.value.files);
        void runPreview(r.value.files, '');
      }
    });
  }, []);

  // A screenshot pasted anywhere on the page (Ctrl+V) is read like an image file.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const images = imageSourcesOf(e.clipboardData);
      if (images.length === 0) return;
      e.preventDefault();
      void take(images, true);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  });

  const apply = async () => {
    setBusy(true);
    const r = await ask({ type: 'import.apply', files: sources, ...(encrypted ? { passphrase: pass } : {}) });
    setBusy(false);
    if (!r.ok) return setMsg({ ok: '', error: err(r.error) });
    reset();
    setMsg({ ok: t('imported', [r.value.add.length, r.value.duplicates.length]), error: '' });
  };

  return (
    <Section id="sec-import" title={t('secImport')} intro={t('importIntro')}>
      <div
        class={over ? 'drop-zone over' : 'drop-zone'}
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void take([...(e.dataTransfer?.files ?? [])]);
        }}
      >
        <label for="import-file">{t('importFile')}</label>
        <input
          id="import-file"
          ref={fileRef}
          type="file"
          multiple
          data-testid="import-file"
          accept=".json,.txt,.2fas,application/json,text/plain,image/png,image/jpeg,image/gif,image/webp"
          onChange={(e) => void take([...(e.currentTarget.files ?? [])])}
        />
        <p class="hint">{t('importDropHint')}</p>
        {sources.length > 0 && (
          <ul class="import-files" data-testid="import-files">
            {sources.map((s, i) => (
              <li key={i}>{s.name}</li>
            ))}
          </ul>
        )}
      </div>
      {encrypted && (
        <form
          class="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!pass) {
              setMsg({ ok: '', error: t('passRequired') });
              return passRef.current?.focus();
            }
            void runPreview(sources, pass);
          }}
        >
          <label for="import-passphrase">{t('importPassphrase')}</label>
          <input
            id="import-passphrase"
            ref={passRef}
            type="password"
            autocomplete="off"
            data-testid="import-passphrase"
            value={pass}
            onInput={(e) => setPass(e.currentTarget.value)}
          />
          <button class="btn" type="submit" data-testid="import-preview" disabled={busy}>
            {busy && <span class="spinner" aria-hidden="true" />}
            {t('importPreview')}
          </button>
        </form>
      )}
      {preview && <ImportPreviewView preview={preview} busy={busy} onApply={apply} onCancel={reset} />}
      <Status ok={msg.ok} error={msg.error} testid="import-status" />
    </Section>
  );
}
