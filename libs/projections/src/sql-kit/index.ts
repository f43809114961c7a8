export * from './cached-statement';
export * from './domain-event';
export * from './event-handlers';
export * from './json-column';
export * from './keyset-list';
export * from './folded-text';
export * from './personal-column';
