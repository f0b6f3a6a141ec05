/**
 * otpauth key URIs (https://github.com/google/google-authenticator/wiki/Key-Uri-Format) and
 * bare base32 secrets.
 *
 * Parsed by hand, not with `new URL()`: CloudMC writes its label unencoded and the label is
 * itself a URL (`otpauth://totp/https://charter.dev.cloudmc.io/:rwalker@cloudops.com?...`),
 * which URL parsers read as a host "totp" and a path full of colons at best.
 */
import { fail, ok, type Failure, type Result } from '../result';
import {
  DEFAULT_ALGORITHM,
  DEFAULT_DIGITS,
  DEFAULT_PERIOD,
  normalizeSecret,
  parseAlgorithm,
  parseDigits,
  parsePeriod,
  type OtpAccountParams,
  type ParamErrorCode,
} from './params';

export interface ParsedOtpInput extends OtpAccountParams {
  /** `secret` when the input was a bare base32 secret: issuer and user are then empty. */
  readonly source: 'uri' | 'secret';
}

export type ParseErrorCode =
  | 'empty'
  | 'not-otpauth'
  | 'unsupported-type'
  | 'malformed-uri'
  | 'missing-secret'
  | 'unrecognized'
  | ParamErrorCode;

export type ParseError = Failure<ParseErrorCode>;

/** A QR code holds at most ~4 KB; anything longer is not a key URI. */
const MAX_INPUT_LENGTH = 4096;

/**
 * Reads what a user pastes or a QR code holds: an `otpauth://totp/` URI (encoded or not) or a
 * bare base32 secret (`WMN2 B6O5 4ADD PUHJ`). Never throws.
 */
export function parseOtpInput(input: string): Result<ParsedOtpInput, ParseError> {
  const text = input.trim();
  if (text === '') return fail('empty', 'Enter an otpauth:// link or a secret key.');
  if (text.length > MAX_INPUT_LENGTH) return fail('unrecognized', 'This is too long to be an otpauth:// link or a secret key.');
  // A lone UTF-16 surrogate is no text anyone typed or encoded; it would make the account
  // impossible to export (encodeURIComponent throws on it).
  if (!text.isWellFormed()) return fail('unrecognized', 'This text holds broken characters: it is neither an otpauth:// link nor a secret key.');
  if (/^otpauth:/i.test(text)) return parseUri(text);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    return fail('not-otpauth', 'This link is not an otpauth:// link: scan or paste the code from the 2FA setup page.');
  }
  // A bare secret: letters and digits, maybe grouped with spaces or dashes, maybe padded.
  if (!/^[A-Za-z0-9]+=*$/.test(text.replace(/[\s-]/g, ''))) {
    return fail('unrecognized', 'This is neither an otpauth:// link nor a secret key (letters A-Z and digits 2-7).');
  }
  const secret = normalizeSecret(text);
  if (!secret.ok) return secret;
  return ok({
    secret: secret.value,
    algorithm: DEFAULT_ALGORITHM,
    digits: DEFAULT_DIGITS,
    period: DEFAULT_PERIOD,
    issuer: '',
    user: '',
    source: 'secret',
  });
}

function parseUri(text: string): Result<ParsedOtpInput, ParseError> {
  const head = /^otpauth:\/\/([^/?#]*)/i.exec(text);
  if (!head) return fail('malformed-uri', 'This otpauth link is malformed: it should start with otpauth://totp/.');
  const type = head[1]!.toLowerCase();
  if (type === 'hotp') {
    return fail('unsupported-type', 'Counter-based (HOTP) codes are not supported: only time-based (TOTP) ones.');
  }
  if (type !== 'totp') {
    return type === ''
      ? fail('malformed-uri', 'This otpauth link is malformed: it should start with otpauth://totp/.')
      : fail('unsupported-type', `Unsupported otpauth type "${type.slice(0, 20)}": only time-based (TOTP) codes are supported.`);
  }

  // The label runs to the first "?": it may hold ":" and "/" (CloudMC) but never "?", since
  // neither a host name nor an e-mail address does. A "#" ends the query, not the label.
  let rest = text.slice(head[0].length);
  const q = rest.indexOf('?');
  let query = '';
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
    const hash = query.indexOf('#');
    if (hash >= 0) query = query.slice(0, hash);
  } else {
    const hash = rest.indexOf('#');
    if (hash >= 0) rest = rest.slice(0, hash);
  }
  if (rest !== '' && !rest.startsWith('/')) {
    return fail('malformed-uri', 'This otpauth link is malformed: it should start with otpauth://totp/.');
  }
  const label = percentDecode(rest.slice(1)).trim();

  const params = new Map<string, string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = percentDecode(eq < 0 ? part : part.slice(0, eq)).toLowerCase();
    // Query values are form-encoded: "+" is a space (the label, a path, keeps its "+").
    const value = eq < 0 ? '' : percentDecode(part.slice(eq + 1).replace(/\+/g, ' '));
    const seen = params.get(key);
    // Two different secrets (or issuers) in one link: refuse rather than guess which is meant.
    if (seen !== undefined && seen !== value) {
      return fail('malformed-uri', `This otpauth link is malformed: "${key.slice(0, 20)}" is given twice.`);
    }
    params.set(key, value);
  }

  const rawSecret = params.get('secret');
  if (rawSecret === undefined || rawSecret.trim() === '') {
    return fail('missing-secret', 'This otpauth link has no secret.');
  }
  const secret = normalizeSecret(rawSecret);
  if (!secret.ok) return secret;
  const algorithm = optional(params.get('algorithm'), parseAlgorithm, DEFAULT_ALGORITHM);
  if (!algorithm.ok) return algorithm;
  const digits = optional(params.get('digits'), parseDigits, DEFAULT_DIGITS);
  if (!digits.ok) return digits;
  const period = optional(params.get('period'), parsePeriod, DEFAULT_PERIOD);
  if (!period.ok) return period;

  const { issuer, user } = splitLabel(label, (params.get('issuer') ?? '').trim());
  return ok({
    secret: secret.value,
    algorithm: algorithm.value,
    digits: digits.value,
    period: period.value,
    issuer,
    user,
    source: 'uri',
  });
}

/**
 * The label is `issuer:user` or `user`. The issuer may itself hold colons (CloudMC puts a URL
 * there), so: if the label starts with the issuer parameter and a colon, that is the split;
 * otherwise split on the LAST colon, and still prefer the issuer parameter to the prefix.
 */
function splitLabel(label: string, issuerParam: string): { issuer: string; user: string } {
  if (issuerParam !== '' && label.startsWith(`${issuerParam}:`)) {
    return { issuer: issuerParam, user: label.slice(issuerParam.length + 1).trim() };
  }
  const colon = label.lastIndexOf(':');
  // "https://host" alone: that colon is the scheme's, there is no user part.
  if (colon < 0 || label.startsWith('//', colon + 1)) return { issuer: issuerParam, user: label };
  const prefix = label.slice(0, colon).trim();
  return { issuer: issuerParam || prefix, user: label.slice(colon + 1).trim() };
}

function optional<T>(
  raw: string | undefined,
  parse: (s: string) => Result<T, Failure<ParamErrorCode>>,
  fallback: T,
): Result<T, Failure<ParamErrorCode>> {
  return raw === undefined ? ok(fallback) : parse(raw);
}

/**
 * Decodes %XX sequences and leaves anything else alone: CloudMC does not encode, so a literal
 * "%" that starts no valid UTF-8 escape must survive instead of failing the whole link.
 */
function percentDecode(s: string): string {
  return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/**
 * The standard, fully encoded form, for export to other authenticators, with every parameter
 * spelled out. The issuer goes in the parameter, and in the label prefix too unless it holds
 * a colon: most parsers (the otpauth library included) split the label on its FIRST colon,
 * and would cut a CloudMC issuer such as https://charter.dev.cloudmc.io/ in two.
 * Except when the user holds a colon too: the key URI format lets "%3A" separate issuer and
 * user, so an unprefixed "a%3Ab" reads back as user "b"; with the issuer prefix, parseOtpInput
 * (which prefers the issuer parameter) splits it right. Never throws (lone surrogates become
 * U+FFFD), so one odd account cannot break a whole export.
 */
export function formatOtpauthUri(params: OtpAccountParams): string {
  const enc = (s: string) => encodeURIComponent(s.toWellFormed());
  const prefixed = params.issuer !== '' && (!params.issuer.includes(':') || params.user.includes(':'));
  const label = prefixed ? `${enc(params.issuer)}:${enc(params.user)}` : enc(params.user);
  const query = [`secret=${params.secret}`];
  if (params.issuer !== '') query.push(`issuer=${enc(params.issuer)}`);
  query.push(`algorithm=${params.algorithm}`, `digits=${params.digits}`, `period=${params.period}`);
  return `otpauth://totp/${label}?${query.join('&')}`;
}
