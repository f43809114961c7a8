import { Field, type FieldProps } from './Field';

/**
 * A number field: any decimal (`step="any"`), and not below zero unless `signed`; the browser
 * submits only numbers, and the ledger's reasons land next to it as for any field.
 */
export function NumberField({
  signed = false,
  ...field
}: FieldProps & { readonly signed?: boolean }) {
  return <Field type="number" step="any" min={signed ? undefined : '0'} {...field} />;
}
