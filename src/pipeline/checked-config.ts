/**
 * tender.yaml and criteria.yaml are parsed and validated against schemas whose modules (zod,
 * some hundred files) take longer to load than a run that finds nothing changed spends on
 * anything but its stats. Validation is a pure function of the file's bytes, the build of
 * prequal and, for criteria, the tender: so the store keeps the outcome of the last successful
 * validation under a key made of exactly those, and a command finding the same key uses it
 * without loading a schema. A file that changed, or a new build, is validated again; a file
 * that fails validation is never recorded, so it is reported every time.
 */
import { createHash } from 'node:crypto';
import type { Tender } from '../core/types.js';
import type { ConfigSource } from '../dossier/config-source.js';
import { getMeta, type Store, setMeta } from '../store/index.js';
import { toolBuild } from '../version.js';

const TENDER_CHECKED = 'tender.checked';
const CRITERIA_CHECKED = 'criteria.checked';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The validation key of a tender.yaml: its bytes and the build (also what evaluations are keyed by). */
export function tenderCheckKey(source: ConfigSource): string {
  return sha256(`${source.hash}\n${toolBuild()}`);
}

/** tender.yaml validated now (the schemas are loaded for it); throws InputError listing every problem. */
export async function validateTender(source: ConfigSource): Promise<Tender> {
  const { checkTender } = await import('../dossier/read-tender.js');
  return checkTender(source).tender;
}

/** The tender of `source`: as recorded when the same bytes were last validated by this build, else validated and recorded. */
export async function checkedTender(store: Store, source: ConfigSource, validated?: Tender): Promise<Tender> {
  const key = tenderCheckKey(source);
  const recorded = validated === undefined ? recordedTender(store, key) : undefined;
  if (recorded) return recorded;
  const tender = validated ?? (await validateTender(source));
  setMeta(store, TENDER_CHECKED, JSON.stringify({ key, tender }));
  return tender;
}

/** The tender of `source` for a command that writes nothing: as recorded, else validated now and not recorded. */
export async function tenderWithoutRecording(store: Store, source: ConfigSource): Promise<Tender> {
  return recordedTender(store, tenderCheckKey(source)) ?? (await validateTender(source));
}

function recordedTender(store: Store, key: string): Tender | undefined {
  const recorded = readRecord<{ key: string; tender: Tender }>(store, TENDER_CHECKED);
  return recorded?.key === key ? recorded.tender : undefined;
}

/** The validation key of a criteria file: its bytes (their sha256), the tender's and the build. */
export function criteriaCheckKey(criteriaHash: string, tenderKey: string): string {
  return sha256(`${criteriaHash}\n${tenderKey}`);
}

/** True when the criteria file of `key` was validated, with this tender and build, and recorded. */
export function criteriaChecked(store: Store, key: string): boolean {
  return getMeta(store, CRITERIA_CHECKED) === key;
}

/** Records that the criteria file of `key` passed validation. */
export function recordCriteriaChecked(store: Store, key: string): void {
  setMeta(store, CRITERIA_CHECKED, key);
}

function readRecord<T>(store: Store, name: string): T | null {
  const text = getMeta(store, name);
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
