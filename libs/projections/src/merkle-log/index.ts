export * from './merkle-log.schema';
export * from './merkle-log.projector';
export * from './merkle-log.queries';
export * from './merkle-log.views';
export * from './native-hasher';
export * from './sqlite-hash-store';
