export * from './indicator.commands';
export * from './indicator.decider';
export * from './indicator.events';
export * from './indicator.progress';
export * from './indicator.state';
export * from './indicator.values';
