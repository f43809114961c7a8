/**
 * Why a sign-in was refused. One reason for every wrong credential (unknown e-mail, wrong
 * password, a person not active, no password set): telling them apart would tell who exists.
 */
export type SignInRefusalReason = 'wrong-credentials' | 'throttled' | 'not-in-directory';

export class SignInRefusal extends Error {
  override readonly name = 'SignInRefusal';

  constructor(
    readonly reason: SignInRefusalReason,
    message: string,
    /** Seconds to wait before trying again (throttled only). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const WRONG_CREDENTIALS = 'Wrong e-mail or password';

export const wrongCredentials = () => new SignInRefusal('wrong-credentials', WRONG_CREDENTIALS);
