import type { Bilingual } from './types.js';

/*
 * The line of a pending result that says what it awaits: "the secretary must confirm or dismiss
 * the match", "awaiting the committee's scores". An override is that answer, so the overridden
 * result drops the line instead of still asking for it. Both kinds are made during consolidation,
 * just before overrides apply, so the line objects themselves mark them: no text is matched.
 */
const awaiting = new WeakSet<Bilingual>();

/** Marks `line` as saying what a pending result awaits; returns it. */
export function awaitingLine(line: Bilingual): Bilingual {
  awaiting.add(line);
  return line;
}

/** True for a line made by `awaitingLine`. */
export function isAwaitingLine(line: Bilingual): boolean {
  return awaiting.has(line);
}
