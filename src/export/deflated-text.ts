/**
 * A workbook part's text compressed as it is written. Compression runs on the libuv thread
 * pool, beside the code that makes the rows; the CRC-32 and size the ZIP entry needs are taken
 * on the way in, and the compressed bytes are kept in a SpillBuffer until the file is written.
 */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import zlib from 'node:zlib';
import { SpillBuffer } from './spill-buffer.js';

export interface CompressionOptions {
  /** zlib level, 1 (fastest) to 9 (smallest). */
  level: number;
  /** Where compressed bytes beyond `spillThreshold` wait until the workbook is written. */
  spillDirectory: string;
  spillThreshold: number;
}

/** The text of a part, compressed: raw deflate bytes (one complete stream) and the text's CRC-32 and size. */
export interface CompressedText {
  crc: number;
  size: number;
  deflated: SpillBuffer;
}

/** Bytes of text waiting for the compressor beyond which drain() waits for it to catch up. */
const IN_FLIGHT = 1 << 20;
/** Bytes per chunk handed to the compressor, and per compressed chunk it hands back. */
const CHUNK = 1 << 18;
const OUTPUT_CHUNK = 1 << 16;
/** UTF-8 bytes a UTF-16 code unit can take (a surrogate pair, two units, takes four). */
const MAX_BYTES_PER_UNIT = 3;

export class DeflatedText {
  readonly #deflate: zlib.DeflateRaw;
  readonly #output: SpillBuffer;
  #crc = 0;
  #size = 0;
  /** Text encoded so far, not yet handed to the compressor. */
  #chunk: Buffer = Buffer.allocUnsafe(CHUNK);
  #used = 0;
  /**
   * Chunks the compressor is done with, to fill again: a new 256 KiB buffer per chunk made the
   * text's whole size (157 MB at 10,000 dossiers) pass through memory outside the JavaScript heap,
   * which the garbage collector reclaims late: 50–60 MB of it was waiting at any time.
   */
  readonly #free: Buffer[] = [];
  #failure: Error | undefined;

  constructor(options: CompressionOptions) {
    this.#output = new SpillBuffer(options.spillDirectory, options.spillThreshold);
    this.#deflate = zlib.createDeflateRaw({ level: options.level, chunkSize: OUTPUT_CHUNK });
    this.#deflate.on('data', (chunk: Buffer) => this.#output.append(chunk));
    this.#deflate.on('error', (error) => {
      this.#failure ??= error;
    });
  }

  /**
   * Appends `text`. Small texts (a row) are encoded into a shared chunk: Buffer.from on a long
   * string built by concatenation is several times slower than writing its pieces one by one.
   */
  write(text: string): void {
    const most = text.length * MAX_BYTES_PER_UNIT;
    if (most > this.#chunk.length - this.#used) {
      this.#handOver();
      if (most > CHUNK) {
        this.#compress(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.#used += this.#chunk.write(text, this.#used);
  }

  /** Hands the chunk to the compressor (which keeps it until done) and starts a new one. */
  #handOver(): void {
    if (this.#used === 0) return;
    const chunk = this.#chunk;
    // The write's callback runs once the compressor has consumed the bytes.
    this.#compress(chunk.subarray(0, this.#used), () => this.#free.push(chunk));
    this.#chunk = this.#free.pop() ?? Buffer.allocUnsafe(CHUNK);
    this.#used = 0;
  }

  #compress(bytes: Buffer, consumed?: () => void): void {
    this.#crc = zlib.crc32(bytes, this.#crc);
    this.#size += bytes.length;
    this.#deflate.write(bytes, consumed);
  }

  /** Resolves once the compressor and the temporary file have caught up with what was written. */
  async drain(): Promise<void> {
    if (this.#failure) throw this.#failure;
    if (this.#deflate.writableLength > IN_FLIGHT) await once(this.#deflate, 'drain');
    await this.#output.settled();
  }

  /** Ends the text: the deflate stream gets its final block. */
  async end(): Promise<CompressedText> {
    if (this.#failure) throw this.#failure;
    this.#handOver();
    this.#deflate.end();
    await finished(this.#deflate);
    await this.#output.settled();
    return { crc: this.#crc, size: this.#size, deflated: this.#output };
  }

  /** Stops compressing and releases memory and the temporary file. */
  async close(): Promise<void> {
    this.#deflate.destroy();
    await this.#output.close();
  }
}
