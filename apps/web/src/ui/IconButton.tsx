import type { MouseEventHandler, ReactNode, Ref } from 'react';

interface IconButtonProps {
  /** The button's accessible name; also its tooltip unless `title` says otherwise. */
  label: string;
  /** A tooltip that differs from the accessible name (e.g. shorter, or why the button is unavailable). */
  title?: string;
  onClick?: MouseEventHandler<HTMLButtonElement>;
  /** Renders `aria-pressed` for toggle buttons; leave undefined for plain buttons. */
  pressed?: boolean;
  expanded?: boolean;
  hasPopup?: 'menu' | 'dialog';
  disabled?: boolean;
  /** Extra classes, added to `icon-button`. */
  className?: string;
  type?: 'button' | 'submit' | 'reset';
  ref?: Ref<HTMLButtonElement>;
  /** The icon. */
  children: ReactNode;
}

/** A square button that shows only an icon: always named for screen readers and given a tooltip. */
export function IconButton({
  label,
  title = label,
  onClick,
  pressed,
  expanded,
  hasPopup,
  disabled,
  className,
  type = 'button',
  ref,
  children,
}: IconButtonProps) {
  return (
    <button
      ref={ref}
      type={type}
      className={className ? `icon-button ${className}` : 'icon-button'}
      aria-label={label}
      title={title}
      aria-pressed={pressed}
      aria-expanded={expanded}
      aria-haspopup={hasPopup}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
