import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { LoggingLevel } from '@modelcontextprotocol/sdk/types.js';
import type { OperationLog } from './operation-log';
import { playgroundLogoPng } from './tiny-png';

const LOG_LEVELS = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'] as const;

/** The simple tools: each shows one kind of tool result a client must be able to display. */
export function registerPlaygroundTools(server: McpServer, operations: OperationLog): void {
  server.registerTool(
    'echo',
    { title: 'Echo', description: 'Returns the message it was given.', inputSchema: { message: z.string().describe('Text to send back') } },
    async ({ message }) => ({ content: [{ type: 'text', text: message }] }),
  );

  server.registerTool(
    'add',
    { title: 'Add', description: 'Adds two numbers.', inputSchema: { a: z.number(), b: z.number() } },
    async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }),
  );

  server.registerTool(
    'slow_operation',
    {
      title: 'Slow operation',
      description:
        'Works for steps × stepMs milliseconds, sending notifications/progress after each step when the request has a progressToken. Stops as soon as the request is cancelled; read playground://operations to see how it ended.',
      inputSchema: {
        steps: z.number().int().min(1).max(1000).default(5),
        stepMs: z.number().int().min(0).max(60_000).default(200),
      },
    },
    async ({ steps, stepMs }, extra) => {
      const progressToken = extra._meta?.progressToken;
      const operation = operations.begin('slow_operation', steps);
      for (let step = 1; step <= steps; step++) {
        try {
          await sleep(stepMs, extra.signal);
        } catch {
          operations.finish(operation, 'cancelled');
          throw new Error(`slow_operation cancelled after ${step - 1} of ${steps} steps`);
        }
        operations.progress(operation, step);
        if (progressToken !== undefined) {
          await extra.sendNotification({
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
      inputSchema: { message: z.string().optional() },
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
      inputSchema: { city: z.string().min(1) },
      outputSchema: {
        city: z.string(),
        temperatureC: z.number(),
        conditions: z.enum(['sunny', 'cloudy', 'rain', 'snow']),
        humidityPercent: z.number().int().min(0).max(100),
      },
    },
    async ({ city }) => {
      const structuredContent = madeUpWeather(city);
      return { content: [{ type: 'text', text: JSON.stringify(structuredContent) }], structuredContent };
    },
  );

  server.registerTool(
    'log',
    {
      title: 'Log',
      description: 'Sends one notifications/message log message per level given.',
      inputSchema: {
        message: z.string().default('hello from the playground'),
        levels: z.array(z.enum(LOG_LEVELS)).min(1).default(['info']),
      },
    },
    async ({ message, levels }, extra) => {
      for (const level of levels as LoggingLevel[]) {
        await extra.sendNotification({ method: 'notifications/message', params: { level, logger: 'playground', data: message } });
      }
      return { content: [{ type: 'text', text: `sent ${levels.length} log message(s): ${levels.join(', ')}` }] };
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
