export * from './impact.projector';
export * from './impact.queries';
export * from './impact-feedback.queries';
export * from './impact.views';
