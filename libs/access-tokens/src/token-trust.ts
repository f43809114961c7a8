/** Whose tokens the ledger accepts: the `iss` and `aud` every token must carry (from settings). */
export interface TokenTrust {
  readonly issuer: string;
  readonly audience: string;
}
