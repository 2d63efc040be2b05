import { capitalise, describeError } from '../app/util';

/** What the last action of an admin section came to, shown under its form. */
export type Outcome = { text: string; error: boolean } | null;

export function OutcomeLine({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <div className={`alert${outcome.error ? '' : ' info'}`} role={outcome.error ? 'alert' : 'status'}>
      {outcome.text}
    </div>
  );
}

export const failed = (error: unknown): Outcome => ({ text: capitalise(describeError(error)), error: true });
