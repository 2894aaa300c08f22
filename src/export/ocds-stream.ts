/**
 * The OCDS release written as the candidates pass, byte for byte what renderOcds makes, without
 * holding the applications: at 100,000 candidates they were ~300 MB of objects, then a 128 MB
 * string and its bytes. The package around them is buildOcdsReleasePackage's, stringified with
 * markers where the applications' three lists go: the parties (after the buyer), the tender's
 * tenderers and the bids' details. Each application's parties are written in place as it passes;
 * its tenderer reference and its bid wait as text, beyond 1 MiB in a temporary file, until their
 * lists come.
 */
import { randomBytes } from 'node:crypto';
import type { EvaluationReport } from '../core/types.js';
import { buildOcdsReleasePackage, type OcdsApplication } from './ocds.js';
import { SpillBuffer } from './spill-buffer.js';
import { TextPieces } from './text-pieces.js';
import type { ChunkFileWriter } from './write-outputs.js';

/** One of the release's lists the applications fill, as it sits in the stringified package. */
interface ListSlot {
  /** The text from the end of the previous list up to this list's items, without a trailing comma. */
  before: string;
  /** The indentation of the list's items. */
  indent: string;
  /** True when the list holds an item of the package's own before the applications' (the buyer). */
  hasFirst: boolean;
}

interface Frame {
  parties: ListSlot;
  leads: ListSlot;
  bids: ListSlot;
  /** The text after the last list. */
  after: string;
}

type ListName = 'parties' | 'leads' | 'bids';

/** The package of `report` cut around the three lists (see the header). */
function frameOf(report: EvaluationReport): Frame {
  // A random marker, so no text of the tender's can be mistaken for one.
  const nonce = randomBytes(8).toString('hex');
  const marks: Record<ListName, string> = {
    parties: `prequal-${nonce}-parties`,
    leads: `prequal-${nonce}-leads`,
    bids: `prequal-${nonce}-bids`,
  };
  const placeholder = { parties: [marks.parties], lead: marks.leads, bid: marks.bids };
  const publisher = report.tender.contracting_authority;
  const pkg = buildOcdsReleasePackage(report, { publisher }, [placeholder as unknown as OcdsApplication]);
  const text = `${JSON.stringify(pkg, null, 2)}\n`;
  const located = (Object.keys(marks) as ListName[])
    .map((name) => ({ name, at: text.indexOf(JSON.stringify(marks[name])), length: marks[name].length + 2 }))
    .sort((a, b) => a.at - b.at);
  const slots = {} as Record<ListName, ListSlot>;
  let cursor = 0;
  for (const { name, at, length } of located) {
    if (at < 0) throw new Error(`internal: the OCDS package has no ${name} list`);
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const before = text.slice(cursor, lineStart - 1);
    const hasFirst = before.endsWith(',');
    slots[name] = {
      before: hasFirst ? before.slice(0, -1) : before,
      indent: text.slice(lineStart, at),
      hasFirst,
    };
    cursor = at + length;
  }
  return { ...slots, after: text.slice(cursor) };
}

/** The items of one list, as indented JSON text, held until the list is written. */
class HeldList {
  readonly buffer: SpillBuffer;
  readonly #pieces = new TextPieces();
  count = 0;

  constructor(
    private readonly slot: ListSlot,
    directory: string,
  ) {
    this.buffer = new SpillBuffer(directory, 1 << 20);
  }

  add(item: unknown): void {
    this.#pieces.text += itemText(this.slot, this.count, item);
    this.count += 1;
    const piece = this.#pieces.take();
    if (piece !== null) this.buffer.append(Buffer.from(piece, 'utf8'));
  }

  async writeTo(writer: ChunkFileWriter): Promise<void> {
    const rest = this.#pieces.rest();
    if (rest) this.buffer.append(Buffer.from(rest, 'utf8'));
    for await (const piece of this.buffer.pieces()) writer.writeBytes(piece);
  }
}

/** One item of a list as the package's JSON.stringify(…, null, 2) writes it, with the separator before it. */
function itemText(slot: ListSlot, index: number, item: unknown): string {
  const separator = index === 0 && !slot.hasFirst ? '\n' : ',\n';
  return `${separator}${slot.indent}${JSON.stringify(item, null, 2).replaceAll('\n', `\n${slot.indent}`)}`;
}

/** The text following a list: as stringified when the list has items; `]` right after `[` when empty. */
function closing(text: string, empty: boolean): string {
  return empty ? text.replace(/^\n */, '') : text;
}

/**
 * Writes the OCDS release of `report` to `writer` as applications are added; `finish` writes
 * the rest. Held text spills to `directory`.
 */
export class OcdsStream {
  readonly #frame: Frame;
  readonly #leads: HeldList;
  readonly #bids: HeldList;
  #parties = 0;

  constructor(
    report: EvaluationReport,
    private readonly writer: ChunkFileWriter,
    directory: string,
  ) {
    this.#frame = frameOf(report);
    this.#leads = new HeldList(this.#frame.leads, directory);
    this.#bids = new HeldList(this.#frame.bids, directory);
    // Up to the parties' items: the buyer, the package's own first party, is part of it.
    writer.write(this.#frame.parties.before);
  }

  add(application: OcdsApplication): void {
    const slot = this.#frame.parties;
    let text = '';
    for (const party of application.parties) {
      text += itemText(slot, this.#parties, party);
      this.#parties += 1;
    }
    this.writer.write(text);
    this.#leads.add(application.lead);
    this.#bids.add(application.bid);
  }

  /** Resolves once held text is in its temporary files: bounds what waits in memory. */
  async drain(): Promise<void> {
    await this.#leads.buffer.settled();
    await this.#bids.buffer.settled();
  }

  /** Writes the lists held and the end of the package. */
  async finish(): Promise<void> {
    const { parties, leads, bids, after } = this.#frame;
    const partiesEmpty = this.#parties === 0 && !parties.hasFirst;
    this.writer.write(closing(leads.before, partiesEmpty));
    await this.#leads.writeTo(this.writer);
    this.writer.write(closing(bids.before, this.#leads.count === 0 && !leads.hasFirst));
    await this.#bids.writeTo(this.writer);
    this.writer.write(closing(after, this.#bids.count === 0 && !bids.hasFirst));
  }

  /** Releases the temporary files. */
  async close(): Promise<void> {
    await this.#leads.buffer.close();
    await this.#bids.buffer.close();
  }
}
