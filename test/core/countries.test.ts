import { describe, expect, it } from 'vitest';
import { ACP, EU, expandCountries } from '../../src/core/countries.js';
import { makeTender } from './factory.js';

describe('built-in country groups', () => {
  it('EU has the 27 member states, Greece as GR', () => {
    expect(new Set(EU).size).toBe(27);
    expect(EU).toContain('GR');
    expect(EU).toContain('HU');
    expect(EU).not.toContain('EL');
    expect(EU).not.toContain('GB');
  });

  it('ACP has exactly 79 distinct members, Cuba and Timor-Leste included', () => {
    expect(ACP).toHaveLength(79);
    expect(new Set(ACP).size).toBe(79);
    for (const code of ['SN', 'ZA', 'CD', 'CU', 'TL', 'PG', 'FJ', 'HT', 'CK', 'NU'])
      expect(ACP).toContain(code);
    for (const code of ['SS', 'EG', 'MA', 'DZ', 'MV']) expect(ACP).not.toContain(code);
    for (const code of ACP) expect(code).toMatch(/^[A-Z]{2}$/);
  });
});

describe('expandCountries', () => {
  const tender = makeTender({ country_groups: { ECOWAS: ['SN', 'ML'], WEST: ['ECOWAS', 'MR'], EU: ['FR'] } });

  it('expands tender groups, nested groups and plain codes', () => {
    expect([...expandCountries(['WEST', 'us'], tender)].sort()).toEqual(['ML', 'MR', 'SN', 'US']);
  });

  it('uses the built-in groups, unless the tender redefines the name', () => {
    expect(expandCountries(['ACP'], tender).size).toBe(79);
    expect([...expandCountries(['EU'], tender)]).toEqual(['FR']);
    expect(expandCountries(['EU'], makeTender()).size).toBe(27);
  });

  it('expands a list once per tender, and each tender by its own groups', () => {
    const first = expandCountries(['WEST', 'us'], tender);
    expect(expandCountries(['WEST', 'us'], tender)).toBe(first);
    expect(expandCountries(['WEST'], tender)).not.toBe(first);
    const other = makeTender({ country_groups: { WEST: ['GH'] } });
    expect([...expandCountries(['WEST', 'us'], other)].sort()).toEqual(['GH', 'US']);
    expect([...expandCountries(['WEST', 'us'], tender)].sort()).toEqual(['ML', 'MR', 'SN', 'US']);
  });

  it('survives a group that names itself', () => {
    const loop = makeTender({ country_groups: { A: ['A', 'SN'] } });
    expect([...expandCountries(['A'], loop)]).toEqual(['SN']);
  });

  it.each([['SAHEL'], ['ecowas2'], ['X'], ['FRA']])(
    'throws naming an unknown group rather than reading %s as a country code',
    (name) => {
      expect(() => expandCountries(['SN', name], tender)).toThrow(`unknown country group "${name}"`);
      // Not remembered as an answer: asking again throws again.
      expect(() => expandCountries(['SN', name], tender)).toThrow(`unknown country group "${name}"`);
    },
  );

  it('throws for an unknown group named inside a group', () => {
    const nested = makeTender({ country_groups: { WEST: ['SN', 'SAHEL'] } });
    expect(() => expandCountries(['WEST'], nested)).toThrow('unknown country group "SAHEL"');
  });
});
