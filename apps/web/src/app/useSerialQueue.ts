import { useCallback, useRef, useState } from 'react';

/**
 * Runs async jobs one after the other (a click while the previous one is being saved waits its turn,
 * and reads the state the previous one left), and says whether any is still running. Controls stay
 * enabled meanwhile, so focus never falls out of them.
 */
export function useSerialQueue(): { enqueue: (job: () => Promise<void>) => Promise<void>; running: boolean } {
  const tail = useRef<Promise<void>>(Promise.resolve());
  const count = useRef(0);
  const [running, setRunning] = useState(false);
  const enqueue = useCallback((job: () => Promise<void>) => {
    count.current += 1;
    setRunning(true);
    const next = tail.current.then(job).finally(() => {
      count.current -= 1;
      if (count.current === 0) setRunning(false);
    });
    tail.current = next.catch(() => undefined);
    return next;
  }, []);
  return { enqueue, running };
}
