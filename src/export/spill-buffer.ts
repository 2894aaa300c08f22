/**
 * Bytes held until they can be written out, in memory up to a threshold and in a temporary
 * file beyond it. A workbook's sheets are compressed side by side while rows stream, but each
 * must lie in one piece in the finished file: at 100,000 dossiers the Experience sheet alone
 * compresses to about 100 MB, which would otherwise stay in memory until the end.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Bytes read back from the temporary file per piece. */
const READ_SIZE = 1 << 20;

export class SpillBuffer {
  #chunks: Buffer[] = [];
  #held = 0;
  #spilled = 0;
  #file: fs.FileHandle | undefined;
  /** The temporary file's name while the system keeps it (see openAnonymousFile). */
  #name: string | undefined;
  /** Writes to the temporary file, one after the other; rejects with the first failure. */
  #writing: Promise<void> = Promise.resolve();
  /** Bytes appended so far. */
  size = 0;

  /** `directory` receives the temporary file once more than `threshold` bytes are held. */
  constructor(
    private readonly directory: string,
    private readonly threshold: number,
  ) {}

  append(chunk: Buffer): void {
    this.size += chunk.length;
    this.#chunks.push(chunk);
    this.#held += chunk.length;
    if (this.#held > this.threshold) this.#spill();
  }

  #spill(): void {
    const chunks = this.#chunks;
    this.#chunks = [];
    this.#held = 0;
    this.#writing = this.#writing.then(async () => {
      if (!this.#file) ({ handle: this.#file, name: this.#name } = await openAnonymousFile(this.directory));
      // Appends at the file's position, without first copying the chunks into one buffer.
      await writeAll(this.#file, chunks);
      for (const chunk of chunks) this.#spilled += chunk.length;
    });
    // Observed by settled(); marked handled so a failure waits for it instead of crashing the process.
    this.#writing.catch(() => undefined);
  }

  /** Resolves once the temporary file has caught up; rejects if a write to it failed. */
  settled(): Promise<void> {
    return this.#writing;
  }

  /** Every byte appended, in order (call once, after the last append). */
  async *pieces(): AsyncGenerator<Buffer> {
    await this.#writing;
    const file = this.#file;
    for (let position = 0; file && position < this.#spilled; ) {
      const buffer = Buffer.allocUnsafe(Math.min(READ_SIZE, this.#spilled - position));
      const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) throw new Error('the temporary file of a workbook part ended early');
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
    yield* this.#chunks;
  }

  /** Releases the temporary file and the memory. */
  async close(): Promise<void> {
    this.#chunks = [];
    await this.#writing.catch(() => undefined);
    await this.#file?.close();
    if (this.#name) await fs.rm(this.#name, { force: true });
    this.#file = undefined;
    this.#name = undefined;
  }
}

/** Writes every chunk at the file's position, going on after a short write. */
async function writeAll(file: fs.FileHandle, chunks: Buffer[]): Promise<void> {
  let rest = chunks;
  while (rest.length > 0) {
    let { bytesWritten } = await file.writev(rest);
    if (bytesWritten === 0) throw new Error('the temporary file of a workbook part took no more bytes');
    while (rest.length > 0 && bytesWritten >= rest[0]!.length) {
      bytesWritten -= rest[0]!.length;
      rest = rest.slice(1);
    }
    if (bytesWritten > 0) rest = [rest[0]!.subarray(bytesWritten), ...rest.slice(1)];
  }
}

/**
 * A new file only its owner can read, unlinked at once where the system allows it, so nothing
 * is left behind whatever happens to the process. Where it does not, `name` is returned for
 * close to remove.
 */
async function openAnonymousFile(directory: string): Promise<{ handle: fs.FileHandle; name?: string }> {
  const name = path.join(directory, `.prequal-spill.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(name, 'wx+', 0o600);
  try {
    await fs.rm(name);
    return { handle };
  } catch {
    return { handle, name };
  }
}
