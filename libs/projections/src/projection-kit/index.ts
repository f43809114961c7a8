export * from './partner-roster';
