export * from './agreement.commands';
export * from './agreement.decider';
export * from './agreement.events';
export * from './agreement.state';
export * from './terms-hash';
