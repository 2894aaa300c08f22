import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import {
  addMember,
  listAudit,
  listMembers,
  recordDeclaration,
  syncCommitteeFromTender,
} from '../../src/store/index.js';
import { AT, LATER, openTempStore } from './helpers.js';

const META = { by: 'secretary', at: AT };

describe('committee', () => {
  it('registers members and changes a role, auditing both', () => {
    const store = openTempStore();
    expect(addMember(store, { name: 'Jean Dupont', role: 'evaluator' }, META)).toBe(true);
    expect(addMember(store, { name: 'Jean Dupont', role: 'evaluator' }, META)).toBe(false);
    expect(addMember(store, { name: 'Jean Dupont', role: 'chair' }, META)).toBe(true);
    expect(listMembers(store)).toEqual([
      { name: 'Jean Dupont', role: 'chair', declaredAt: null, declarationText: null, source: 'cli' },
    ]);
    expect(listAudit(store).map((e) => [e.action, e.before, e.after])).toEqual([
      ['committee.add', null, { role: 'evaluator' }],
      ['committee.role', { role: 'evaluator' }, { role: 'chair' }],
    ]);
  });

  it('records a declaration, and refuses one for an unknown member', () => {
    const store = openTempStore();
    addMember(store, { name: 'Jean Dupont', role: 'evaluator' }, META);
    recordDeclaration(store, 'Jean Dupont', LATER, 'I declare impartiality and confidentiality.');
    expect(listMembers(store)[0]).toMatchObject({
      declaredAt: LATER,
      declarationText: 'I declare impartiality and confidentiality.',
    });
    expect(listAudit(store).at(-1)).toMatchObject({
      action: 'committee.declare',
      who: 'Jean Dupont',
      at: LATER,
    });
    expect(() => recordDeclaration(store, 'Nobody', LATER, 'x')).toThrow(UserError);
  });

  it('registers the tender committee once, counting a signed date as a declaration', () => {
    const store = openTempStore();
    const entries = [
      { name: 'Awa Ndiaye', role: 'chair' as const },
      { name: 'Jean Dupont', role: 'evaluator' as const, declaration_signed: '2025-12-01' },
    ];
    expect(syncCommitteeFromTender(store, entries, AT)).toEqual({
      added: ['Awa Ndiaye', 'Jean Dupont'],
      roleChanged: [],
      declared: ['Jean Dupont'],
    });
    const members = listMembers(store);
    expect(members.map((m) => [m.name, m.role, m.declaredAt, m.source])).toEqual([
      ['Awa Ndiaye', 'chair', null, 'tender'],
      ['Jean Dupont', 'evaluator', '2025-12-01', 'tender'],
    ]);
    const auditCount = listAudit(store).length;
    expect(syncCommitteeFromTender(store, entries, LATER)).toEqual({
      added: [],
      roleChanged: [],
      declared: [],
    });
    expect(listAudit(store)).toHaveLength(auditCount);
    expect(listAudit(store).at(-1)).toMatchObject({
      action: 'committee.declare',
      who: 'tender.yaml',
      at: AT,
    });
  });
});
