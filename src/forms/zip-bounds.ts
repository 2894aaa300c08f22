/**
 * How much a workbook from outside (a candidate's application form, an evaluator's score sheet)
 * holds once uncompressed, checked before exceljs sees it. exceljs inflates every part into
 * memory and builds a string per cell: a 323 KB form holding one 300 MB cell took a run to 1 GB
 * of memory, and a few such cells within the 5 MB file limit end it out of memory, stopping
 * every other dossier. The sizes a ZIP declares can lie, so each entry is inflated here with
 * a ceiling (`maxOutputLength`) and only the bytes actually produced are counted.
 */
import { promises as fs } from 'node:fs';
import zlib from 'node:zlib';
import type ExcelJS from 'exceljs';

/** Uncompressed bytes one workbook may hold in all; a filled form is well under 1 MB. */
export const MAX_WORKBOOK_CONTENT = 50 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end-of-central-directory record: 22 bytes and a comment of at most 65,535. */
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** Null when every entry of the ZIP in `bytes` inflates to at most `limit` bytes in all; else why not. */
export function workbookContentProblem(bytes: Buffer, limit = MAX_WORKBOOK_CONTENT): string | null {
  try {
    let total = 0;
    for (const entry of centralEntries(bytes)) {
      total += inflatedSize(bytes, entry, limit - total);
      if (total > limit) return tooLarge(limit);
    }
    return null;
  } catch (error) {
    if (error instanceof RangeError && (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      return tooLarge(limit);
    return `not a readable .xlsx workbook: ${(error as Error).message}`;
  }
}

const MB = 1024 * 1024;
const tooLarge = (limit: number) =>
  `the workbook holds more than ${limit % MB === 0 ? `${limit / MB} MB` : `${limit} bytes`} once uncompressed: refused unread`;

interface CentralEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

function* centralEntries(bytes: Buffer): Generator<CentralEntry> {
  const end = findEndRecord(bytes);
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new Error('broken ZIP directory');
    const nameLength = bytes.readUInt16LE(at + 28);
    const entry: CentralEntry = {
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    };
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    yield entry;
  }
}

function findEndRecord(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = bytes.length - EOCD_SIZE; at >= lowest; at--) if (bytes.readUInt32LE(at) === EOCD) return at;
  throw new Error('no ZIP directory found');
}

/** The bytes `entry` inflates to; throws ERR_BUFFER_TOO_LARGE past `budget`. */
function inflatedSize(bytes: Buffer, entry: CentralEntry, budget: number): number {
  const local = entry.localOffset;
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL)
    throw new Error(`broken ZIP entry ${entry.name}`);
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new Error(`truncated ZIP entry ${entry.name}`);
  if (entry.method === 0) return data.length;
  if (entry.method !== 8) throw new Error(`ZIP entry ${entry.name} uses an unsupported compression`);
  // One byte over the budget is enough to know it is exceeded.
  return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, budget + 1) }).length;
}

/**
 * Loads the workbook at `file` into `workbook` once workbookContentProblem finds nothing; else
 * leaves it empty and returns the problem. A file that cannot be read, or that exceljs refuses,
 * still throws, for the caller to word.
 */
export async function loadBoundedWorkbook(workbook: ExcelJS.Workbook, file: string): Promise<string | null> {
  const bytes = await fs.readFile(file);
  const problem = workbookContentProblem(bytes);
  if (problem !== null) return problem;
  // exceljs types its Buffer against an older @types/node; the bytes are a plain Node Buffer.
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return null;
}
