import { Injectable } from '@nestjs/common';
import { type AccessAttempt, AccessRecorder } from '../access-audit/access-recorder';
import type { Principal } from '../access/principal';

/**
 * What the access audit says of people and sign-in: sign-ins and their failures, sign-outs,
 * invitations, role changes, suspensions, removals and revocations. Each is an access event of
 * the day's access stream; its reason starts with one of these words, so that auditors can find
 * every one of a kind.
 */
export type IdentityAct =
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-out'
  | 'sign-out-everywhere'
  | 'invitation'
  | 'invitation-accepted'
  | 'roles-changed'
  | 'suspension'
  | 'reinstatement'
  | 'removal'
  | 'password-reset-issued'
  | 'password-reset'
  | 'token-issued'
  | 'token-revoked'
  | 'passkey-added'
  | 'passkey-removed';

const REFUSALS: ReadonlySet<IdentityAct> = new Set(['sign-in-failed']);

@Injectable()
export class IdentityAudit {
  constructor(private readonly recorder: AccessRecorder) {}

  /**
   * Records the act. `attempt.principal` is who acted (undefined for a failed sign-in); the
   * detail names people by id only, never by name or e-mail.
   */
  record(attempt: AccessAttempt, act: IdentityAct, status: number, detail: string): Promise<void> {
    return this.recorder.record(attempt, {
      type: REFUSALS.has(act) ? 'AccessDenied' : 'AccessGranted',
      status,
      reason: `${act}: ${detail}`,
      conflictId: null,
    });
  }
}

/** The attempt as it stands once a person is known: the same request, acting as them. */
export function actingAs(attempt: AccessAttempt, principal: Principal): AccessAttempt {
  return { ...attempt, principal };
}
