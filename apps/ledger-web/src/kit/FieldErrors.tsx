/** A field's errors, as a list that the field names in its aria-describedby (`id`). */
export function FieldErrors({
  id,
  errors,
}: {
  readonly id: string;
  readonly errors: readonly string[];
}) {
  if (errors.length === 0) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}
