import { useLedgerClient } from '../../../api/LedgerClientProvider';
import { PARTNER_KIND } from '../../../i18n/labels';
import { useT } from '../../../i18n/use-t';
import { Field } from '../../../kit/Field';
import { SelectField } from '../../../kit/SelectField';
import { TextAreaField } from '../../../kit/TextAreaField';
import { ACT_FIELDS, ActFields, actOf } from '../../../kit/command/ActFields';
import { CommandForm, type ErrorsOf } from '../../../kit/command/CommandForm';
import { textLines } from '../../../kit/form-lines';
import { formText } from '../../../kit/form-text';
import type { PartnerKind } from '../../../api/types';
import { FormSection } from '../../admin/FormSection';
import { NameAndIdFields, ReasonFields, nameAndIdOf, reasonOf } from '../../admin/shared-fields';
import { usePartnership, useReloadPartnership } from '../PartnershipLayout';
import { partnerChoices } from '../partnership-choices';

const KINDS = Object.keys(PARTNER_KIND) as PartnerKind[];

/** Admits a partner: its name, kind, role and responsibilities; its id made from its name. */
export function AdmitPartner() {
  const t = useT();
  const client = useLedgerClient();
  const { partnershipId } = usePartnership();
  const reload = useReloadPartnership();
  return (
    <FormSection title={t('manage.admit')}>
      <CommandForm
        fields={['partnerId', 'name', 'kind', 'role', 'responsibilities', ...ACT_FIELDS]}
        submitLabel={t('manage.admitSubmit')}
        recordedText={t('manage.admitted')}
        onRecorded={reload}
        send={(form, init) => {
          const { name, id } = nameAndIdOf(form, 'partnerId');
          return client.POST('/partnerships/{partnershipId}/partners', {
            ...init,
            params: { path: { partnershipId } },
            body: {
              partnerId: id,
              name,
              // Whatever was picked (none: ''), for the ledger to refuse next to the field.
              kind: formText(form, 'kind') as PartnerKind,
              ...roleOf(form),
            },
          });
        }}
      >
        {(errorsOf) => (
          <>
            <NameAndIdFields
              idField="partnerId"
              nameLabel={t('manage.partnerName')}
              idLabel={t('manage.partnerId')}
              idHint={t('manage.partnerIdHint')}
              errorsOf={errorsOf}
            />
            <SelectField
              name="kind"
              label={t('partner.kind')}
              placeholder={t('form.choose')}
              required
              choices={KINDS.map((kind) => ({ value: kind, label: t(PARTNER_KIND[kind]) }))}
              errors={errorsOf('kind')}
            />
            <RoleFields
              roleLabel={t('partner.role')}
              roleHint={t('manage.roleHint')}
              responsibilitiesLabel={t('partner.responsibilities')}
              errorsOf={errorsOf}
            />
          </>
        )}
      </CommandForm>
    </FormSection>
  );
}

/** Gives a current partner a new role and responsibilities. */
export function ChangePartnerRole() {
  const t = useT();
  const client = useLedgerClient();
  const overview = usePartnership();
  const reload = useReloadPartnership();
  return (
    <FormSection title={t('manage.changeRole')}>
      <CommandForm
        fields={['partnerId', 'role', 'responsibilities', ...ACT_FIELDS]}
        submitLabel={t('manage.changeRoleSubmit')}
        onRecorded={reload}
        send={(form, init) =>
          client.PUT('/partnerships/{partnershipId}/partners/{partnerId}/role', {
            ...init,
            params: {
              path: {
                partnershipId: overview.partnershipId,
                partnerId: formText(form, 'partnerId'),
              },
            },
            body: roleOf(form),
          })
        }
      >
        {(errorsOf) => (
          <>
            <SelectField
              name="partnerId"
              label={t('partner.name')}
              placeholder={t('form.choose')}
              required
              choices={partnerChoices(overview)}
              errors={errorsOf('partnerId')}
            />
            <RoleFields
              roleLabel={t('manage.newRole')}
              responsibilitiesLabel={t('manage.newResponsibilities')}
              errorsOf={errorsOf}
            />
          </>
        )}
      </CommandForm>
    </FormSection>
  );
}

/** Records that a partner left, and why. */
export function PartnerDeparture() {
  const t = useT();
  const client = useLedgerClient();
  const overview = usePartnership();
  const reload = useReloadPartnership();
  return (
    <FormSection title={t('manage.departure')}>
      <CommandForm
        fields={['partnerId', 'reason', ...ACT_FIELDS]}
        submitLabel={t('manage.departureSubmit')}
        onRecorded={reload}
        send={(form, init) =>
          client.POST('/partnerships/{partnershipId}/partners/{partnerId}/departure', {
            ...init,
            params: {
              path: {
                partnershipId: overview.partnershipId,
                partnerId: formText(form, 'partnerId'),
              },
            },
            body: reasonOf(form),
          })
        }
      >
        {(errorsOf) => (
          <>
            <SelectField
              name="partnerId"
              label={t('manage.leavingPartner')}
              placeholder={t('form.choose')}
              required
              choices={partnerChoices(overview)}
              errors={errorsOf('partnerId')}
            />
            <ReasonFields label={t('manage.departureReason')} errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </FormSection>
  );
}

/** A partner's role and responsibilities (one a line), and "it happened earlier". */
function RoleFields({
  roleLabel,
  roleHint,
  responsibilitiesLabel,
  errorsOf,
}: {
  readonly roleLabel: string;
  readonly roleHint?: string;
  readonly responsibilitiesLabel: string;
  readonly errorsOf: ErrorsOf;
}) {
  const t = useT();
  return (
    <>
      <Field
        name="role"
        label={roleLabel}
        hint={roleHint}
        required
        maxLength={200}
        autoComplete="off"
        errors={errorsOf('role')}
      />
      <TextAreaField
        name="responsibilities"
        rows={3}
        label={responsibilitiesLabel}
        hint={t('form.onePerLine')}
        required
        errors={errorsOf('responsibilities')}
      />
      <ActFields errorsOf={errorsOf} />
    </>
  );
}

/** The role, responsibilities and the act's dates, from a submitted form. */
const roleOf = (form: FormData) => ({
  role: formText(form, 'role').trim(),
  responsibilities: textLines(form, 'responsibilities'),
  ...actOf(form),
});
