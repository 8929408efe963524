/** Every tool the playground offers, sorted: one list for every test that checks the whole set. */
export const PLAYGROUND_TOOL_NAMES = ['add', 'ask_model', 'ask_user', 'bump_counter', 'echo', 'fail', 'find_docs', 'image', 'log', 'order_coffee', 'sign_in', 'slow_operation', 'weather'];
