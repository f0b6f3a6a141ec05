/**
 * The protobuf wire format, read-only, for the one message we read (Google Authenticator's
 * MigrationPayload): varints and length-delimited fields, skipping 32/64-bit ones. ~40 lines
 * rather than a dependency: the libraries that fit are code generators or full runtimes.
 * https://protobuf.dev/programming-guides/encoding/
 */
export type Field = { no: number; wire: 0; value: bigint } | { no: number; wire: 2; value: Uint8Array };

/** The fields of one message, in order; throws RangeError on a truncated or malformed buffer. */
export function readFields(buf: Uint8Array): Field[] {
  const out: Field[] = [];
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (pos >= buf.length) throw new RangeError('truncated varint');
      const b = buf[pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return result;
    }
    throw new RangeError('varint too long');
  };
  while (pos < buf.length) {
    const key = varint();
    const no = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (no === 0) throw new RangeError('field number 0');
    if (wire === 0) out.push({ no, wire, value: varint() });
    else if (wire === 2) {
      const len = Number(varint());
      if (len > buf.length - pos) throw new RangeError('truncated field');
      out.push({ no, wire, value: buf.subarray(pos, pos + len) });
      pos += len;
    } else if (wire === 1 || wire === 5) {
      pos += wire === 1 ? 8 : 4;
      if (pos > buf.length) throw new RangeError('truncated fixed field');
    } else throw new RangeError(`unsupported wire type ${wire}`);
  }
  return out;
}
