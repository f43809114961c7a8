/**
 * What specs of the read models build on: given events → rows. Test code only: production code
 * never imports this entry point (a lint rule says so).
 */
export * from './given-events';
export * from './impact.fixtures';
export * from './projector-specification';
