import type { WebContents } from 'electron';
import { EVENT_CHANNEL, type MainEvent } from '../../shared/ipc/contract';
import { EventBatcher } from '../core/service/event-batcher';

/**
 * Sends the core's events to one window, batched: at most one message per frame carrying an
 * array of events, never one message per trace entry. Returns the function that stops it.
 */
export function forwardEvents(onEvent: (listener: (event: MainEvent) => void) => () => void, contents: WebContents): () => void {
  const batcher = new EventBatcher({
    send: (events) => {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, events);
    },
  });
  const stop = onEvent((event) => batcher.event(event));
  const dispose = () => {
    stop();
    batcher.dispose();
  };
  contents.once('destroyed', dispose);
  return dispose;
}
