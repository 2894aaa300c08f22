/** Reading and validating the workspace's input files (SPEC §2–§4). */

export { RULE_METRICS } from './criteria-checks.js';
export { jsonSchemaFor } from './json-schema.js';
export {
  APPLICATION_FORM,
  DOSSIERS_DIR,
  type DossierEntry,
  type FolderLister,
  type ListedItem,
  listDossierEntries,
} from './list-dossier-entries.js';
export { DEFAULT_LIMITS, type ParseLimits } from './parse-document.js';
export { type DossierParse, parseDossierText } from './parse-dossier-text.js';
export { type ReadDossierOptions, readDossier } from './read-dossier.js';
export { readCriteria, readTender, TENDER_FILE } from './read-tender.js';
