export * from './conflict.commands';
export * from './conflict.decider';
export * from './conflict.events';
export * from './conflict.state';
export { CONFLICT_RULES, type ConflictRule } from './conflict.rules';
