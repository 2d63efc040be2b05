import { useEffect, useState } from 'react';
import { Icon } from './Icon';
import { IconButton } from './IconButton';

interface Toast {
  id: number;
  text: string;
  kind: 'error' | 'info';
}

let nextId = 1;
const listeners = new Set<(toasts: Toast[]) => void>();
let toasts: Toast[] = [];

function publish(next: Toast[]): void {
  toasts = next;
  for (const listener of listeners) listener(toasts);
}

/** Shows a message to the person (errors stay until dismissed or 8 s pass). */
export function notify(text: string, kind: Toast['kind'] = 'error'): void {
  const toast = { id: nextId++, text, kind };
  publish([...toasts.slice(-3), toast]);
  setTimeout(() => dismiss(toast.id), kind === 'error' ? 8000 : 4000);
}

function dismiss(id: number): void {
  publish(toasts.filter((toast) => toast.id !== id));
}

/** The live region where notifications appear; screen readers announce them. */
export function Toasts() {
  const [current, setCurrent] = useState(toasts);
  useEffect(() => {
    listeners.add(setCurrent);
    return () => {
      listeners.delete(setCurrent);
    };
  }, []);
  return (
    <div className="toasts" role="region" aria-label="Notifications">
      <div aria-live="assertive" role="alert">
        {current
          .filter((toast) => toast.kind === 'error')
          .map((toast) => (
            <div key={toast.id} className="toast">
              <p>{toast.text}</p>
              <IconButton label="Dismiss notification" onClick={() => dismiss(toast.id)}>
                <Icon name="close" size={16} />
              </IconButton>
            </div>
          ))}
      </div>
      <div aria-live="polite" role="status">
        {current
          .filter((toast) => toast.kind === 'info')
          .map((toast) => (
            <div key={toast.id} className="toast info">
              <p>{toast.text}</p>
              <IconButton label="Dismiss notification" onClick={() => dismiss(toast.id)}>
                <Icon name="close" size={16} />
              </IconButton>
            </div>
          ))}
      </div>
    </div>
  );
}
