/**
 * Notices an enrollment step (QR + code input) and asks the background to inject the
 * enrollment UI, which is kept out of this always-loaded script for size.
 */
import { tellBackground } from '../../messages/client';
import { findEnrollmentStep } from '../detect';

export function offerEnrollment(): () => void {
  const offered = new WeakSet<Element>();
  return () => {
    const step = findEnrollmentStep(document);
    if (!step || offered.has(step.qr)) return;
    offered.add(step.qr);
    void tellBackground({ type: 'enroll.available' });
  };
}
