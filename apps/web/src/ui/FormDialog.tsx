import { type FormEvent, type ReactNode, useState } from 'react';
import { capitalise, describeError } from '../app/util';
import { Dialog } from './Dialog';

interface FormDialogProps {
  title: string;
  onClose: () => void;
  /** Does the work; a thrown error is shown in the dialog in plain words and the form stays open. */
  onSubmit: () => Promise<void>;
  submitLabel: string;
  /** Shown on the submit button while onSubmit runs (default: the submit label). */
  busyLabel?: string;
  /** False disables the submit button (e.g. a required field is empty). */
  canSubmit: boolean;
  children: ReactNode;
}

/** A modal form with an error line, the fields, then Cancel and a submit button that is busy while it works. */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  submitLabel,
  busyLabel,
  canSubmit,
  children,
}: FormDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSubmit) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit();
    } catch (caught) {
      setError(capitalise(describeError(caught)));
      setBusy(false);
    }
  };

  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={submit}>
        {error ? (
          <div className="alert" role="alert">
            {error}
          </div>
        ) : null}
        {children}
        <div className="actions">
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={busy || !canSubmit}>
            {busy ? (busyLabel ?? submitLabel) : submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
