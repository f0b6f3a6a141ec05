/**
 * A plain list: one otpauth:// (or otpauth-migration://) link a line; blank lines and lines
 * starting with # are ignored. Any other line refuses the file, naming the line.
 */
import { parseOtpInput } from '../otp';
import { emptyBatch, ImportError, type ImportBatch } from './entry';
import { MIGRATION_PREFIX, readMigrationUri, type MigrationBatch } from './google-migration';

export function readOtpauthList(text: string, name: string): { batch: ImportBatch; parts: MigrationBatch['part'][] } {
  const batch = emptyBatch();
  const parts: MigrationBatch['part'][] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `${name}, line ${i + 1}`;
    if (line.toLowerCase().startsWith(MIGRATION_PREFIX)) {
      const m = readMigrationUri(line, where);
      batch.entries.push(...m.batch.entries);
      batch.skipped.push(...m.batch.skipped);
      parts.push(m.part);
      return;
    }
    const parsed = parseOtpInput(line);
    if (!parsed.ok || parsed.value.source !== 'uri') {
      throw new ImportError('invalid-import', `${where} is not an otpauth link${parsed.ok ? '' : `: ${parsed.error.message}`} Nothing was imported.`);
    }
    const { source: _source, ...params } = parsed.value;
    batch.entries.push(params);
  });
  return { batch, parts };
}
