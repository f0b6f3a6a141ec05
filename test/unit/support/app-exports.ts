/**
 * Builds other apps' export files from their published formats, with Node's own crypto, so
 * that the readers in lib/import are tested against an independent writer:
 * - Google Authenticator's otpauth-migration payload (protobuf MigrationPayload),
 * - Aegis vaults (scrypt password slot + AES-256-GCM, hex nonce/tag, base64 db),
 * - 2FAS backups (servicesEncrypted = b64(ct‖tag):b64(salt):b64(iv), PBKDF2-SHA256 10,000).
 */
import { createCipheriv, pbkdf2Sync, randomBytes, randomUUID, scryptSync } from 'node:crypto';

// ---- protobuf writer (wire types 0 and 2 only) ----
function varint(n: number | bigint): number[] {
  let v = BigInt(n);
  if (v < 0n) v = BigInt.asUintN(64, v);
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return out;
}
const fieldVarint = (no: number, v: number) => [...varint((no << 3) | 0), ...varint(v)];
const fieldBytes = (no: number, b: Uint8Array | number[]) => [...varint((no << 3) | 2), ...varint(b.length), ...b];
const text = (s: string) => [...new TextEncoder().encode(s)];

export interface GaAccount {
  secret: Uint8Array;
  name: string;
  issuer?: string;
  /** 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5 */
  algorithm?: number;
  /** 1 six, 2 eight */
  digits?: number;
  /** 1 HOTP, 2 TOTP */
  type?: number;
}

/** The otpauth-migration:// URI of `accounts`, as one QR code of a transfer. */
export function gaMigrationUri(accounts: GaAccount[], batch = { size: 1, index: 0, id: 12345 }): string {
  const payload: number[] = [];
  for (const a of accounts) {
    const p = [
      ...fieldBytes(1, a.secret),
      ...fieldBytes(2, text(a.name)),
      ...(a.issuer ? fieldBytes(3, text(a.issuer)) : []),
      ...fieldVarint(4, a.algorithm ?? 1),
      ...fieldVarint(5, a.digits ?? 1),
      ...fieldVarint(6, a.type ?? 2),
    ];
    payload.push(...fieldBytes(1, p));
  }
  payload.push(...fieldVarint(2, 1), ...fieldVarint(3, batch.size), ...fieldVarint(4, batch.index), ...fieldVarint(5, batch.id));
  return `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(payload).toString('base64'))}`;
}

function gcm(key: Buffer, plain: Buffer, iv = randomBytes(12)) {
  const c = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return { iv, ct, tag: c.getAuthTag() };
}

export interface AegisEntry {
  type?: string;
  name: string;
  issuer: string;
  info: { secret: string; algo?: string; digits?: number; period?: number };
}

const aegisDb = (entries: AegisEntry[]) => ({
  version: 3,
  entries: entries.map((e) => ({ type: 'totp', uuid: randomUUID(), note: '', icon: null, ...e, info: { algo: 'SHA1', digits: 6, period: 30, ...e.info } })),
  groups: [],
});

/** An Aegis vault file: plain when `password` is absent, else one scrypt password slot. */
export function aegisVault(entries: AegisEntry[], password?: string, scrypt = { n: 1 << 12, r: 8, p: 1 }): string {
  const db = aegisDb(entries);
  if (password === undefined) return JSON.stringify({ version: 1, header: { slots: null, params: null }, db }, null, 4);
  const master = randomBytes(32);
  const salt = randomBytes(32);
  const kek = scryptSync(Buffer.from(password, 'utf8'), salt, 32, { N: scrypt.n, r: scrypt.r, p: scrypt.p, maxmem: 512 * 1024 * 1024 });
  const slotKey = gcm(kek, master);
  const body = gcm(master, Buffer.from(JSON.stringify(db), 'utf8'));
  const header = {
    slots: [
      {
        type: 1,
        uuid: randomUUID(),
        key: slotKey.ct.toString('hex'),
        key_params: { nonce: slotKey.iv.toString('hex'), tag: slotKey.tag.toString('hex') },
        n: scrypt.n,
        r: scrypt.r,
        p: scrypt.p,
        salt: salt.toString('hex'),
        repaired: true,
      },
    ],
    params: { nonce: body.iv.toString('hex'), tag: body.tag.toString('hex') },
  };
  return JSON.stringify({ version: 1, header, db: body.ct.toString('base64') }, null, 4);
}

export interface TwoFasService {
  name: string;
  secret: string;
  otp: { account?: string; label?: string; issuer?: string; digits?: number; period?: number; algorithm?: string; tokenType?: string };
}

const REFERENCE = 'reference text 2FAS encrypts to check the password';

/** A 2FAS backup: plain when `password` is absent, else servicesEncrypted. */
export function twoFasBackup(services: TwoFasService[], password?: string): string {
  const full = services.map((s, i) => ({ ...s, updatedAt: 1704874073731, order: { position: i }, otp: { digits: 6, period: 30, algorithm: 'SHA1', tokenType: 'TOTP', source: 'Manual', ...s.otp } }));
  const base = { groups: [], updatedAt: 1704874073731, schemaVersion: 4, appVersionCode: 5000000, appVersionName: '5.0.0', appOrigin: 'android' };
  if (password === undefined) return JSON.stringify({ services: full, ...base });
  const salt = randomBytes(256);
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, 10_000, 32, 'sha256');
  const enc = (plain: string) => {
    const { iv, ct, tag } = gcm(key, Buffer.from(plain, 'utf8'));
    return `${Buffer.concat([ct, tag]).toString('base64')}:${salt.toString('base64')}:${iv.toString('base64')}`;
  };
  return JSON.stringify({ services: [], ...base, servicesEncrypted: enc(JSON.stringify(full)), reference: enc(REFERENCE) });
}

/** base32 (RFC 4648, unpadded) of bytes, to state expected secrets independently of lib/. */
export function base32(bytes: Uint8Array): string {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += A[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += A[(value << (5 - bits)) & 31];
  return out;
}
