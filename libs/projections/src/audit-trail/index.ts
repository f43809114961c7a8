export * from './audit-trail.projector';
export * from './audit-trail.queries';
export * from './audit-trail.views';
