/** Issue 10, item 1: the sender policy hands the browser's documentId on to the page handlers. */
import { describe, expect, it } from 'vitest';
import { classifySender, type PolicyEnv } from '@/lib/messages/policy';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const env: PolicyEnv = { extensionId: ID, extensionOrigin: `chrome-extension://${ID}`, isEnabledOrigin: () => true };
const top = { id: ID, url: 'https://charter.dev.cloudmc.io/profile', origin: 'https://charter.dev.cloudmc.io', frameId: 0, tab: { id: 4 } };

describe('documentId', () => {
  it('is passed on when the browser gives it (Chrome), absent otherwise (Firefox)', () => {
    expect(classifySender({ ...top, documentId: 'D1' }, env)).toMatchObject({ ok: true, sender: { kind: 'content-script', tabId: 4, documentId: 'D1' } });
    const firefox = classifySender(top, env);
    expect(firefox.ok && 'documentId' in firefox.sender).toBe(false);
  });
});
