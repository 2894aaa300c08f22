/**
 * The SQLite store of a workspace (`<workspace>/prequal.db`): criteria versions, dossiers and their
 * history, cached evaluations, the committee's acts (members, declarations, scores, overrides, tie
 * decisions) and the hash-chained audit log. Committee acts, criteria imports and ingests write
 * their own audit entry in the same transaction; `appendAudit` is for any other change a command
 * wants recorded. The runs table of schema 1 is written by no command (see RUNS).
 */
export {
  type AuditInput,
  appendAudit,
  GENESIS_HASH,
  hashAuditEntry,
  listAudit,
  listAuditLines,
  readAuditHead,
} from './audit-log.js';
export { type AuditVerdict, findStoreDamage, verifyAudit } from './audit-verify.js';
export { canonicalJson } from './canonical-json.js';
export {
  type ActMeta,
  addMember,
  type CommitteeMember,
  committeeDrift,
  listMembers,
  recordDeclaration,
  syncCommitteeFromTender,
  type TenderMemberChange,
} from './committee.js';
export {
  type CriteriaVersion,
  getCriteriaVersion,
  type ImportCriteriaInput,
  importCriteria,
  listCriteriaVersions,
} from './criteria-versions.js';
export {
  type DossierStatus,
  type DossierVersion,
  getDossier,
  type KnownDossier,
  knownDossierHashes,
  listActiveDossiers,
  listDossierVersions,
  type StoredDossier,
  toReadDossier,
} from './dossier-queries.js';
export { type IngestSummary, type StorableDossier, syncDossiers } from './dossier-sync.js';
export {
  type DossierHead,
  type DossierSourceText,
  getDossierDocumentOf,
  getDossierTexts,
  listActiveDossierHeads,
  listValidDossierTexts,
} from './dossier-texts.js';
export { getCachedEvaluation, getCachedSummaries } from './evaluation-cache.js';
export {
  criterionKey,
  type EvaluationPart,
  saveEvaluationParts,
  toEvaluationPart,
} from './evaluation-parts.js';
export { type CacheCoverage, getCacheCoverage, listCachedEvaluationKeys } from './evaluation-plan.js';
export { recordIngest } from './ingest-entry.js';
export { listScores, recordScores } from './manual-scores.js';
export { getMeta, setMeta, setMetaIf } from './meta.js';
export {
  applyMigrations,
  assertCurrentSchema,
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  type Migration,
  readSchemaVersion,
} from './migrations.js';
export {
  type OpenStoreOptions,
  openStore,
  openStoreForInspection,
  openStoreForReading,
} from './open-store.js';
export { listOverrides, recordOverride } from './overrides.js';
export type { Store, StoreOrDb } from './store-handle.js';
export { listDecisions, recordDecision } from './tie-decisions.js';
export {
  type BusyRetryOptions,
  DEFAULT_MAX_BUSY_WAIT_MS,
  isBusyError,
  noticeLockWaits,
  retryOnBusy,
  withWriteTransaction,
} from './write-transaction.js';
