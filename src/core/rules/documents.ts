import { bi, joinFacts } from '../text.js';
import type { AttachmentFact, Bilingual, Rule } from '../types.js';
import type { RuleContext, RuleModule, RuleOutcome } from './rule.js';

type DocumentsRule = Extract<Rule, { type: 'documents' }>;

/** Why a required document does not count, or null when it does. */
function findProblem(
  kind: string,
  path: string | undefined,
  fact: AttachmentFact | undefined,
): Bilingual | null {
  if (path === undefined) {
    return bi(
      `${kind} : absent de la liste des documents du dossier`,
      `${kind}: not listed in the dossier's documents`,
    );
  }
  // A listed file the reader did not report (a bare dossier file has no folder) is not there.
  const status = fact?.status ?? 'missing';
  switch (status) {
    case 'ok':
      return null;
    case 'missing':
      return bi(`${kind} : fichier ${path} introuvable`, `${kind}: file ${path} is missing`);
    case 'empty':
      return bi(`${kind} : fichier ${path} vide`, `${kind}: file ${path} is empty`);
    case 'not_a_file':
      return bi(`${kind} : ${path} n'est pas un fichier ordinaire`, `${kind}: ${path} is not a regular file`);
  }
}

/** Each required kind must be listed in `documents` and point to a non-empty regular file. */
export const documentsRule: RuleModule<DocumentsRule> = {
  evaluate(ctx: RuleContext<DocumentsRule>): RuleOutcome {
    const missing: string[] = [];
    const problems: Bilingual[] = [];
    const details: Bilingual[] = [];
    for (const kind of ctx.rule.required) {
      const path = Object.hasOwn(ctx.dossier.documents, kind) ? ctx.dossier.documents[kind] : undefined;
      const fact = ctx.attachments.find((a) => a.kind === kind);
      const problem = findProblem(kind, path, fact);
      if (problem) {
        missing.push(kind);
        problems.push(problem);
        details.push(problem);
      } else {
        details.push(
          bi(`${kind} : ${path} (${fact?.size ?? 0} octets)`, `${kind}: ${path} (${fact?.size ?? 0} bytes)`),
        );
      }
    }
    const required = ctx.rule.required.length;
    // The summary is the reason a rejection letter gives, so it says what is wrong with each
    // document: a candidate who sent an empty file is not told it sent nothing.
    const why = joinFacts(problems);
    const agreed = missing.length < 2 ? 'manquante ou inutilisable' : 'manquantes ou inutilisables';
    const summary =
      missing.length === 0
        ? bi(
            `pièces obligatoires : les ${required} sont présentes : satisfait`,
            `mandatory documents: all ${required} present: met`,
          )
        : bi(
            `pièces obligatoires : ${missing.length} sur ${required} ${agreed} (${why.fr}) : non satisfait`,
            `mandatory documents: ${missing.length} of ${required} missing or unusable (${why.en}): not met`,
          );
    return { passed: missing.length === 0, metrics: { missing }, explanation: [summary, ...details] };
  },
};
