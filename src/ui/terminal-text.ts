import type { InputIssue } from '../core/types.js';
import { formatIssue } from '../errors.js';

/**
 * Candidate-supplied text printed to a terminal: control characters (ESC and friends) are
 * removed so a dossier cannot move the cursor, recolour or hide lines.
 */
export function terminalSafe(text: string): string {
  // ANSI CSI/OSC sequences first, then any remaining C0/C1 control character (tab kept as a space).
  return text
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?/g, '')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** An input issue as one line a terminal shows as written (see terminalSafe). */
export function issueLine(issue: InputIssue): string {
  return terminalSafe(formatIssue(issue));
}

/**
 * A message for the terminal, made safe line by line with its line breaks kept: error messages
 * quote what they refuse (a score file's cell, a value typed at a prompt), which may hold escapes.
 */
export function terminalSafeLines(text: string): string {
  return text.split('\n').map(terminalSafe).join('\n');
}

/** Pads to a display width, truncating with an ellipsis when too long. */
export function padCell(text: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length > width) return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
  return text + ' '.repeat(width - chars.length);
}
