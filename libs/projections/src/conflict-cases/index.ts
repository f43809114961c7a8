export * from './conflict-case-state';
export * from './conflict-cases.projector';
export * from './conflict-cases.queries';
export * from './conflict-case-timeline.queries';
