/**
 * The ZIP container of a workbook, written in one pass: every entry's CRC-32 and sizes are
 * known before its local header is written (no data descriptors), entries are deflated, and
 * the timestamp is fixed by the caller, so the same content always gives the same bytes.
 * ZIP64 is not written: an entry or an offset beyond 4 GiB is refused up front.
 */
import { promises as fs } from 'node:fs';
import zlib from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, ASCII. */
  name: string;
  /** CRC-32 and size of the uncompressed content. */
  crc: number;
  size: number;
  compressedSize: number;
  /** The raw deflate bytes, `compressedSize` in all, read once. */
  data: Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
/** Version 2.0: deflate. */
const VERSION = 20;
const DEFLATE = 8;
/** Sizes and offsets are 32-bit; 0xFFFFFFFF itself would announce ZIP64 fields. */
const ZIP32_MAX = 0xfffffffe;
const ZIP32_MAX_ENTRIES = 0xfffe;

/** An entry for a small text, compressed at once. */
export function deflatedEntry(name: string, text: string, level: number): ZipEntry {
  const bytes = Buffer.from(text, 'utf8');
  const deflated = zlib.deflateRawSync(bytes, { level });
  return {
    name,
    crc: zlib.crc32(bytes),
    size: bytes.length,
    compressedSize: deflated.length,
    data: [deflated],
  };
}

/** MS-DOS date and time fields (two-second precision, 1980–2107) of `date`, read in UTC so no time zone leaks in. */
export function dosDateTime(date: Date): { date: number; time: number } {
  const year = date.getUTCFullYear();
  if (!(year >= 1980)) return { date: (1 << 5) | 1, time: 0 };
  if (year > 2107) return { date: (127 << 9) | (12 << 5) | 31, time: (23 << 11) | (59 << 5) | 29 };
  return {
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
  };
}

/** Throws, naming the entry, when the archive would need ZIP64 (a part or the whole beyond 4 GiB). */
export function assertZip32(entries: readonly Omit<ZipEntry, 'data'>[]): void {
  if (entries.length > ZIP32_MAX_ENTRIES)
    throw new Error(`${entries.length} parts: more than a ZIP32 file holds`);
  let offset = 0;
  for (const entry of entries) {
    const largest = Math.max(entry.size, entry.compressedSize);
    if (largest > ZIP32_MAX || offset > ZIP32_MAX)
      throw new Error(`${entry.name} would reach beyond 4 GiB: too large for a ZIP32 file`);
    offset += LOCAL_HEADER_SIZE + entry.name.length + entry.compressedSize;
  }
  const directory = entries.reduce((sum, entry) => sum + CENTRAL_HEADER_SIZE + entry.name.length, 0);
  if (offset > ZIP32_MAX || offset + directory > ZIP32_MAX)
    throw new Error('the workbook would exceed 4 GiB: too large for a ZIP32 file');
}

/** The fields local and central headers share, from "version needed" to the extra field's length. */
function commonFields(entry: ZipEntry, stamp: { date: number; time: number }): Buffer {
  const fields = Buffer.alloc(26);
  fields.writeUInt16LE(VERSION, 0);
  fields.writeUInt16LE(0, 2); // flags: sizes in the header, no encryption
  fields.writeUInt16LE(DEFLATE, 4);
  fields.writeUInt16LE(stamp.time, 6);
  fields.writeUInt16LE(stamp.date, 8);
  fields.writeUInt32LE(entry.crc >>> 0, 10);
  fields.writeUInt32LE(entry.compressedSize, 14);
  fields.writeUInt32LE(entry.size, 18);
  fields.writeUInt16LE(entry.name.length, 22);
  fields.writeUInt16LE(0, 24); // no extra field
  return fields;
}

async function* archiveBytes(entries: readonly ZipEntry[], modified: Date): AsyncGenerator<Uint8Array> {
  const stamp = dosDateTime(modified);
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'latin1');
    const common = commonFields(entry, stamp);
    const local = Buffer.alloc(4);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    yield Buffer.concat([local, common, name]);
    let written = 0;
    for await (const chunk of entry.data) {
      written += chunk.length;
      yield chunk;
    }
    if (written !== entry.compressedSize)
      throw new Error(`${entry.name}: ${written} compressed bytes, ${entry.compressedSize} announced`);
    // Central header: signature and "made by" (MS-DOS attributes, version 2.0), the shared fields,
    // then comment length, disk, attributes (all zero) and the local header's offset.
    const head = Buffer.alloc(6);
    head.writeUInt32LE(CENTRAL_HEADER, 0);
    head.writeUInt16LE(VERSION, 4);
    const tail = Buffer.alloc(14);
    tail.writeUInt32LE(offset, 10);
    directory.push(head, common, tail, name);
    offset += LOCAL_HEADER_SIZE + name.length + entry.compressedSize;
  }
  const size = directory.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  yield Buffer.concat([...directory, end]);
}

/** Writes `entries` as a ZIP file at `file` (created or truncated); throws before writing if ZIP32 cannot hold them. */
export async function writeZip(file: string, entries: readonly ZipEntry[], modified: Date): Promise<void> {
  assertZip32(entries);
  await fs.writeFile(file, archiveBytes(entries, modified));
}
