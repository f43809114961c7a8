/**
 * What specs of the deciders build on: given events, when a command, then events (or an error).
 * Test code only (it uses jest's `expect`): production code never imports this entry point.
 */
export * from './decider-specification';
