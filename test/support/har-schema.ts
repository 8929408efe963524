import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import harSchemas from 'har-schema';

let validate: ValidateFunction | undefined;

/** The HAR 1.2 JSON schema (the har-schema package), compiled once. */
function harValidator(): ValidateFunction {
  if (validate) return validate;
  // har-schema is draft-06 and uses two words JSON Schema does not know ("optional", and "min"
  // where it means "minimum"): strict off, and the minimums are checked below by hand.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addMetaSchema(draft06);
  const schemas = harSchemas as Record<string, { $id: string }>;
  for (const [name, schema] of Object.entries(schemas)) if (name !== 'har') ajv.addSchema(schema);
  validate = ajv.compile(schemas.har!);
  return validate;
}

/**
 * Throws unless `har` is a valid HAR 1.2 document: the har-schema JSON schema, plus what the
 * format's text requires and the schema's misspelt "min" leaves unchecked (timings at least -1,
 * send/wait/receive at least 0, `time` the sum of the timings that are not -1).
 */
export function expectValidHar(har: unknown): void {
  const check = harValidator();
  if (!check(har)) throw new Error(`not a valid HAR 1.2 document: ${check.errors!.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`).join('; ')}`);
  const log = (har as { log: { version: string; entries: Array<{ time: number; timings: Record<string, number> }> } }).log;
  if (log.version !== '1.2') throw new Error(`log.version is ${log.version}, not 1.2`);
  log.entries.forEach((entry, i) => {
    for (const phase of ['blocked', 'dns', 'connect', 'ssl']) if (entry.timings[phase]! < -1) throw new Error(`entries/${i}/timings/${phase} is below -1`);
    for (const phase of ['send', 'wait', 'receive']) if (!(entry.timings[phase]! >= 0)) throw new Error(`entries/${i}/timings/${phase} must be 0 or more`);
    const sum = ['blocked', 'dns', 'connect', 'send', 'wait', 'receive'].reduce((total, phase) => total + Math.max(0, entry.timings[phase]!), 0);
    if (Math.abs(sum - entry.time) > 0.01) throw new Error(`entries/${i}/time ${entry.time} is not the sum of its timings (${sum})`);
  });
}
