import { isCalendarDate } from '../calendar';
import { isCurrencyCode, isUnitConsistentWithKind } from '../contribution';
import type { Decider } from '../decider';
import { AggregateNotFound, RuleViolation } from '../domain-errors';
import type { ValuationPolicyCommand } from './valuation-policy.commands';
import type { ValuationPolicyEvent } from './valuation-policy.events';
import {
  entryInForce,
  initialValuationPolicyState,
  type PolicyEntry,
  type ValuationPolicyState,
} from './valuation-policy.state';

export const VALUATION_POLICY_RULES = [
  'valuation-policy-already-defined',
  'valuation-policy-currency-invalid',
  'valuation-policy-currency-mismatch',
  'valuation-policy-face-value-currency',
  'valuation-policy-unit-inconsistent-with-kind',
  'valuation-policy-rate-not-positive',
  'valuation-policy-date-invalid',
  'valuation-policy-source-missing',
  'valuation-policy-version-exists',
  'valuation-policy-rate-unknown',
  'valuation-policy-rate-not-in-force',
] as const;
export type ValuationPolicyRule = (typeof VALUATION_POLICY_RULES)[number];

const violation = (rule: ValuationPolicyRule, message: string) => new RuleViolation(rule, message);

type CommandOf<T extends ValuationPolicyCommand['type']> = Extract<
  ValuationPolicyCommand,
  { type: T }
>;

export function decideValuationPolicy(
  command: ValuationPolicyCommand,
  state: ValuationPolicyState,
): ValuationPolicyEvent[] {
  if (command.type === 'DefineValuationPolicy') {
    if (state.status !== 'none') {
      throw violation(
        'valuation-policy-already-defined',
        `Valuation policy ${command.data.policyId} already exists`,
      );
    }
    if (!isCurrencyCode(command.data.currency)) {
      throw violation(
        'valuation-policy-currency-invalid',
        `${command.data.currency} is not an ISO 4217 currency code`,
      );
    }
    return [{ type: 'ValuationPolicyDefined', data: command.data }];
  }
  const currency = state.currency;
  if (state.status === 'none' || currency === undefined) {
    throw new AggregateNotFound('ValuationPolicy', command.data.policyId);
  }
  switch (command.type) {
    case 'SetValuationRate':
      return decideSetRate(command, state, currency);
    case 'RetireValuationRate':
      return decideRetireRate(command, state);
  }
}

function decideSetRate(
  command: CommandOf<'SetValuationRate'>,
  state: ValuationPolicyState,
  policyCurrency: string,
): ValuationPolicyEvent[] {
  const { kind, unit, rate, currency, source } = command.data;
  assertPair(state, command.data);
  // One currency per policy, so that values can be added up.
  if (currency !== policyCurrency) {
    throw violation(
      'valuation-policy-currency-mismatch',
      `The policy values in ${policyCurrency}, not ${currency}`,
    );
  }
  if (kind === 'money' && unit === policyCurrency) {
    throw violation(
      'valuation-policy-face-value-currency',
      `Money in ${policyCurrency} is worth its face value and takes no rate`,
    );
  }
  if (!(Number.isFinite(rate) && rate > 0)) {
    throw violation('valuation-policy-rate-not-positive', `Rate ${rate} is not positive`);
  }
  if (source.trim() === '') {
    throw violation('valuation-policy-source-missing', 'A rate must cite its source');
  }
  return [{ type: 'ValuationRateSet', data: { ...command.data, version: nextVersion(state) } }];
}

function decideRetireRate(
  command: CommandOf<'RetireValuationRate'>,
  state: ValuationPolicyState,
): ValuationPolicyEvent[] {
  const { kind, unit, effectiveFrom } = command.data;
  assertPair(state, command.data);
  if (!state.entries.some((entry) => entry.kind === kind && entry.unit === unit)) {
    throw violation('valuation-policy-rate-unknown', `No rate was ever set for ${kind} in ${unit}`);
  }
  if (entryInForce(state, kind, unit, effectiveFrom)?.entry !== 'rate') {
    throw violation(
      'valuation-policy-rate-not-in-force',
      `No rate for ${kind} in ${unit} is in force on ${effectiveFrom}`,
    );
  }
  return [{ type: 'ValuationRateRetired', data: { ...command.data, version: nextVersion(state) } }];
}

/** Checks shared by setting and retiring: a well-formed (kind, unit) and a new effective date. */
function assertPair(
  state: ValuationPolicyState,
  { kind, unit, effectiveFrom }: Pick<PolicyEntry, 'kind' | 'unit' | 'effectiveFrom'>,
): void {
  if (!isUnitConsistentWithKind(kind, unit)) {
    throw violation(
      'valuation-policy-unit-inconsistent-with-kind',
      `A ${kind} contribution is not counted in "${unit}"`,
    );
  }
  if (!isCalendarDate(effectiveFrom)) {
    throw violation('valuation-policy-date-invalid', `${effectiveFrom} is not a YYYY-MM-DD date`);
  }
  // Any date is allowed (a rate may be back-dated), but two entries on one day would be ambiguous.
  const clash = state.entries.find(
    (entry) => entry.kind === kind && entry.unit === unit && entry.effectiveFrom === effectiveFrom,
  );
  if (clash) {
    throw violation(
      'valuation-policy-version-exists',
      `Version ${clash.version} already covers ${kind} in ${unit} from ${effectiveFrom}`,
    );
  }
}

const nextVersion = (state: ValuationPolicyState): number => state.entries.length + 1;

export function evolveValuationPolicy(
  state: ValuationPolicyState,
  event: ValuationPolicyEvent,
): ValuationPolicyState {
  switch (event.type) {
    case 'ValuationPolicyDefined': {
      const { policyId, name, currency } = event.data;
      return { ...state, status: 'defined', policyId, name, currency };
    }
    case 'ValuationRateSet': {
      const { policyId: _policyId, ...rate } = event.data;
      return { ...state, entries: [...state.entries, { entry: 'rate', ...rate }] };
    }
    case 'ValuationRateRetired': {
      const { policyId: _policyId, ...retirement } = event.data;
      return { ...state, entries: [...state.entries, { entry: 'retirement', ...retirement }] };
    }
  }
}

export const valuationPolicyDecider: Decider<
  ValuationPolicyCommand,
  ValuationPolicyEvent,
  ValuationPolicyState
> = {
  initialState: initialValuationPolicyState,
  evolve: evolveValuationPolicy,
  decide: decideValuationPolicy,
};
