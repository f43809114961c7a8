export * from './commitment.commands';
export * from './commitment.decider';
export * from './commitment.events';
export type { CommitmentRule } from './commitment.rules';
export * from './commitment.state';
