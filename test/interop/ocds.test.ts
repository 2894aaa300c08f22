import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOcdsReleasePackage, renderOcds } from '../../src/export/ocds.js';
import { sampleReport } from './sample-report.js';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '../../schemas/ocds');
const readSchema = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(schemaDir, path), 'utf8'));

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** RFC 7386 JSON Merge Patch: objects merge recursively, `null` deletes, anything else replaces. */
function mergePatch(target: JsonValue, patch: JsonValue): JsonValue {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: { [key: string]: JsonValue } =
    target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key] ?? null, value);
  }
  return out;
}

/** Draft-04 → what Ajv 8 reads: `id` becomes `$id`, `$schema` goes. Only the root carries `id` here. */
function forAjv(schema: Record<string, unknown>): Record<string, unknown> {
  const { id, $schema: _ignored, ...rest } = schema;
  return id === undefined ? rest : { $id: id, ...rest };
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

let validateRelease: ValidateFunction;
let validatePackage: ValidateFunction;

beforeAll(() => {
  let release = readSchema('release-schema.json') as JsonValue;
  release = mergePatch(release, readSchema('bid-extension/release-schema.json') as JsonValue);
  release = mergePatch(release, readSchema('selection-criteria-extension/release-schema.json') as JsonValue);
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('date-time', { validate: (s: string) => RFC3339.test(s) && !Number.isNaN(Date.parse(s)) });
  ajv.addFormat('uri', { validate: (s: string) => URL.canParse(s) });
  ajv.addSchema(forAjv(release as Record<string, unknown>));
  validatePackage = ajv.compile(forAjv(readSchema('release-package-schema.json')));
  validateRelease = ajv.getSchema(
    'https://standard.open-contracting.org/schema/1__1__5/release-schema.json',
  )!;
});

describe('mergePatch', () => {
  it('follows RFC 7386', () => {
    expect(mergePatch({ a: 'b', c: { d: 'e', f: 'g' } }, { a: 'z', c: { f: null } })).toEqual({
      a: 'z',
      c: { d: 'e' },
    });
    expect(mergePatch({ a: [1] }, { a: [2, 3] })).toEqual({ a: [2, 3] });
    expect(mergePatch('x', { a: { b: 1 } })).toEqual({ a: { b: 1 } });
  });
});

describe('OCDS release package', () => {
  const pkg = buildOcdsReleasePackage(sampleReport(), {
    publisher: 'POC II',
    uri: 'https://example.org/ocds/poc2-s29.json',
  });
  const release = (pkg.releases as Record<string, unknown>[])[0]!;

  it('is valid against the release package and the release schema with the bid and selection extensions', () => {
    expect(validatePackage(pkg), JSON.stringify(validatePackage.errors)).toBe(true);
    expect(validateRelease(release), JSON.stringify(validateRelease.errors)).toBe(true);
  });

  it('fails validation when the release is broken', () => {
    const noOcid = { ...release };
    delete noOcid.ocid;
    expect(validateRelease(noOcid)).toBe(false);
    const bids = release.bids as { details: Record<string, unknown>[] };
    const badStatus = {
      ...release,
      bids: { ...bids, details: [{ ...bids.details[0], status: 'nonsense' }] },
    };
    expect(validateRelease(badStatus)).toBe(false);
    expect(validateRelease.errors?.[0]?.instancePath).toBe('/bids/details/0/status');
    const badCriterion = structuredClone(release) as {
      tender: { selectionCriteria: { criteria: { type: string }[] } };
    };
    badCriterion.tender.selectionCriteria.criteria[0]!.type = 'financial';
    expect(validateRelease(badCriterion)).toBe(false);
    expect(validatePackage({ ...pkg, releases: [noOcid] })).toBe(false);
  });

  it('describes the procedure and every application', () => {
    expect(release).toMatchObject({
      ocid: 'ocds-prequal-POC2-S29',
      date: '2025-12-09T10:00:00Z',
      tag: ['tender'],
      buyer: { id: 'buyer-poc-ii', name: 'POC II' },
      tender: {
        id: 'POC2-S29',
        title: 'Mission de supervision et de formation au respect des droits humains',
        procurementMethod: 'selective',
        tenderPeriod: { startDate: '2025-11-13T00:00:00Z', endDate: '2025-11-28T16:00:00Z' },
        numberOfTenderers: 5,
      },
    });
    const details = (release.bids as { details: Record<string, unknown>[] }).details;
    expect(details.map((d) => [d.id, d.status, d.rank ?? null, d.submissionType])).toEqual([
      ['c01-ids', 'valid', 1, 'expressionOfInterest'],
      ['c02-eurohr', 'valid', 2, 'expressionOfInterest'],
      ['c04-pending', 'valid', null, 'expressionOfInterest'],
      ['c03-late', 'disqualified', null, 'expressionOfInterest'],
      ['c05-broken', 'disqualified', null, 'expressionOfInterest'],
    ]);
    expect(details[0]!.tenderers).toEqual([
      { id: 'tenderer-c01-ids', name: 'Institut Droits & Sécurité SARL' },
      { id: 'tenderer-c01-ids-1', name: 'Human Rights Academy GmbH' },
      { id: 'tenderer-c01-ids-2', name: 'Sahel Capacités' },
    ]);
    expect(details[3]!.date).toBe('2025-11-28T16:30:00Z');
    expect(details[4]!.date).toBeUndefined();
    const stats = (release.bids as { statistics: { measure: string; value: number }[] }).statistics;
    expect(Object.fromEntries(stats.map((s) => [s.measure, s.value]))).toEqual({
      requests: 5,
      bidders: 5,
      validBids: 3,
      qualifiedBidders: 2,
      disqualifiedBidders: 2,
    });
    const partyIds = (release.parties as { id: string }[]).map((p) => p.id);
    expect(new Set(partyIds).size).toBe(partyIds.length);
    expect(partyIds).toHaveLength(1 + 3 + 1 + 1 + 1 + 1);
  });

  it('renders deterministic 2-space JSON with a trailing newline', () => {
    const text = renderOcds(sampleReport());
    expect(text).toBe(renderOcds(sampleReport()));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "version": "1.1",');
    expect(JSON.parse(text).publisher).toEqual({ name: 'POC II' });
  });
});
