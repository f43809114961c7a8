export * from './access-events';
export * from './access-audit.projector';
export * from './access-audit.queries';
export * from './access-audit.views';
