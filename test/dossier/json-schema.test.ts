import { Ajv2020 } from 'ajv/dist/2020.js';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFor } from '../../src/dossier/json-schema.js';
import { CRITERIA_YAML, DOSSIER_YAML, TENDER_YAML } from './spec-examples.js';

const load = (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA });

describe('jsonSchemaFor', () => {
  it.each([
    ['tender', TENDER_YAML],
    ['criteria', CRITERIA_YAML],
    ['dossier', DOSSIER_YAML],
  ] as const)(
    'publishes a %s schema that accepts the SPEC example and flags unknown keys',
    (kind, example) => {
      const schema = jsonSchemaFor(kind);
      expect(schema.title).toBe(`prequal ${kind === 'dossier' ? 'dossier' : `${kind}.yaml`}`);
      const validate = new Ajv2020({ strict: false }).compile(schema);
      expect(validate(load(example)), JSON.stringify(validate.errors)).toBe(true);
      const withTypo = { ...(load(example) as object), nmae: 'x' };
      expect(validate(withTypo)).toBe(false);
    },
  );

  it('describes rules as a union on type', () => {
    expect(JSON.stringify(jsonSchemaFor('criteria'))).toContain('"current_ratio"');
  });
});
