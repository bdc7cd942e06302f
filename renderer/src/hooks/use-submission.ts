import { useState } from 'react';

export interface Submission {
  pending: boolean;
  /** The last failure, kept until the next attempt or until the user dismisses it. */
  error: unknown;
  run: (action: () => Promise<void>) => Promise<void>;
  dismissError: () => void;
}

/** One form's submit state: busy while the action runs, its error shown instead of thrown. */
export function useSubmission(): Submission {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  return { pending, error, run, dismissError: () => setError(null) };
}
