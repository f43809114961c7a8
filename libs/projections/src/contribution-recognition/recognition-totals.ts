import type { ContributionKind } from '@cohesion/domain';
import { roundedRatio } from '../projection-kit';
import type {
  ContributionValueView,
  KindUnitTotalView,
  RecognitionTotalsView,
} from './contribution-recognition.views';

interface Group {
  kind: ContributionKind;
  unit: string;
  contributions: number;
  quantity: number;
  valueCents: number;
  unvalued: number;
}

/** Adds contributions up by kind and unit: raw quantities, and values when a policy values them. */
export class RecognitionTotals {
  private readonly groups = new Map<string, Group>();

  /** `valued` says whether a policy was applied, so that a missing value reads null, not 0. */
  constructor(private readonly valued: boolean) {}

  add(
    contribution: { kind: ContributionKind; unit: string; quantity: number },
    value: Pick<ContributionValueView, 'amountCents'> | null,
  ): void {
    this.addGroup({
      kind: contribution.kind,
      unit: contribution.unit,
      contributions: 1,
      quantity: contribution.quantity,
      valueCents: value?.amountCents ?? 0,
      unvalued: value ? 0 : 1,
    });
  }

  merge(totals: RecognitionTotalsView): void {
    for (const group of totals.byKindAndUnit)
      this.addGroup({ ...group, valueCents: group.valueCents ?? 0 });
  }

  get valueCents(): number | null {
    if (!this.valued) return null;
    let cents = 0;
    for (const group of this.groups.values()) cents += group.valueCents;
    return cents;
  }

  view(): RecognitionTotalsView {
    const byKindAndUnit: KindUnitTotalView[] = [...this.groups.values()]
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.unit.localeCompare(b.unit))
      .map((group) => ({
        ...group,
        // Sums of decimals drift (0.1 + 0.2): quantities are facts to six decimals at most.
        quantity: Math.round(group.quantity * 1e6) / 1e6,
        valueCents: this.valued ? group.valueCents : null,
      }));
    return {
      contributions: byKindAndUnit.reduce((n, group) => n + group.contributions, 0),
      valueCents: this.valueCents,
      unvalued: byKindAndUnit.reduce((n, group) => n + group.unvalued, 0),
      byKindAndUnit,
    };
  }

  private addGroup(added: Group): void {
    const key = `${added.kind}\u0000${added.unit}`;
    const group = this.groups.get(key);
    if (!group) {
      this.groups.set(key, { ...added });
      return;
    }
    group.contributions += added.contributions;
    group.quantity += added.quantity;
    group.valueCents += added.valueCents;
    group.unvalued += added.unvalued;
  }
}

/** part ÷ whole to four decimals; null when there is no whole to share. */
export function shareOf(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return roundedRatio(part / whole);
}
