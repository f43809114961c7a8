import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';

/**
 * The browser's WebAuthn calls, through @simplewebauthn/browser (the major of the server's
 * @simplewebauthn/server), loaded only when a person uses a passkey. The ledger answers the
 * options as @simplewebauthn/server makes them; its OpenAPI document names only their challenge.
 *
 * The credential goes back to the ledger as the JSON the library answers; the generated client
 * types that body as an opaque object, hence the casts below.
 */
type OpaqueCredential = Record<string, never>;

/** The person cancelled, or the browser has no passkey for this site: undefined. */
export async function signInPasskeyCredential(options: {
  readonly challenge: string;
}): Promise<OpaqueCredential | undefined> {
  const { startAuthentication } = await import('@simplewebauthn/browser');
  const answer: AuthenticationResponseJSON | undefined = await startAuthentication({
    optionsJSON: options as PublicKeyCredentialRequestOptionsJSON,
  }).catch(() => undefined);
  return answer as unknown as OpaqueCredential | undefined;
}

/** A new passkey for the signed-in person; undefined when the person cancelled. */
export async function newPasskeyCredential(options: {
  readonly challenge: string;
}): Promise<OpaqueCredential | undefined> {
  const { startRegistration } = await import('@simplewebauthn/browser');
  const answer: RegistrationResponseJSON | undefined = await startRegistration({
    optionsJSON: options as PublicKeyCredentialCreationOptionsJSON,
  }).catch(() => undefined);
  return answer as unknown as OpaqueCredential | undefined;
}
