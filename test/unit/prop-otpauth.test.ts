/**
 * Property-based tests of the otpauth parser (lib/otp/uri.ts): it takes what a QR code or a
 * paste holds, so it must answer every string with a value, never an exception, and give back
 * exactly what formatOtpauthUri wrote (the plaintext export is one formatted URI a line).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatOtpauthUri, parseOtpInput, type ParseErrorCode } from '@/lib/otp/uri';
import { base32 } from './support/app-exports';
import { normalizeSecret, type Algorithm, type Digits, type OtpAccountParams } from '@/lib/otp/params';

const KNOWN_CODES: readonly ParseErrorCode[] = [
  'empty',
  'not-otpauth',
  'unsupported-type',
  'malformed-uri',
  'missing-secret',
  'unrecognized',
  'invalid-base32',
  'secret-too-short',
  'secret-too-long',
  'invalid-algorithm',
  'invalid-digits',
  'invalid-period',
];


/** Checks the contract of one answer: a valid value, or a known code with a sentence. */
function checkAnswer(input: string): void {
  let r: ReturnType<typeof parseOtpInput>;
  try {
    r = parseOtpInput(input);
  } catch (e) {
    throw new Error(`parseOtpInput threw on ${JSON.stringify(input)}: ${String(e)}`);
  }
  if (r.ok) {
    const v = r.value;
    expect(normalizeSecret(v.secret)).toEqual({ ok: true, value: v.secret });
    expect(['SHA1', 'SHA256', 'SHA512']).toContain(v.algorithm);
    expect([6, 7, 8]).toContain(v.digits);
    expect(Number.isInteger(v.period) && v.period >= 10 && v.period <= 300).toBe(true);
    expect(typeof v.issuer).toBe('string');
    expect(typeof v.user).toBe('string');
    expect(v.source).toBe(/^otpauth:/i.test(input.trim()) ? 'uri' : 'secret');
  } else {
    expect(KNOWN_CODES).toContain(r.error.code);
    expect(typeof r.error.message).toBe('string');
    expect(r.error.message.trim()).not.toBe('');
  }
}

// ---- generators -------------------------------------------------------------------------

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
/** Any UTF-16 string, lone surrogates included (a QR decoder or a paste may hand us one). */
const anyText = fc.string({
  unit: fc.oneof({ weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }, { weight: 1, arbitrary: loneSurrogate }),
  maxLength: 120,
});
const secretBytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max });
const validSecret = secretBytes(10, 64).map(base32);
/** A valid secret as people and issuers write it: lower case, grouped, padded. */
const writtenSecret = fc
  .tuple(validSecret, fc.boolean(), fc.constantFrom('', ' ', '-', '%20', '+'), fc.boolean())
  .map(([s, lower, sep, pad]) => {
    const t = lower ? s.toLowerCase() : s;
    const grouped = sep === '' ? t : (t.match(/.{1,4}/g) ?? []).join(sep);
    return pad ? grouped + '='.repeat((8 - (s.length % 8)) % 8) : grouped;
  });
const host = fc.domain();
const urlIssuer = fc
  .tuple(
    fc.constantFrom('https://', 'http://'),
    host,
    fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    fc.array(fc.stringMatching(/^[a-z0-9-]{1,8}$/), { maxLength: 2 }),
    fc.boolean(),
  )
  .map(([scheme, h, port, path, slash]) => `${scheme}${h}${port ? `:${port}` : ''}${path.length ? `/${path.join('/')}` : ''}${slash ? '/' : ''}`);
/** A label part: text, a URL, an e-mail, with colons, raw or encoded or half-encoded. */
const labelPart = fc.oneof(
  anyText,
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  urlIssuer,
  fc.emailAddress(),
  fc.constantFrom('%', '%G1', '%E2%82', '%C3', '%00', '%3A', '%2F%2F', ':', '::', '//', '?', '#', '&', '+', '=', ' '),
);
const encodeMaybe = (s: string, how: number): string => {
  try {
    return how === 0 ? s : how === 1 ? encodeURIComponent(s) : encodeURI(s);
  } catch {
    return s; // lone surrogates cannot be encoded: keep them raw
  }
};
const label = fc
  .tuple(fc.array(labelPart, { maxLength: 4 }), fc.integer({ min: 0, max: 2 }))
  .map(([parts, how]) => parts.map((p) => encodeMaybe(p, how)).join(':'));
const paramValue = fc.oneof(anyText, fc.constantFrom('', '=', '%', '%ZZ', 'SHA1', 'sha-256', 'SHA512', 'MD5', '6', '8', '9', '07', '30', '0', '301', '10', '1e1'));
const param = fc.oneof(
  writtenSecret.map((s) => ['secret', s] as const),
  paramValue.map((s) => ['secret', s] as const),
  labelPart.map((s) => ['issuer', s] as const),
  urlIssuer.map((s) => ['issuer', encodeMaybe(s, 1)] as const),
  fc.tuple(fc.constantFrom('algorithm', 'ALGORITHM', 'digits', 'period', 'counter', 'image', 'Secret', 'ISSUER', 'secret%3D'), paramValue),
  fc.tuple(anyText, paramValue),
);
const mutation = fc.tuple(fc.constantFrom('delete', 'insert', 'replace', 'duplicate'), fc.nat(), fc.oneof(anyText, fc.constantFrom('?', '&', '=', '#', ':', '/', '%', ' ')));
function mutate(s: string, [kind, at, text]: [string, number, string]): string {
  const i = s.length === 0 ? 0 : at % (s.length + 1);
  if (kind === 'delete') return s.slice(0, i) + s.slice(i + 1 + (at % 5));
  if (kind === 'insert') return s.slice(0, i) + text + s.slice(i);
  if (kind === 'replace') return s.slice(0, i) + text + s.slice(i + text.length);
  return s.slice(0, i) + s.slice(Math.max(0, i - 10), i) + s.slice(i);
}
const structuredUri = fc
  .tuple(
    fc.constantFrom('otpauth://', 'OTPAUTH://', 'otpauth:/', 'otpauth:', 'otpauth:///', ' otpauth://', 'otpauth://\t', 'https://', ''),
    fc.oneof(fc.constantFrom('totp', 'TOTP', 'Totp', 'hotp', '', 'steam'), fc.string({ maxLength: 6 })),
    fc.constantFrom('/', '', '//', '?', '#'),
    label,
    fc.array(param, { maxLength: 7 }),
    fc.constantFrom('?', '', '??', '?&'),
    fc.option(anyText.map((f) => `#${f}`), { nil: '' }),
    fc.array(mutation, { maxLength: 3 }),
  )
  .map(([scheme, type, sep, lab, params, q, fragment, mutations]) => {
    const query = params.map(([k, v]) => `${k}=${v}`).join('&');
    return mutations.reduce(mutate, `${scheme}${type}${sep}${lab}${q}${query}${fragment}`);
  });

// ---- properties ---------------------------------------------------------------------------

describe('parseOtpInput never throws and always explains itself', () => {
  it('arbitrary strings (any code point, lone surrogates, control characters)', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: 'binary-ascii', maxLength: 200 })), (s) => checkAnswer(s)),
      { numRuns: 1000 },
    );
  });

  it('strings around the 4 KB limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4000, max: 4200 }), fc.constantFrom('A', ' ', 'otpauth://totp/x?secret=', '%'), (n, c) => {
        checkAnswer(c.repeat(Math.ceil(n / c.length)).slice(0, n));
        checkAnswer(`otpauth://totp/a?secret=WMN2B6O54ADDPUHJ&x=${'y'.repeat(n)}`);
      }),
      { numRuns: 30 },
    );
  });

  it('structured but mutated otpauth URIs (labels with colons, percent-encoding, issuers, random params, unicode)', () => {
    fc.assert(fc.property(structuredUri, (uri) => checkAnswer(uri)), { numRuns: 1500 });
  });

  it('bare secrets, written every way, with junk around', () => {
    fc.assert(
      fc.property(writtenSecret, fc.array(mutation, { maxLength: 2 }), (s, ms) => checkAnswer(ms.reduce(mutate, s.replace(/%20/g, ' ')))),
      { numRuns: 500 },
    );
  });
});

// A name as parse returns it: trimmed (the parser trims issuer and user), no lone surrogates.
const name = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.constantFrom('', 'a:b', 'https://x.example/', 'x:', ':x', '%41', '+', 'a+b c', '#', '?', '&=', '//'),
  urlIssuer,
  fc.emailAddress(),
).map((s) => s.trim());
const params = fc.record<OtpAccountParams>({
  secret: secretBytes(10, 256).map(base32),
  algorithm: fc.constantFrom<Algorithm>('SHA1', 'SHA256', 'SHA512'),
  digits: fc.constantFrom<Digits>(6, 7, 8),
  period: fc.integer({ min: 10, max: 300 }),
  issuer: name,
  user: name,
});

describe('round trip: parseOtpInput(formatOtpauthUri(p)) gives p back', () => {
  it('names without colons (the common case)', () => {
    fc.assert(
      fc.property(
        params.filter((p) => !p.user.includes(':')),
        (p) => {
          expect(parseOtpInput(formatOtpauthUri(p))).toEqual({ ok: true, value: { ...p, source: 'uri' } });
        },
      ),
      { numRuns: 800 },
    );
  });

  it('any names, colons in the user included', () => {
    // Plaintext export then import must not rename anyone: an account "a:b" of
    // https://x.example/ was exported as otpauth://totp/a%3Ab?...&issuer=https%3A... and came
    // back as user "b" (the key URI format lets an encoded colon separate issuer and user).
    // Without an issuer a user "a:b" cannot be written unambiguously at all (a%3Ab is
    // issuer "a", user "b" for every reader); the plaintext import refuses issuer-less lines.
    fc.assert(
      fc.property(params.filter((p) => p.issuer !== '' || !p.user.includes(':')), (p) => {
        expect(parseOtpInput(formatOtpauthUri(p))).toEqual({ ok: true, value: { ...p, source: 'uri' } });
      }),
      { numRuns: 800, examples: [[{ secret: 'WMN2B6O54ADDPUHJ', algorithm: 'SHA1', digits: 6, period: 30, issuer: 'https://x.example/', user: 'a:b' }]] },
    );
  });

  it('whatever the parser accepts can be exported and reads back the same (export then import is the identity)', () => {
    fc.assert(
      fc.property(fc.oneof(structuredUri, params.map(formatOtpauthUri)), (uri) => {
        const first = parseOtpInput(uri);
        if (!first.ok || first.value.source !== 'uri') return;
        const { source: _, ...p } = first.value;
        let exported: string;
        try {
          exported = formatOtpauthUri(p);
        } catch (e) {
          throw new Error(`formatOtpauthUri threw on what parseOtpInput accepted (${JSON.stringify(uri)}): ${String(e)}`);
        }
        expect(parseOtpInput(exported)).toEqual(first);
      }),
      { numRuns: 1500 },
    );
  });
});

describe("CloudMC's raw format (nothing encoded, the issuer is a URL or a host)", () => {
  // What CloudMC's users look like: e-mail addresses and user names; never ':', '?', '#' or a
  // '%' escape (CloudMC does not encode), never surrounding white space, never a leading "//"
  // (RFC 5322 allows "//x@y.z"; the parser reads ":" + "//" as a URL's scheme, by design).
  const user = fc.oneof(
    fc.emailAddress().filter((e) => !/[:?#%]/.test(e) && !e.startsWith('//')),
    fc.stringMatching(/^[A-Za-z0-9._+@-]{1,30}$/),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => !/[:?#%\s]/.test(s)),
  );
  const issuerParam = (url: string) => fc.constantFrom<(string | null)[]>(url, encodeURIComponent(url), null);

  it('a URL issuer: issuer = the URL, user = the part after the last colon, issuer parameter or not', () => {
    fc.assert(
      fc.property(
        urlIssuer.chain((url) => fc.tuple(fc.constant(url), issuerParam(url), user, validSecret)),
        ([url, issuer, u, secret]) => {
          const uri = `otpauth://totp/${url}:${u}?secret=${secret}${issuer === null ? '' : `&issuer=${issuer}`}`;
          expect(parseOtpInput(uri)).toEqual({
            ok: true,
            value: { secret, algorithm: 'SHA1', digits: 6, period: 30, issuer: url, user: u, source: 'uri' },
          });
        },
      ),
      { numRuns: 800, examples: [[['https://charter.dev.cloudmc.io/', 'https://charter.dev.cloudmc.io/', 'rwalker@cloudops.com', 'WMN2B6O54ADDPUHJ']]] },
    );
  });

  it('a host issuer (2015)', () => {
    fc.assert(
      fc.property(host.chain((h) => fc.tuple(fc.constant(h), issuerParam(h), user, validSecret)), ([h, issuer, u, secret]) => {
        const uri = `otpauth://totp/${h}:${u}?secret=${secret}${issuer === null ? '' : `&issuer=${issuer}`}`;
        expect(parseOtpInput(uri)).toMatchObject({ ok: true, value: { secret, issuer: h, user: u } });
      }),
      { numRuns: 500 },
    );
  });

  it('a user with colons and no issuer parameter: split on the last colon', () => {
    fc.assert(
      fc.property(urlIssuer, fc.array(user, { minLength: 2, maxLength: 3 }), validSecret, (url, parts, secret) => {
        const label = `${url}:${parts.join(':')}`;
        const r = parseOtpInput(`otpauth://totp/${label}?secret=${secret}`);
        expect(r).toMatchObject({ ok: true, value: { issuer: label.slice(0, label.lastIndexOf(':')), user: parts.at(-1) } });
      }),
      { numRuns: 300 },
    );
  });
});
