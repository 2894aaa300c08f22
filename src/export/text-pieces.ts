/**
 * Text gathered into pieces of about 64 KiB before it is written or handed on: few writes or
 * buffers, little held. The streamed exports (the report, the OCDS release, `--json` output) all
 * cut their text this way.
 */
const PIECE_LENGTH = 1 << 16;

export class TextPieces {
  text = '';

  /** `pieceLength`: characters that make a whole piece. */
  constructor(private readonly pieceLength = PIECE_LENGTH) {}

  /** Empties the buffer when it holds a whole piece; returns what it held, else null. */
  take(): string | null {
    return this.text.length < this.pieceLength ? null : this.rest();
  }

  /** Whatever is held, whole piece or not, and empties the buffer. */
  rest(): string {
    const piece = this.text;
    this.text = '';
    return piece;
  }
}

/** `chunks` joined into pieces (the last one may be shorter); nothing empty is handed out. */
export function* joinPieces(chunks: Iterable<string>): Generator<string> {
  const pieces = new TextPieces();
  for (const chunk of chunks) {
    pieces.text += chunk;
    const piece = pieces.take();
    if (piece !== null) yield piece;
  }
  if (pieces.text) yield pieces.rest();
}
