export * from './partnership.commands';
export * from './partnership.decider';
export * from './partnership.events';
export * from './partnership.state';
