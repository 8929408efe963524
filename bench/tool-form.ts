import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { generateSync } from 'json-schema-faker';
import { launchChromium, ROOT } from '../test/e2e/support/browser';
import { median } from './median';

const RUNS = 5;

/**
 * A big tool input schema, as generated API wrappers publish them: 320 top-level fields of every
 * kind the form draws (strings with formats, integers, booleans, 30-value enums, nullable
 * strings, arrays of $ref'd objects, nested objects), about 700 inputs once filled.
 */
export function bigToolSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const add = (prefix: string, count: number, schema: (i: number) => unknown) => {
    for (let i = 0; i < count; i++) properties[`${prefix}_${i}`] = schema(i);
  };
  add('text', 100, (i) => ({ type: 'string', maxLength: 40, description: `Free text number ${i}, shown as help under the field.` }));
  add('count', 60, () => ({ type: 'integer', minimum: 0, maximum: 1000 }));
  add('flag', 40, () => ({ type: 'boolean' }));
  add('choice', 40, () => ({ type: 'string', enum: Array.from({ length: 30 }, (_, v) => `option-${v}`) }));
  add('when', 30, () => ({ type: 'string', format: 'date-time' }));
  add('maybe', 20, () => ({ anyOf: [{ type: 'string', maxLength: 20 }, { type: 'null' }] }));
  add('list', 20, () => ({ type: 'array', items: { $ref: '#/$defs/Item' }, maxItems: 3 }));
  add('group', 10, () => ({ type: 'object', properties: Object.fromEntries(Array.from({ length: 10 }, (_, f) => [`field_${f}`, { type: f % 2 ? 'integer' : 'string' }])) }));
  const item = { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string', maxLength: 20 }, tags: { type: 'array', items: { type: 'string', maxLength: 10 }, maxItems: 2 } }, required: ['id'] };
  return { type: 'object', properties, required: ['text_0', 'count_0'], $defs: { Item: item } };
}

/**
 * The Tools section's generated form (@rjsf/core, the app's validator and widgets) in Chromium on
 * big schemas, with arguments generated from each schema (json-schema-faker, seeded, every optional
 * field filled): first render to paint, one field change to the change reported, one validation
 * of the whole value. Medians of 5 after a warm-up, in ms. For the largest schema of the published
 * servers' corpus and for bigToolSchema(). Targets (the big schema): render < 200 ms, change < 50 ms, validate < 150 ms.
 */
export async function benchToolForm(): Promise<Record<string, number>> {
  const script = (
    await build({ entryPoints: [join(ROOT, 'bench/tool-form-page.tsx')], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', jsx: 'automatic', write: false, define: { 'process.env.NODE_ENV': '"production"' }, loader: { '.css': 'empty' } })
  ).outputFiles[0]!.text;
  const largest = largestPublishedSchema();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.evaluate(script);
    const figures: Record<string, number> = {};
    for (const [name, schema] of [['published-largest', largest], ['big-schema', bigToolSchema()]] as const) {
      const value = generateSync(schema, { seed: 7, alwaysFakeOptionals: true, maxItems: 3, maxDepth: 4 }) as Record<string, unknown>;
      const field = Object.keys(value)[0]!;
      const renders: number[] = [];
      const changes: number[] = [];
      const validations: number[] = [];
      let fields = 0;
      for (let run = 0; run <= RUNS; run++) {
        const rendered = (await page.evaluate(([s, v]) => (globalThis as never as Bench).periscopeFormBench.render(s, v), [schema, value] as const));
        const changeMs = await page.evaluate(([f, v]) => (globalThis as never as Bench).periscopeFormBench.change(f, v), [field, value[field]] as const);
        const validated = await page.evaluate(() => (globalThis as never as Bench).periscopeFormBench.validate());
        if (!validated.valid) throw new Error(`tool-form: the ${name} arguments did not validate`);
        if (run === 0) continue; // warm-up
        renders.push(rendered.renderMs);
        changes.push(changeMs);
        validations.push(validated.validateMs);
        fields = rendered.fields;
      }
      figures[`tool-form-${name}-fields`] = fields;
      figures[`tool-form-${name}-render-ms`] = medianMs(renders);
      figures[`tool-form-${name}-change-ms`] = medianMs(changes);
      figures[`tool-form-${name}-validate-ms`] = medianMs(validations);
    }
    return figures;
  } finally {
    await browser.close();
  }
}

/** The largest input schema (as JSON text) of the published servers' corpus (test/fixtures/published-tool-schemas). */
function largestPublishedSchema(): Record<string, unknown> {
  const corpus = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/published-tool-schemas/schemas.json'), 'utf8')) as { servers: Array<{ tools: Array<{ inputSchema: Record<string, unknown> }> }> };
  const schemas = corpus.servers.flatMap((server) => server.tools.map((tool) => tool.inputSchema));
  return schemas.reduce((a, b) => (JSON.stringify(b).length > JSON.stringify(a).length ? b : a));
}

interface Bench {
  periscopeFormBench: {
    render(schema: unknown, value: unknown): Promise<{ renderMs: number; fields: number }>;
    change(field: string, value: unknown): Promise<number>;
    validate(): { validateMs: number; valid: boolean };
  };
}

/** The median, to a tenth of a millisecond. */
function medianMs(values: number[]): number {
  return Math.round(median(values) * 10) / 10;
}

// `npx tsx bench/tool-form.ts` runs it on its own.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchToolForm().then(
    (results) => console.log(JSON.stringify(results, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
