export * from './roles';
export * from './token-trust';
export * from './access-token-error';
export * from './access-token-claims';
export * from './ttl';
export * from './signing-key';
export * from './issue-access-token';
export * from './access-token-verifier';
