import { z } from 'zod';
import { buildCriteriaSchema } from './schema-criteria.js';
import { dossierSchema } from './schema-dossier.js';
import { tenderSchema } from './schema-tender.js';

const TITLES = {
  tender: 'prequal tender.yaml',
  criteria: 'prequal criteria.yaml',
  dossier: 'prequal dossier',
} as const;

/**
 * The JSON Schema of an input format, for editors' completion and validation. Mappings are
 * closed (`additionalProperties: false`) so editors flag misspelt keys; fields with a
 * default are optional, as a person writing the file sees them. Checks that need the tender
 * (country groups, currencies) are not expressible here.
 */
export function jsonSchemaFor(kind: 'tender' | 'criteria' | 'dossier'): Record<string, unknown> {
  const schema =
    kind === 'tender' ? tenderSchema : kind === 'criteria' ? buildCriteriaSchema([]) : dossierSchema;
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (context) => {
      if (context.zodSchema._zod.def.type === 'object') context.jsonSchema.additionalProperties = false;
    },
  });
  return { ...json, title: TITLES[kind] };
}
