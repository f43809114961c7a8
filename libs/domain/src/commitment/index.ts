export * from './commitment.commands';
export * from './commitment.decider';
export * from './commitment.events';
export * from './commitment.state';
export * from './fulfilment-claim.rules';
export { COMMITMENT_RULES, type CommitmentRule } from './commitment.rules';
