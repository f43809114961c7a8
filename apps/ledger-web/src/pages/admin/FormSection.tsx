import { type ReactNode, useId } from 'react';

/** One command's form under its own heading (h2), which names the section for screen readers. */
export function FormSection({
  title,
  children,
}: {
  readonly title: string;
  readonly children: ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="form-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
