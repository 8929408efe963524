/**
 * The JSON text of the message being recorded, handed from the traced transport (which
 * serializes every message once, to measure it) to the session file (which would serialize it
 * again for its line). One slot, filled just before the bus emits the message's entry and
 * emptied right after: the session recording takes it while the entry is delivered, so no text
 * outlives its entry's emit. The text is only ever given for the very same object: a message the
 * redactor rewrote (a secret masked) is a new object and gets no text, so an unmasked text can
 * never reach the file.
 */
let offeredMessage: object | undefined;
let offeredJson: string | undefined;

/**
 * Runs `emit` with `json` (the JSON.stringify text of `message`) on offer, and empties the slot
 * after it, whether or not anyone took the text. `message` undefined: nothing is offered.
 */
export function whileOffering<T>(message: unknown, json: string, emit: () => T): T {
  if (typeof message === 'object' && message !== null) {
    offeredMessage = message;
    offeredJson = json;
  }
  try {
    return emit();
  } finally {
    withdraw();
  }
}

/** The offered text when `message` is the very object it was made from (then the slot is emptied); else undefined. */
export function takeMessageJson(message: unknown): string | undefined {
  if (offeredMessage === undefined || message !== offeredMessage) return undefined;
  const json = offeredJson;
  withdraw();
  return json;
}

function withdraw(): void {
  offeredMessage = undefined;
  offeredJson = undefined;
}
