export * from './partnership-overview.projector';
export * from './partnership-overview.queries';
export * from './partnership-overview.views';
