export * from './people-directory.projector';
export * from './people-directory.queries';
export * from './people-directory.views';
