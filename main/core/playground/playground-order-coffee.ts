import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { acceptedContent, createRequestStateCodec, inputRequired, inputResponse, type McpServer, type ServerOptions } from '@modelcontextprotocol/server';
import { toolError } from './playground-client-request-tools';
import { requestClientCapabilities } from './request-client-capabilities';

const ORDER_SCHEMA = z.object({
  drink: z.enum(['espresso', 'latte', 'flat white']).describe('Drink'),
  size: z.enum(['small', 'medium', 'large']).describe('Size'),
});
const CONFIRM_SCHEMA = z.object({ confirm: z.boolean().describe('Place the order?') });
type Order = z.infer<typeof ORDER_SCHEMA>;

/** Where the flow is; earlier answers travel in requestState because inputResponses hold one round only. */
type OrderPhase = { step: 'awaiting-order' } | { step: 'awaiting-confirmation'; order: Order };

/**
 * requestState comes back from the client, so it is sealed (HMAC-SHA256, ten minutes) as the spec
 * requires for state that steers the server. One key per process suffices: every round of a flow
 * reaches this process, whatever the transport or era. Created lazily so merely importing the
 * playground costs nothing.
 */
let codec: ReturnType<typeof createRequestStateCodec<OrderPhase>> | undefined;
function phaseCodec() {
  codec ??= createRequestStateCodec<OrderPhase>({ key: randomBytes(32), ttlSeconds: 600 });
  return codec;
}

/** The ServerOptions.requestState hook that verifies and decodes order_coffee's state on every round. */
export function orderCoffeeRequestState(): NonNullable<ServerOptions['requestState']> {
  return { verify: (state, ctx) => phaseCodec().verify(state, ctx) };
}

/**
 * order_coffee: a flow of two input_required rounds (spec 2026-07-28, basic/patterns/mrtr). Round
 * one elicits the drink and size, round two asks for confirmation naming them; the handler
 * switches on the phase carried in requestState. The same code serves 2025-era sessions through
 * the SDK's legacy shim as two elicitation/create requests.
 */
export function registerOrderCoffee(server: McpServer): void {
  server.registerTool(
    'order_coffee',
    {
      title: 'Order a coffee (two input_required rounds)',
      description: 'Asks which drink and size (first round), then asks to confirm the order (second round), threading the first answer through requestState.',
    },
    async (ctx) => {
      if (!requestClientCapabilities(server, ctx)?.elicitation) {
        return toolError('This client does not support elicitation (it did not declare the "elicitation" capability), so order_coffee cannot ask anything.');
      }
      const phase = ctx.mcpReq.requestState<OrderPhase>();
      const codec = phaseCodec();
      if (phase === undefined) {
        return inputRequired({
          inputRequests: { order: inputRequired.elicit({ mode: 'form', message: 'What would you like?', requestedSchema: ORDER_SCHEMA }) },
          requestState: await codec.mint({ step: 'awaiting-order' }),
        });
      }
      if (phase.step === 'awaiting-order') {
        const order = acceptedContent(ctx.mcpReq.inputResponses, 'order', ORDER_SCHEMA);
        if (!order) return noOrder(inputResponse(ctx.mcpReq.inputResponses, 'order'));
        return inputRequired({
          inputRequests: {
            confirm: inputRequired.elicit({ mode: 'form', message: `Order a ${order.size} ${order.drink}?`, requestedSchema: CONFIRM_SCHEMA }),
          },
          requestState: await codec.mint({ step: 'awaiting-confirmation', order }),
        });
      }
      const confirmed = acceptedContent(ctx.mcpReq.inputResponses, 'confirm', CONFIRM_SCHEMA)?.confirm === true;
      const { drink, size } = phase.order;
      const text = confirmed ? `Ordered a ${size} ${drink}.` : `Order for a ${size} ${drink} cancelled.`;
      return { content: [{ type: 'text', text }], structuredContent: { ordered: confirmed, drink, size } };
    },
  );
}

function noOrder(answer: ReturnType<typeof inputResponse>) {
  const why = answer.kind === 'elicit' ? `the user chose to ${answer.action}` : 'the answer did not name a drink and a size';
  return { content: [{ type: 'text' as const, text: `No coffee ordered: ${why}.` }], structuredContent: { ordered: false } };
}
