import { useErrorText } from './errors';

/** A failure shown to the person in their language (see useErrorText), announced at once. */
export function Problem({ error }: { error: unknown }) {
  const errorText = useErrorText();
  return (
    <p role="alert" className="problem">
      {errorText(error)}
    </p>
  );
}
