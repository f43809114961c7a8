export * from './feedback.commands';
export * from './feedback.decider';
export * from './feedback.events';
export * from './feedback.state';
