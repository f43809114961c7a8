import type { Command, Decider, DomainEvent } from '../decider';
import { DomainError } from '../domain-errors';

/**
 * given events / when command / then events (or then a rule violation), in the style of
 * Emmett's DeciderSpecification:
 *
 *   spec.given([founded]).when(joinPartner).then([partnerJoined]);
 *   spec.given([]).when(joinPartner).thenThrows('partnership-not-found');
 */
export function deciderSpecification<C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
) {
  return {
    given(events: readonly E[]) {
      return {
        when(command: C) {
          const decide = () => {
            let state = decider.initialState();
            for (const event of events) state = decider.evolve(state, event);
            return decider.decide(command, state);
          };
          return {
            then(expected: readonly E[]): void {
              expect(decide()).toEqual(expected);
            },
            /** Asserts the command is refused with a domain error of this code (the rule's slug). */
            thenThrows(code: string): void {
              let thrown: unknown;
              try {
                decide();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(DomainError);
              expect((thrown as DomainError).code).toBe(code);
            },
          };
        },
      };
    },
  };
}

/** Typed builders for specs: `command('JoinPartner', data)` checks `data` against that command. */
export function commandsOf<C extends Command>(metadata: C['metadata']) {
  return <T extends C['type']>(type: T, data: Extract<C, { type: T }>['data']) =>
    ({ type, data, metadata }) as unknown as Extract<C, { type: T }>;
}

export function eventsOf<E extends DomainEvent>() {
  return <T extends E['type']>(type: T, data: Extract<E, { type: T }>['data']) =>
    ({ type, data }) as unknown as Extract<E, { type: T }>;
}
