/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, `undefined` members dropped
 * (as `JSON.stringify` does). The audit chain hashes this form, so anyone can recompute a hash
 * from the stored values with any JSON library that sorts keys.
 *
 * A hand-written walk rather than a `JSON.stringify` replacer: JavaScript objects enumerate
 * integer-like keys (`"2022"`) first whatever their insertion order, so re-building a sorted
 * object would not give sorted output.
 */
export function canonicalJson(value: unknown): string {
  return serialise(value) ?? 'null';
}

/**
 * A value's canonical JSON, made already: canonicalJson writes its text as it stands, so that a
 * large member (an export's audit entry names every file written) is serialised once, not again
 * in every text made of it.
 */
export class CanonicalText {
  constructor(readonly text: string) {}
}

/**
 * The canonical JSON of an object of strings given as `[key, value]` pairs already sorted by key
 * (code unit order, as canonicalJson sorts) with no key twice: the text canonicalJson gives
 * `Object.fromEntries(pairs)`, made without that object (an ingest's 100,000 content hashes).
 */
export function canonicalStringMap(pairs: readonly (readonly [string, string])[]): CanonicalText {
  const members = pairs.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  return new CanonicalText(`{${members.join(',')}}`);
}

function serialise(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (value instanceof CanonicalText) return value.text;
  if (typeof value === 'object') {
    const withToJson = value as { toJSON?: () => unknown };
    if (typeof withToJson.toJSON === 'function') return serialise(withToJson.toJSON());
    if (Array.isArray(value)) return `[${value.map((item) => serialise(item) ?? 'null').join(',')}]`;
    const record = value as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const text = serialise(record[key]);
      if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
    }
    return `{${members.join(',')}}`;
  }
  // Strings, numbers (non-finite become null), booleans; undefined and functions stay undefined.
  return JSON.stringify(value);
}
