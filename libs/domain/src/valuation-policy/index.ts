export * from './valuation-policy.commands';
export * from './valuation-policy.decider';
export * from './valuation-policy.events';
export * from './valuation-policy.state';
export * from './valuation-policy.valuation';
