/**
 * Sanctions screening (SPEC §5): every entity of a dossier is compared with a list of sanctioned
 * names after normalisation. An exact match rejects; a near match asks the committee to review.
 * Pure: the caller reads the list file and hands its text to `parseSanctionsCsv`.
 */
import { parseCsv } from './csv.js';
import { foldWords, mixesScripts, readLookAlikes } from './fold-text.js';
import type { Bilingual, CriterionResult, InputIssue, ItemVerdict } from './types.js';

export interface SanctionsEntry {
  name: string;
  aliases: string[];
  /** Line of the list file the entry comes from. */
  line: number;
}

export interface SanctionsList {
  /** List file, relative to the workspace. */
  file: string;
  /** The list's version or date, recorded with every result. */
  version: string;
  entries: SanctionsEntry[];
}

export interface SanctionsMatch {
  /** Entity index (0 = lead) and name, as screened. */
  entity: number;
  entityName: string;
  /** The entry's main name, and the name or alias that matched. */
  listed: string;
  matchedAs: string;
  /** Line of the entry in the list file. */
  line: number;
  /** 1 for an exact match; otherwise the similarity of the normalised names, 4 decimals. */
  similarity: number;
  /** A near match whose names differ only in look-alike letters of another script, each in one script. */
  lookAlike?: true;
}

export interface ScreeningResult {
  exact: SanctionsMatch[];
  near: SanctionsMatch[];
}

/**
 * Near-match threshold: 1 - editDistance / longerLength, on the normalised names or on their
 * tokens sorted (so a reordered name scores 1). 0.85 allows one typo in 7 characters.
 */
export const NEAR_MATCH_THRESHOLD = 0.85;
/** Normalised names shorter than this are only ever matched exactly: short names collide too easily. */
export const NEAR_MATCH_MIN_LENGTH = 7;

/**
 * Legal-form words removed from names. Dotted forms (`S.A.R.L.`) are caught too, because runs
 * of single letters are joined before removal.
 */
const LEGAL_FORMS = new Set(
  (
    'sarl sarlu sa sas sasu suarl gie eurl scs snc sca scp sci scop gmbh ag kg ohg ug ltd ' +
    'limited llc llp lp inc incorporated corp corporation plc sprl srl srls spa bv bvba nv sl slu sau asbl ' +
    'lda ltda sociedade unipessoal ab oy as aps kft sro zoo'
  ).split(' '),
);

/**
 * Lowercases, strips accents and punctuation (foldWords), reads look-alike letters of other
 * scripts as Latin (readLookAlikes), drops legal-form words and collapses spaces: `Part\u00adners`
 * split a listed name in two, and an exact match then passed as a near one.
 */
export function normalizeEntityName(name: string): string {
  return withoutLegalForms(readLookAlikes(foldWords(name)));
}

/**
 * A name as screened: `norm` (normalizeEntityName), `plain` (the same without reading look-alike
 * letters) and whether a word of it mixes scripts. Names alike only through look-alike letters
 * are an exact match when one of them mixes scripts within a word (`Sаhel` with a Cyrillic а:
 * a disguise); two names each in one script that merely look alike, a Russian `ТОР` (Tor) and a
 * `Top SARL`, may be two entities, so that is a near match for the committee to review, never a
 * rejection.
 */
interface ScreenedName {
  raw: string;
  norm: string;
  plain: string;
  mixed: boolean;
}

function screenedName(raw: string): ScreenedName {
  const words = foldWords(raw);
  return {
    raw,
    norm: withoutLegalForms(readLookAlikes(words)),
    plain: withoutLegalForms(words),
    mixed: mixesScripts(words),
  };
}

function withoutLegalForms(words: string[]): string {
  const tokens = joinInitials(words);
  const kept = tokens.filter((t) => !LEGAL_FORMS.has(t));
  // A name that is nothing but a legal form keeps it, rather than matching every other such name.
  return (kept.length > 0 ? kept : tokens).join(' ');
}

/** `s a r l` → `sarl`: dotted abbreviations become one token. */
function joinInitials(tokens: string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const token of tokens) {
    if ([...token].length === 1) {
      run += token;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(token);
  }
  if (run) out.push(run);
  return out;
}

/** Levenshtein distance over code points, two rows of memory. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return prev[y.length]!;
}

/** Similarity in [0, 1] of two normalised names, the better of as-written and tokens-sorted. */
export function nameSimilarity(a: string, b: string): number {
  const ratio = (p: string, q: string): number => {
    const longer = Math.max([...p].length, [...q].length);
    return longer === 0 ? 1 : 1 - editDistance(p, q) / longer;
  };
  const sorted = (s: string): string => s.split(' ').sort().join(' ');
  return Math.max(ratio(a, b), ratio(sorted(a), sorted(b)));
}

/**
 * Screens entities against the list. Each entity gets at most one match per list entry:
 * exact when a normalised name or alias equals the entity's, else near when the best similarity
 * reaches the threshold (both names at least `NEAR_MATCH_MIN_LENGTH` characters).
 * Results are ordered by entity, then by list line.
 */
export function screenEntities(
  entities: { entity: number; name: string }[],
  list: SanctionsList,
): ScreeningResult {
  const exact: SanctionsMatch[] = [];
  const near: SanctionsMatch[] = [];
  const listed = list.entries.map((entry) => ({
    entry,
    names: [entry.name, ...entry.aliases].map(screenedName),
  }));
  const sortedEntities = [...entities].sort((p, q) => p.entity - q.entity);
  for (const { entity, name } of sortedEntities) {
    const screened = screenedName(name);
    const norm = screened.norm;
    if (norm === '') continue;
    for (const { entry, names } of listed) {
      const base = { entity, entityName: name, listed: entry.name, line: entry.line };
      const alike = names.filter((n) => n.norm === norm);
      const same = alike.find((n) => n.plain === screened.plain || n.mixed || screened.mixed);
      if (same) {
        exact.push({ ...base, matchedAs: same.raw, similarity: 1 });
        continue;
      }
      // Alike only through look-alike letters, each name in one script (see ScreenedName).
      if (alike[0]) {
        near.push({ ...base, matchedAs: alike[0].raw, similarity: 1, lookAlike: true });
        continue;
      }
      let best: { raw: string; score: number } | null = null;
      for (const n of names) {
        if ([...n.norm].length < NEAR_MATCH_MIN_LENGTH || [...norm].length < NEAR_MATCH_MIN_LENGTH) continue;
        const score = nameSimilarity(norm, n.norm);
        if (score >= NEAR_MATCH_THRESHOLD && (best === null || score > best.score))
          best = { raw: n.raw, score };
      }
      if (best)
        near.push({ ...base, matchedAs: best.raw, similarity: Math.round(best.score * 10_000) / 10_000 });
    }
  }
  return { exact, near };
}

/**
 * Reads a sanctions list: header `name,aliases,version` (any order, case-insensitive), aliases
 * separated by `;`, and the same non-empty version on every row (the version is a property of
 * the list, repeated so the file stays plain CSV). Every problem is reported with its line.
 */
export function parseSanctionsCsv(text: string, file: string): { list: SanctionsList; issues: InputIssue[] } {
  const { rows, lines, errors } = parseCsv(text);
  const issues: InputIssue[] = errors.map((e) => ({ file, line: e.line, path: '', message: e.message }));
  const list: SanctionsList = { file, version: '', entries: [] };
  const header = rows[0]?.map((h) => h.trim().toLowerCase()) ?? [];
  const col = {
    name: header.indexOf('name'),
    aliases: header.indexOf('aliases'),
    version: header.indexOf('version'),
  };
  if (col.name < 0 || col.version < 0) {
    issues.push({
      file,
      line: 1,
      path: '',
      message: 'the header must name the columns name, aliases, version',
    });
    return { list, issues };
  }
  const versions = new Set<string>();
  rows.slice(1).forEach((row, k) => {
    const line = lines[k + 1]!;
    const name = (row[col.name] ?? '').trim();
    const version = (row[col.version] ?? '').trim();
    if (name === '') issues.push({ file, line, path: 'name', message: 'empty name' });
    if (version === '') issues.push({ file, line, path: 'version', message: 'empty version' });
    else if (versions.size > 0 && !versions.has(version)) {
      issues.push({
        file,
        line,
        path: 'version',
        message: `version "${version}" differs from "${[...versions][0]}"`,
      });
    }
    if (version !== '') versions.add(version);
    const aliases = col.aliases < 0 ? [] : (row[col.aliases] ?? '').split(';').map((a) => a.trim());
    if (name !== '') list.entries.push({ name, aliases: aliases.filter((a) => a !== ''), line });
  });
  if (rows.length <= 1)
    issues.push({ file, line: 1, path: '', message: 'the list has no entry, so no version' });
  list.version = [...versions][0] ?? '';
  return { list, issues };
}

/**
 * The `sanctions` gate for one candidate: fails on any exact match, passes with the `review`
 * flag on near matches only. Metrics record the list version so every result says which list it used.
 */
export function judgeSanctions(
  result: ScreeningResult,
  list: SanctionsList,
  screened: number,
): CriterionResult {
  const where = `${list.file} (version ${list.version})`;
  const items: ItemVerdict[] = [];
  const explanation: Bilingual[] = [];
  for (const m of result.exact) {
    const why: Bilingual = {
      fr: `${m.entityName} : correspondance exacte avec « ${m.listed} » (ligne ${m.line}) sur la liste ${where}`,
      en: `${m.entityName}: exact match with "${m.listed}" (line ${m.line}) on list ${where}`,
    };
    items.push({ entity: m.entity, entityName: m.entityName, item: -1, counted: true, why });
    explanation.push(why);
  }
  for (const m of result.near) {
    const alike: Bilingual = m.lookAlike
      ? {
          fr: ', mêmes lettres à l’œil dans une autre écriture',
          en: ', the same letters to the eye in another script',
        }
      : { fr: '', en: '' };
    const why: Bilingual = {
      fr: `${m.entityName} : proche de « ${m.matchedAs} » (similarité ${m.similarity}${alike.fr}, ligne ${m.line}) sur la liste ${where} : à examiner par le comité`,
      en: `${m.entityName}: near match with "${m.matchedAs}" (similarity ${m.similarity}${alike.en}, line ${m.line}) on list ${where}: needs review by the committee`,
    };
    // `value` carries the similarity, so exporters need not read it back from the wording.
    items.push({
      entity: m.entity,
      entityName: m.entityName,
      item: -1,
      counted: false,
      value: m.similarity,
      why,
    });
    explanation.push(why);
  }
  if (explanation.length === 0) {
    explanation.push({
      fr: `entités contrôlées : ${screened} ; aucune ne figure sur la liste ${where}`,
      en: `entities screened: ${screened}; none is on list ${where}`,
    });
  }
  const verdict: CriterionResult = {
    criterion: 'sanctions',
    kind: 'gate',
    passed: result.exact.length === 0,
    points: null,
    metrics: {
      list_version: list.version,
      exact: result.exact.length,
      near: result.near.length,
      matched: [...result.exact, ...result.near].map((m) => m.listed),
    },
    explanation,
    items,
  };
  if (result.near.length > 0) verdict.flags = ['review'];
  return verdict;
}
