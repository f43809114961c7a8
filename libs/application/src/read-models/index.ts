export * from './moment';
export * from './read-models-at';
