/**
 * Candidates write names, titles and comments that end up in reports, workbooks and the
 * terminal. These helpers make such text inert for each destination: it must be shown
 * exactly as written, never interpreted (no Markdown emphasis, HTML, formulas or
 * terminal escape sequences).
 */

/** ANSI/VT escape sequences: CSI (`ESC [ … final`), OSC (`ESC ] … BEL|ST`), C1 CSI and two-byte escapes. */
const ANSI_SEQUENCE =
  /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x9b[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]/g;

/** C0 controls except tab and line breaks, DEL and C1 controls. */
const CONTROL_KEEP_LINES = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;

/** Bidirectional overrides and isolates: they can make a displayed name lie about its content. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Characters XML 1.0 forbids (besides C0 controls): lone surrogates and the two non-characters. */
const XML_INVALID = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;

/** Excel refuses longer cell texts. */
export const EXCEL_CELL_LIMIT = 32_767;

/**
 * Markdown punctuation that can start emphasis, links or images, code, tables, headings or
 * strike-through. Parentheses need no escape once brackets are escaped (no link can form).
 */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]#|~]/g;
/**
 * What makes GitHub-flavoured Markdown (GitHub, GitLab and most renderers) turn bare text into a
 * link: the dot of `www.`, the colon of `https://` (any scheme), and the `@` of an e-mail
 * address. Backslash-escaped, they show as written and link nowhere: a candidate named
 * `Pay at www.evil-pay.example` must not put a clickable link in the committee's report. A `www.`
 * counts after any character but a letter or digit, not only after a word boundary: `_` is a word
 * character, and GFM links `_www.evil-pay.example` (as after `*`, `~` or `(`).
 */
const AUTOLINK_TRIGGER = /(?<=(?:^|[^A-Za-z0-9])www)\.|(?<=[A-Za-z0-9+.-]):(?=\/\/)|@/gi;

/**
 * Text that would open a block at the start of a line: a list item (`- `, `+ `, `1. `, `1) `)
 * or a setext underline / thematic break (`===`, `---`). A number such as `70.50` is left alone.
 */
const LEADING_BLOCK_MARKER = /^(\s*)([-+]|\d{1,9}[.)])(?=\s|$)|^(\s*)([-=])(?=[-=\s]*$)/;

/** Backslash-escapes the last character of a block marker found by LEADING_BLOCK_MARKER. */
function escapeBlockMarker(match: string): string {
  return `${match.slice(0, -1)}\\${match.slice(-1)}`;
}

/** Removes escape sequences first (so no `[31m` residue is left), then lone control characters. */
function removeControls(text: string): string {
  return text.replace(ANSI_SEQUENCE, '').replace(CONTROL_KEEP_LINES, '');
}

/**
 * Text for a terminal: removes ANSI escape sequences, every C0/C1 control character except
 * newline and tab (a stray CR could overwrite what was printed before) and bidi overrides.
 */
export function stripControl(text: string): string {
  return removeControls(text).replace(/\r/g, '').replace(BIDI_CONTROLS, '');
}

/**
 * Text for a Markdown document (tables included): control characters removed, `<`, `>` and
 * entity-like `&` as entities, Markdown punctuation backslash-escaped, line breaks as
 * `<br>` so a value always stays within its table cell or line.
 */
export function escapeMarkdown(text: string): string {
  const cleaned = removeControls(text).replace(BIDI_CONTROLS, '').replace(/\t/g, ' ');
  return (
    cleaned
      // A bare `&` is plain text in Markdown; only one that would start an entity (`&lt;`) is escaped,
      // so "Droits & Sécurité" stays readable in the source a secretary edits or pastes.
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(MARKDOWN_PUNCTUATION, '\\$&')
      .replace(AUTOLINK_TRIGGER, '\\$&')
      .split(/\r\n|\r|\n/)
      .map((line) => line.replace(LEADING_BLOCK_MARKER, escapeBlockMarker))
      .join('<br>')
  );
}

/** Any character removeControls or XML_INVALID may remove (valid surrogate pairs included, checked after). */
const MAYBE_UNSAFE_IN_CELL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]/;

/**
 * Text for a workbook cell, always written as a plain string value (callers never build
 * formulas or hyperlinks from input): escape sequences and XML-invalid characters
 * removed, line breaks kept, cut to Excel's 32,767-character limit (never inside a
 * surrogate pair, which would leave a character XML forbids).
 */
export function safeCellText(text: string): string {
  // Most cells hold nothing to remove: one scan instead of three replacements (a workbook has millions).
  const cleaned = MAYBE_UNSAFE_IN_CELL.test(text) ? removeControls(text).replace(XML_INVALID, '') : text;
  if (cleaned.length <= EXCEL_CELL_LIMIT) return cleaned;
  const end = EXCEL_CELL_LIMIT - 1;
  const highSurrogate = /[\ud800-\udbff]/.test(cleaned.charAt(end - 1));
  return `${cleaned.slice(0, highSurrogate ? end - 1 : end)}…`;
}
