/**
 * Text inside workbook XML. The callers clean cell text first (safeCellText removes what XML
 * 1.0 forbids); these only escape, so the text reads back exactly as given.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const MARKUP = /[&<>"]/g;

/** Text escaped for XML content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(MARKUP, (char) => ENTITIES[char] as string);
}

/** `_x` followed by four hex digits and `_`: spreadsheet XML reads it as an escaped character. */
const CELL_MARKUP = /[&<>"]|_(?=x[0-9A-Fa-f]{4}_)/g;

/**
 * Text escaped for a cell. Spreadsheet strings (ST_Xstring) also read `_xHHHH_` as the character
 * U+HHHH, so a candidate writing `_x0041_` would be shown `A`; its underscore is written as
 * `_x005F_` so the text is shown as written.
 */
export function escapeCellText(text: string): string {
  return text.replace(CELL_MARKUP, (char) => ENTITIES[char] ?? '_x005F_');
}
