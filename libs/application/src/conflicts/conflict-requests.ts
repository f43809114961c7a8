import type { Command, ConflictCommand, ProposeMediator, RaiseConflict } from '@cohesion/domain';

export type ProposeResolution = Extract<ConflictCommand, { type: 'ProposeResolution' }>;

/**
 * A resolution proposal as the controller knows it: whether the mediator or a party proposes
 * depends on who mediates the conflict, which the handler reads. `proposedBy` is only the party
 * the body names, if any.
 */
export type ProposeResolutionRequest = Command<
  'ProposeResolution',
  Omit<ProposeResolution['data'], 'proposedBy'> & { proposedBy?: string }
>;

/** A conflict command as the controller can build it: the handler completes it with facts. */
export type ConflictRequest =
  | Exclude<ConflictCommand, RaiseConflict | ProposeMediator | ProposeResolution>
  | Omit<RaiseConflict, 'partnership'>
  | Omit<ProposeMediator, 'mediator'>
  | ProposeResolutionRequest;
