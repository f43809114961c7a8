export * from './append-rules';
export * from './errors';
export * from './event-ids';
export * from './event-store.port';
export * from './hashing/event-hash';
export * from './recorded-event';
export * from './sqlite/sqlite-event-store';
export { rowChecksum, storedTextOf } from './sqlite/sqlite-row-checksum';
export * from './eventstoredb/eventstoredb-event-store';
