/**
 * `invited` until the person first signs in; `suspended` may be lifted, `removed` is final.
 * Only `active` people may act: every other status loses access at once.
 */
export type PersonStatus = 'none' | 'invited' | 'active' | 'suspended' | 'removed';

/** The rules' view of a person: no name, no e-mail (those stay in the invitation event). */
export interface PersonState {
  readonly status: PersonStatus;
  readonly personId?: string;
  readonly partnerId: string | null;
  readonly roles: readonly string[];
  /** Whether the invitation was accepted: a reinstated person goes back to where they were. */
  readonly accepted: boolean;
  /** Personal tokens by id: true while usable, false once revoked. */
  readonly tokens: Readonly<Record<string, boolean>>;
}

export const initialPersonState = (): PersonState => ({
  status: 'none',
  partnerId: null,
  roles: [],
  accepted: false,
  tokens: {},
});

/** Roles that act for a partner, so that a person holding one must name it. */
export const PARTNER_ROLES: readonly string[] = ['partner', 'partner_admin'];
