/**
 * Personal data in an immutable log (crypto-shredding): personal fields are sealed with their
 * data subject's own key, kept in a key store apart from the log; destroying the key erases every
 * copy of the fields while hashes and proofs, which cover the sealed form, stay valid.
 */
export * from './personal-data-errors';
export * from './sealed-value';
export * from './erased-marker';
export * from './key-store';
export * from './sqlite-key-store';
export * from './master-key';
export * from './personal-data-opener';
