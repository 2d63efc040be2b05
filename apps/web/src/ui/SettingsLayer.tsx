import { type ReactNode, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { Icon } from './Icon';
import { trapTab } from './focus-trap';

interface SettingsTab<Id extends string> {
  id: Id;
  label: string;
}

interface SettingsLayerProps<Id extends string> {
  /** "Server settings", "Channel settings". */
  title: string;
  /** What is being set up (the server or channel name), shown above the tabs. */
  subject: string;
  tabs: SettingsTab<Id>[];
  active: Id;
  onSelect: (tab: Id) => void;
  onClose: () => void;
  /** Extra items under the tabs (e.g. "Delete channel"). */
  footer?: ReactNode;
  children: ReactNode;
}

/**
 * A full-window modal with vertical tabs on the left and the chosen tab on the right (Discord's settings
 * layout). Focus moves in and comes back on close; Tab stays inside; Escape closes; arrow keys move
 * between tabs. Rendered into <body>, so it shows whatever the layout around its opener does.
 */
export function SettingsLayer<Id extends string>({
  title,
  subject,
  tabs,
  active,
  onSelect,
  onClose,
  footer,
  children,
}: SettingsLayerProps<Id>) {
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const tabIdPrefix = useId();

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
    return () => previous?.focus?.();
  }, []);

  // Escape closes from anywhere (focus may sit on <body> after a control it was on went away); a
  // dialog opened from a tab stops its own Escape before it gets here.
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (document.querySelector('.dialog-backdrop')) return;
      closeRef.current();
    };
    document.addEventListener('keydown', onEscape);
    return () => document.removeEventListener('keydown', onEscape);
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    // A dialog opened from a tab handles its own keys.
    const inner = (event.target as Element).closest('[role="dialog"]');
    if (inner && inner !== ref.current) return;
    trapTab(event, ref.current);
  };

  const onTabKey = (event: React.KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length]!;
    onSelect(next.id);
    document.getElementById(`${tabIdPrefix}-${next.id}`)?.focus();
  };

  return createPortal(
    <div
      ref={ref}
      className="settings-layer"
      role="dialog"
      aria-modal="true"
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
    >
      <nav className="settings-nav" aria-label={`${title} sections`}>
        <h2 id={headingId}>
          {title} <span className="subject">{subject}</span>
        </h2>
        <div role="tablist" aria-orientation="vertical" aria-label={title}>
          {tabs.map((tab, index) => (
            <button
              key={tab.id}
              id={`${tabIdPrefix}-${tab.id}`}
              role="tab"
              className="settings-tab"
              aria-selected={tab.id === active}
              aria-controls={`${tabIdPrefix}-panel`}
              tabIndex={tab.id === active ? 0 : -1}
              onClick={() => onSelect(tab.id)}
              onKeyDown={(event) => onTabKey(event, index)}
            >
              {tab.label}
            </button>
          ))}
        </div>
        {footer}
      </nav>
      <div
        className="settings-panel"
        role="tabpanel"
        id={`${tabIdPrefix}-panel`}
        aria-labelledby={`${tabIdPrefix}-${active}`}
      >
        {children}
      </div>
      <button
        className="icon-button settings-close"
        aria-label={`Close ${title.toLowerCase()}`}
        onClick={onClose}
      >
        <Icon name="close" />
      </button>
    </div>,
    document.body,
  );
}
