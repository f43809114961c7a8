export * from './erasures.projector';
export * from './erasures.queries';
export * from './erasures.views';
