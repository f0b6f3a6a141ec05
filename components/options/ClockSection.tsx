import { useEffect, useState } from 'preact/hooks';
import { useApi } from '../api';
import { Section } from './shared';

/** The clock offsets measured from each portal's Date header (issue: correct codes when > 10 s). */
export function ClockSection() {
  const { ask, t } = useApi();
  const [offsets, setOffsets] = useState<Array<{ origin: string; offsetMs: number; applied: boolean; tooLarge: boolean }> | null>(null);
  useEffect(() => {
    void ask({ type: 'clock.offsets' }).then((r) => r.ok && setOffsets(r.value.offsets));
  }, []);
  return (
    <Section id="sec-clock" title={t('secClock')} intro={t('clockIntro')}>
      {offsets && offsets.length === 0 && <p class="hint">{t('clockNone')}</p>}
      {offsets && offsets.length > 0 && (
        <ul class="sites" data-testid="clock-offsets">
          {offsets.map((o) => (
            <li key={o.origin}>
              <code>{o.origin}</code>
              <span class="tag" role={o.tooLarge ? 'alert' : undefined} data-testid={o.tooLarge ? 'clock-too-large' : undefined}>
                {t(o.tooLarge ? 'clockTooLarge' : o.applied ? 'clockApplied' : 'clockIgnored', (Math.round(o.offsetMs / 100) / 10).toString())}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

