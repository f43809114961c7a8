export * from './stream-index.projector';
export * from './stream-index.queries';
