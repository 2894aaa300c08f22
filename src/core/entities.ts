import type { Bilingual, Dossier, Entity } from './types.js';

/**
 * The lead (index 0, with the candidate's name and country and the dossier's top-level data)
 * followed by every member in dossier order (index i + 1).
 */
export function entitiesOf(dossier: Dossier): Entity[] {
  const lead: Entity = {
    index: 0,
    name: dossier.candidate.name,
    role: 'lead',
    country: dossier.candidate.country,
    declarations: dossier.declarations,
    financials: dossier.financials,
    staff: dossier.staff,
    references: dossier.references,
    experts: dossier.experts,
  };
  const members = dossier.members.map((member, i): Entity => ({ ...member, index: i + 1 }));
  return [lead, ...members];
}

const ROLE_NAMES: Record<Entity['role'], Bilingual> = {
  lead: { fr: 'chef de file', en: 'lead' },
  member: { fr: 'membre', en: 'member' },
  capacity_provider: { fr: 'entité fournissant des capacités', en: 'capacity provider' },
};

/** "Name (lead)" / "Name (chef de file)": how explanations name an entity. */
export function describeEntity(entity: Pick<Entity, 'name' | 'role'>): Bilingual {
  const role = ROLE_NAMES[entity.role];
  return { fr: `${entity.name} (${role.fr})`, en: `${entity.name} (${role.en})` };
}
