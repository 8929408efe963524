/** The single IPC channel events from main travel on, as one array of MainEvent per frame. */
export const EVENT_CHANNEL = 'periscope:event';
