/** A text field of a submitted form ('' when absent; a file input is never text). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** A trimmed text field, or nothing when it was left empty (so the body leaves it out). */
export function optionalText(form: FormData, name: string): string | undefined {
  const value = formText(form, name).trim();
  return value === '' ? undefined : value;
}

/**
 * A number field (an `<input type="number">`, which submits only numbers), or nothing when left
 * empty: the ledger then says the number is missing, next to the field.
 */
export function optionalNumber(form: FormData, name: string): number | undefined {
  const text = optionalText(form, name);
  return text === undefined ? undefined : Number(text);
}
