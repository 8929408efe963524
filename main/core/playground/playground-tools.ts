import * as z from 'zod';
import type { McpServer } from '@modelcontextprotocol/server';
import type { OperationLog } from './operation-log';
import { playgroundLogoPng } from './tiny-png';

const LOG_LEVELS = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'] as const;

/**
 * The simple tools: each shows one kind of tool result a client must be able to display. They are
 * era-blind: the same handlers answer 2025-era sessions and 2026-07-28 requests.
 */
export function registerPlaygroundTools(server: McpServer, operations: OperationLog): void {
  server.registerTool(
    'echo',
    { title: 'Echo', description: 'Returns the message it was given.', inputSchema: z.object({ message: z.string().describe('Text to send back') }) },
    async ({ message }) => ({ content: [{ type: 'text', text: message }] }),
  );

  server.registerTool(
    'add',
    { title: 'Add', description: 'Adds two numbers.', inputSchema: z.object({ a: z.number(), b: z.number() }) },
    async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }),
  );

  server.registerTool(
    'slow_operation',
    {
      title: 'Slow operation',
      description:
        'Works for steps × stepMs milliseconds, sending notifications/progress after each step when the request has a progressToken. Stops as soon as the request is cancelled; read playground://operations to see how it ended.',
      inputSchema: z.object({
        steps: z.number().int().min(1).max(1000).default(5),
        stepMs: z.number().int().min(0).max(60_000).default(200),
      }),
    },
    async ({ steps, stepMs }, ctx) => {
      const progressToken = ctx.mcpReq._meta?.progressToken;
      const operation = operations.begin('slow_operation', steps);
      for (let step = 1; step <= steps; step++) {
        try {
          await sleep(stepMs, ctx.mcpReq.signal);
        } catch {
          operations.finish(operation, 'cancelled');
          throw new Error(`slow_operation cancelled after ${step - 1} of ${steps} steps`);
        }
        operations.progress(operation, step);
        if (progressToken !== undefined) {
          await ctx.mcpReq.notify({
            method: 'notifications/progress',
            params: { progressToken, progress: step, total: steps, message: `step ${step} of ${steps}` },
          });
        }
      }
      operations.finish(operation, 'completed');
      return { content: [{ type: 'text', text: `slow_operation completed ${steps} steps` }] };
    },
  );

  server.registerTool(
    'fail',
    {
      title: 'Fail',
      description: 'Always returns a tool result with isError: true (a tool-level failure, not a protocol error).',
      inputSchema: z.object({ message: z.string().optional() }),
    },
    async ({ message }) => ({
      isError: true,
      content: [{ type: 'text', text: message ?? 'The fail tool failed, as it always does.' }],
    }),
  );

  server.registerTool(
    'image',
    { title: 'Image', description: 'Returns a small PNG (the playground logo) as image content.' },
    async () => ({
      content: [
        { type: 'image', data: playgroundLogoPng().toString('base64'), mimeType: 'image/png' },
        { type: 'text', text: 'The playground logo, 32×32 PNG.' },
      ],
    }),
  );

  server.registerTool(
    'weather',
    {
      title: 'Weather (structured output)',
      description: 'Returns made-up weather for a city as structuredContent that matches its outputSchema.',
      inputSchema: z.object({ city: z.string().min(1) }),
      outputSchema: z.object({
        city: z.string(),
        temperatureC: z.number(),
        conditions: z.enum(['sunny', 'cloudy', 'rain', 'snow']),
        humidityPercent: z.number().int().min(0).max(100),
      }),
    },
    async ({ city }) => {
      const structuredContent = madeUpWeather(city);
      return { content: [{ type: 'text', text: JSON.stringify(structuredContent) }], structuredContent };
    },
  );

  server.registerTool(
    'find_docs',
    {
      title: 'Find docs',
      description: 'Points to where the answer is: a resource_link content block to the playground README resource, rather than the text itself.',
      inputSchema: z.object({ topic: z.string().default('transports').describe('What to look up') }),
      annotations: { readOnlyHint: true },
    },
    async ({ topic }) => ({
      content: [
        { type: 'text', text: `The README covers ${topic}:` },
        { type: 'resource_link', uri: 'playground://readme', name: 'readme', title: 'Playground README', mimeType: 'text/markdown' },
      ],
    }),
  );

  server.registerTool(
    'log',
    {
      title: 'Log',
      description:
        'Logs the message once per level given, as notifications/message. The client decides what arrives: logging/setLevel on a 2025-era session; on 2026-07-28 the request\'s io.modelcontextprotocol/logLevel _meta key, and none at all when that key is absent.',
      inputSchema: z.object({
        message: z.string().default('hello from the playground'),
        levels: z.array(z.enum(LOG_LEVELS)).min(1).default(['info']),
        details: z.record(z.string(), z.unknown()).optional().describe('Logged as structured data ({ message, ...details }) instead of the bare message'),
      }),
    },
    async ({ message, levels, details }, ctx) => {
      const data = details ? { message, ...details } : message;
      // ctx.mcpReq.log applies the client's level filter of either era; a raw notify would not.
      for (const level of levels) await ctx.mcpReq.log(level, data, 'playground');
      return { content: [{ type: 'text', text: `logged ${levels.length} message(s) at ${levels.join(', ')}, as far as the client's log level lets them through` }] };
    },
  );
}

/** Deterministic per city, so tests and demos see stable values. */
function madeUpWeather(city: string) {
  const seed = [...city.toLowerCase()].reduce((sum, ch) => sum + ch.charCodeAt(0), 0);
  const conditions = (['sunny', 'cloudy', 'rain', 'snow'] as const)[seed % 4];
  return { city, temperatureC: (seed % 35) - 5, conditions, humidityPercent: 30 + (seed % 60) };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
