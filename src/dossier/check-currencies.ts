import type { Dossier, Tender } from '../core/types.js';
import type { Problem } from './criteria-checks.js';

/**
 * Every currency a dossier uses must convert to the tender currency (SPEC §2): an amount
 * with no rate is an input error, never a silent zero.
 */
export function checkCurrencies(dossier: Dossier, tender: Tender): Problem[] {
  const problems: Problem[] = [];
  const check = (currency: string, path: (string | number)[]) => {
    if (currency === tender.currency || Object.hasOwn(tender.exchange_rates, currency)) return;
    problems.push({ path, message: `currency ${currency} has no exchange rate in tender.yaml` });
  };
  const entities = [
    { prefix: [] as (string | number)[], entity: dossier },
    ...dossier.members.map((member, index) => ({ prefix: ['members', index], entity: member })),
  ];
  for (const { prefix, entity } of entities) {
    if (entity.financials) check(entity.financials.currency, [...prefix, 'financials', 'currency']);
    entity.references.forEach((reference, index) => {
      check(reference.currency, [...prefix, 'references', index, 'currency']);
    });
  }
  return problems;
}
