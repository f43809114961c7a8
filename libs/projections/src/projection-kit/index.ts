export * from './partner-roster';
export * from './ratio';
export * from './act-dates';
