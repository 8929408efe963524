/**
 * The longest timer Node and browsers can set: 2^31 − 1 ms, about 24.8 days. A longer one is not
 * refused by setTimeout but fires after 1 ms, so a timeout above it would fail every request at
 * once while saying it waited the whole time.
 */
export const MAX_TIMEOUT_MS = 2_147_483_647;

/** What to say about a timeout over the limit; completes "… ms is too long:" style sentences. */
export const TIMEOUT_LIMIT_TEXT = `at most ${MAX_TIMEOUT_MS} ms (about 24.8 days), the longest timer the runtime can set`;
