/**
 * Google Authenticator's "Transfer accounts" QR: `otpauth-migration://offline?data=<base64>`,
 * where data is a protobuf MigrationPayload (the published .proto of the export):
 *
 *   MigrationPayload { repeated OtpParameters otp_parameters = 1; int32 version = 2;
 *                      int32 batch_size = 3; int32 batch_index = 4; int32 batch_id = 5; }
 *   OtpParameters { bytes secret = 1; string name = 2; string issuer = 3;
 *                   Algorithm algorithm = 4 (0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5);
 *                   DigitCount digits = 5 (0 unspecified, 1 six, 2 eight);
 *                   OtpType type = 6 (0 unspecified, 1 HOTP, 2 TOTP); int64 counter = 7; }
 *
 * A transfer of many accounts is split across several QR codes (batch_index of batch_size,
 * one batch_id): each is read on its own, and a missing one is reported as a warning.
 */
import { Secret } from 'otpauth';
import { readFields, type Field } from './protobuf';
import { emptyBatch, ImportError, toParams, type ImportBatch } from './entry';

export const MIGRATION_PREFIX = 'otpauth-migration://';

export interface MigrationBatch {
  batch: ImportBatch;
  /** batch_id, batch_index, batch_size: to tell the user when a QR of the transfer is missing. */
  part: { id: number; index: number; size: number };
}

const str = (f: Field | undefined) => (f?.wire === 2 ? new TextDecoder().decode(f.value) : '');
const num = (f: Field | undefined) => (f?.wire === 0 ? Number(BigInt.asIntN(64, f.value)) : 0);

function base64Bytes(data: string): Uint8Array | null {
  const b64 = data.replace(/-/g, '+').replace(/_/g, '/').replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) return null;
  try {
    return Uint8Array.from(atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Reads one otpauth-migration URI; `where` names it in errors ("QR image transfer-1.png"). */
export function readMigrationUri(uri: string, where: string): MigrationBatch {
  const bad = (why: string): never => {
    throw new ImportError('invalid-import', `${where}: ${why} Nothing was imported.`);
  };
  let data: string | null = null;
  try {
    const u = new URL(uri.trim());
    if (u.protocol !== 'otpauth-migration:') bad('it is not a Google Authenticator transfer code.');
    // URLSearchParams turns "+" into a space; the base64 keeps its "+" when it was not encoded.
    data = /[?&]data=([^&]*)/.exec(u.search)?.[1] ?? null;
    data = data === null ? null : decodeURIComponent(data);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    bad('it is not a valid transfer link.');
  }
  if (!data) bad('the transfer link has no data.');
  const bytes = base64Bytes(data!);
  if (!bytes) bad('the transfer data is not base64.');
  let fields: Field[] = [];
  try {
    fields = readFields(bytes!);
  } catch {
    bad('the transfer data is damaged (not a Google Authenticator payload).');
  }
  const batch = emptyBatch();
  let n = 0;
  for (const f of fields) {
    if (f.no !== 1 || f.wire !== 2) continue;
    let p: Field[] = [];
    try {
      p = readFields(f.value);
    } catch {
      bad(`account ${n + 1} is damaged.`);
    }
    const get = (no: number) => p.find((x) => x.no === no);
    const secretField = get(1);
    const name = str(get(2));
    const issuer = str(get(3));
    // The name is "Issuer:user" when the issuer was part of the label; keep the user part.
    const colon = name.lastIndexOf(':');
    const user = colon >= 0 && (!issuer || name.slice(0, colon).trim() === issuer) ? name.slice(colon + 1).trim() : name;
    const where1 = `${where}, account ${n + 1}${name || issuer ? ` (${[issuer, user].filter(Boolean).join(': ')})` : ''}`;
    n++;
    const type = num(get(6));
    if (type === 1) {
      batch.skipped.push({ issuer, user, reason: 'HOTP (counter-based) codes are not supported' });
      continue;
    }
    const algorithm = ['', 'SHA1', 'SHA256', 'SHA512', 'MD5'][num(get(4))] ?? 'unknown';
    if (algorithm === 'MD5' || algorithm === 'unknown') {
      batch.skipped.push({ issuer, user, reason: `the ${algorithm} algorithm is not supported` });
      continue;
    }
    const digits = [0, 6, 8][num(get(5))];
    if (secretField?.wire !== 2 || secretField.value.length === 0) bad(`${where1.slice(where.length + 2)} has no secret.`);
    const secret = new Secret({ buffer: Uint8Array.from((secretField as { value: Uint8Array }).value).buffer }).base32;
    batch.entries.push(toParams({ secret, issuer, user, algorithm, digits }, where1));
  }
  if (n === 0) bad('the transfer holds no accounts.');
  return { batch, part: { id: num(fields.find((f) => f.no === 5)), index: num(fields.find((f) => f.no === 4)), size: num(fields.find((f) => f.no === 3)) || 1 } };
}

/** Warnings for transfers whose QR codes were not all given. */
export function missingParts(parts: ReadonlyArray<MigrationBatch['part']>): string[] {
  const byId = new Map<number, { size: number; seen: Set<number> }>();
  for (const p of parts) {
    const e = byId.get(p.id) ?? { size: p.size, seen: new Set<number>() };
    e.seen.add(p.index);
    byId.set(p.id, e);
  }
  const out: string[] = [];
  for (const { size, seen } of byId.values()) {
    const missing = Array.from({ length: size }, (_, i) => i).filter((i) => !seen.has(i));
    if (missing.length > 0) {
      out.push(`This Google Authenticator transfer has ${size} QR codes; code ${missing.map((i) => i + 1).join(', ')} of ${size} is missing. Add it to import those accounts too.`);
    }
  }
  return out;
}
