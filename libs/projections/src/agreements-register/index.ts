export * from './agreements-register.projector';
export * from './agreements-register.queries';
