export * from './partner-roster';
export * from './ratio';
