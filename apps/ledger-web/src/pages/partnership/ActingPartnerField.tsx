import { useSignedIn } from '../../auth/SessionProvider';
import type { PartnershipOverview } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { SelectField } from '../../kit/SelectField';
import type { ErrorsOf } from '../../kit/command/CommandForm';
import { optionalText } from '../../kit/form-text';
import { partnerChoices } from './partnership-choices';

/**
 * Who acts: a partner's people always act for their own partner (the ledger takes it from the
 * session), so the field appears only for someone without a partner, an administrator entering a
 * partner's paper record.
 */
export function ActingPartnerField({
  overview,
  errorsOf,
  label,
}: {
  readonly overview: PartnershipOverview;
  readonly errorsOf: ErrorsOf;
  readonly label?: string;
}) {
  const t = useT();
  const session = useSignedIn();
  if (session.partnerId) return null;
  return (
    <SelectField
      name="partnerId"
      label={label ?? t('act.actingPartner')}
      hint={t('act.actingPartnerHint')}
      choices={partnerChoices(overview)}
      placeholder=""
      errors={errorsOf('partnerId')}
    />
  );
}

/** The acting partner, when the form asked for one. */
export function actingPartnerOf(form: FormData): { partnerId?: string } {
  const partnerId = optionalText(form, 'partnerId');
  return partnerId ? { partnerId } : {};
}
