import { useLedgerClient } from '../../../api/LedgerClientProvider';
import { PARTNER_KIND } from '../../../i18n/labels';
import { useT } from '../../../i18n/use-t';
import { Field } from '../../../kit/Field';
import { SelectField } from '../../../kit/SelectField';
import { TextAreaField } from '../../../kit/TextAreaField';
import { ACT_FIELDS, ActFields, actOf } from '../../../kit/command/ActFields';
import { CommandForm } from '../../../kit/command/CommandForm';
import { idFromName, textLines } from '../../../kit/form-lines';
import { formText, optionalText } from '../../../kit/form-text';
import type { PartnerKind } from '../../../api/types';
import { FormSection } from '../../admin/FormSection';
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
          const name = formText(form, 'name').trim();
          return client.POST('/partnerships/{partnershipId}/partners', {
            ...init,
            params: { path: { partnershipId } },
            body: {
              partnerId: optionalText(form, 'partnerId') ?? idFromName(name),
              name,
              // Whatever was picked (none: ''), for the ledger to refuse next to the field.
              kind: formText(form, 'kind') as PartnerKind,
              role: formText(form, 'role').trim(),
              responsibilities: textLines(form, 'responsibilities'),
              ...actOf(form),
            },
          });
        }}
      >
        {(errorsOf) => (
          <>
            <Field
              name="name"
              label={t('manage.partnerName')}
              required
              maxLength={200}
              autoComplete="off"
              errors={errorsOf('name')}
            />
            <Field
              name="partnerId"
              label={t('manage.partnerId')}
              hint={t('manage.partnerIdHint')}
              autoComplete="off"
              errors={errorsOf('partnerId')}
            />
            <SelectField
              name="kind"
              label={t('partner.kind')}
              placeholder={t('form.choose')}
              required
              choices={KINDS.map((kind) => ({ value: kind, label: t(PARTNER_KIND[kind]) }))}
              errors={errorsOf('kind')}
            />
            <Field
              name="role"
              label={t('partner.role')}
              hint={t('manage.roleHint')}
              required
              maxLength={200}
              autoComplete="off"
              errors={errorsOf('role')}
            />
            <TextAreaField
              name="responsibilities"
              rows={3}
              label={t('partner.responsibilities')}
              hint={t('form.onePerLine')}
              required
              errors={errorsOf('responsibilities')}
            />
            <ActFields errorsOf={errorsOf} />
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
            body: {
              role: formText(form, 'role').trim(),
              responsibilities: textLines(form, 'responsibilities'),
              ...actOf(form),
            },
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
            <Field
              name="role"
              label={t('manage.newRole')}
              required
              maxLength={200}
              autoComplete="off"
              errors={errorsOf('role')}
            />
            <TextAreaField
              name="responsibilities"
              rows={3}
              label={t('manage.newResponsibilities')}
              hint={t('form.onePerLine')}
              required
              errors={errorsOf('responsibilities')}
            />
            <ActFields errorsOf={errorsOf} />
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
            body: { reason: formText(form, 'reason').trim(), ...actOf(form) },
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
            <TextAreaField
              name="reason"
              rows={2}
              label={t('manage.departureReason')}
              required
              errors={errorsOf('reason')}
            />
            <ActFields errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </FormSection>
  );
}
