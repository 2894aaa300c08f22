import type { Context } from '../context.js';
import { jsonSchemaFor } from '../dossier/index.js';
import { EXIT, UserError } from '../errors.js';

const KINDS = ['tender', 'criteria', 'dossier'] as const;

/** `prequal schema tender|criteria|dossier`: the JSON Schema, for editors' autocompletion. */
export async function schemaCommand(ctx: Context, _options: object, kind: string): Promise<void> {
  if (!(KINDS as readonly string[]).includes(kind)) {
    throw new UserError(`schema kind must be one of ${KINDS.join(', ')}, got "${kind}"`, EXIT.usage);
  }
  ctx.out(`${JSON.stringify(jsonSchemaFor(kind as (typeof KINDS)[number]), null, 2)}\n`);
}
