/**
 * Reads a ZIP file the way a strict reader would: central directory first, then each local
 * header, every entry inflated and checked against its CRC-32 and size (exceljs does not check).
 */
import zlib from 'node:zlib';

export function readZipEntries(zip: Buffer): Map<string, Buffer> {
  const end = zip.length - 22;
  if (zip.readUInt32LE(end) !== 0x06054b50) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  const entries = new Map<string, Buffer>();
  let at = zip.readUInt32LE(end + 16);
  for (let index = 0; index < count; index += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central header ${index}`);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('latin1', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name}: bad local header`);
    if (zip.readUInt32LE(local + 14) !== crc) throw new Error(`${name}: local and central CRC differ`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const content = zlib.inflateRawSync(zip.subarray(start, start + compressedSize));
    if (content.length !== size) throw new Error(`${name}: ${content.length} bytes, ${size} announced`);
    if (zlib.crc32(content) !== crc) throw new Error(`${name}: CRC-32 mismatch`);
    entries.set(name, content);
  }
  return entries;
}
