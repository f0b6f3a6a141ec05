/**
 * Import from the apps people use: one reader a format (aegis.ts, twofas.ts, ...), picked by
 * detect.ts. Every reader answers an ImportBatch of validated TOTP parameters, or throws an
 * ImportError naming the line or entry that is wrong (nothing half-imports). Our own encrypted
 * backup is read by lib/vault (it carries whole accounts, backup codes included).
 */
import { readAegis } from './aegis';
import { readAuthenticatorExt } from './authenticator-ext';
import { readBitwarden } from './bitwarden';
import { detectFormat } from './detect';
import { ImportError, type ImportBatch } from './entry';
import { missingParts, readMigrationUri, type MigrationBatch } from './google-migration';
import { readOtpauthList } from './otpauth-list';
import { readTwoFas } from './twofas';

export { detectFormat, needsPassphrase, type ImportFormat } from './detect';
export { ImportError, type ImportBatch, type SkippedEntry } from './entry';
export { MIGRATION_PREFIX, missingParts, readMigrationUri } from './google-migration';

/** Reads one file of an app format (everything but our own backup). `name` names it in errors. */
export async function readAppExport(text: string, passphrase: string | undefined, name: string): Promise<{ batch: ImportBatch; parts: MigrationBatch['part'][] }> {
  const d = detectFormat(text);
  const one = (batch: ImportBatch) => ({ batch, parts: [] });
  const inFile = async (read: () => ImportBatch | Promise<ImportBatch>) => {
    try {
      return one(await read());
    } catch (e) {
      if (e instanceof ImportError && !e.message.startsWith(name)) throw new ImportError(e.code, `${name}: ${e.message}`);
      throw e;
    }
  };
  switch (d.format) {
    case 'aegis':
      return inFile(() => readAegis(d.json, passphrase));
    case '2fas':
      return inFile(() => readTwoFas(d.json, passphrase));
    case 'bitwarden':
      return inFile(() => readBitwarden(d.json));
    case 'authenticator-ext':
      return inFile(() => readAuthenticatorExt(d.json));
    case 'otpauth-list':
      return readOtpauthList(text, name);
    case 'cmc-backup':
      throw new ImportError('invalid-import', `${name} is one of our own backups: it is read by the vault.`);
    default:
      throw new ImportError(
        'invalid-import',
        `${name} is JSON of a kind we do not know. We read Aegis, 2FAS, Bitwarden, the Authenticator extension's backup, our own backups, otpauth link lists and Google Authenticator transfer QR codes.`,
      );
  }
}

/** The text of a transfer QR (decoded elsewhere): a migration link, or one otpauth link. */
export function readQrText(text: string, name: string): { batch: ImportBatch; parts: MigrationBatch['part'][] } {
  if (/^otpauth-migration:/i.test(text.trim())) {
    const m = readMigrationUri(text, name);
    return { batch: m.batch, parts: [m.part] };
  }
  if (/^otpauth:/i.test(text.trim())) return readOtpauthList(text.trim(), name);
  throw new ImportError('invalid-import', `${name}: its QR code is not an authenticator code (neither otpauth:// nor a Google Authenticator transfer).`);
}

export const warningsFor = (parts: MigrationBatch['part'][]) => missingParts(parts);
