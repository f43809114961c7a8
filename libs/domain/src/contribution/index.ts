export * from './contribution.commands';
export * from './contribution.decider';
export * from './contribution.events';
export * from './contribution.fulfilment';
export * from './contribution.state';
export * from './contribution.units';
