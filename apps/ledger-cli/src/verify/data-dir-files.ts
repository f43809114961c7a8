/**
 * The files of the data directory `verify` reads. Named here rather than imported from the API's
 * Nest modules, which would load every adapter and read model into each CLI start (the spec
 * beside this file keeps both in step).
 */
export const EVENTS_FILE = 'events.sqlite';
export const READ_MODELS_FILE = 'read-models.sqlite';
