import { type ReactNode, useState } from 'react';
import type { Member, PublicUser, Role } from '@bonfire/sdk';
import { FormDialog } from '../ui/FormDialog';

/** The name a member goes by here: nickname, display name, username. */
export function memberName(
  member: Pick<Member, 'nickname'> | undefined,
  user: PublicUser | undefined,
): string {
  return member?.nickname ?? user?.displayName ?? user?.username ?? 'Loading…';
}

/** A role colour (RGB integer) as #rrggbb; 0 means none and shows as the default text colour. */
export function colorHex(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}

export function hexToColor(hex: string): number {
  const parsed = Number.parseInt(hex.replace('#', ''), 16);
  return Number.isFinite(parsed) ? parsed & 0xffffff : 0;
}

export function RoleDot({ role }: { role: Pick<Role, 'color'> }) {
  return (
    <span
      className="role-dot"
      aria-hidden="true"
      style={{ background: role.color ? colorHex(role.color) : 'var(--text-muted)' }}
    />
  );
}

/** A line saying what happened, spoken by screen readers (status) or announced at once (alert). */
export function Outcome({ outcome }: { outcome: { text: string; error: boolean } | null }) {
  if (!outcome) return null;
  return (
    <div className={`alert${outcome.error ? '' : ' info'}`} role={outcome.error ? 'alert' : 'status'}>
      {outcome.text}
    </div>
  );
}

interface ConfirmDialogProps {
  title: string;
  /** What will happen, in words. */
  children: ReactNode;
  confirmLabel: string;
  /** When set, the person types this text before the button works (deleting a server). */
  typeToConfirm?: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** "Are you sure?" with the consequences spelled out; errors stay in the dialog. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  typeToConfirm,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  return (
    <FormDialog
      title={title}
      onClose={onClose}
      onSubmit={onConfirm}
      submitLabel={confirmLabel}
      canSubmit={typeToConfirm === undefined || typed.trim() === typeToConfirm}
    >
      <div className="confirm-text">{children}</div>
      {typeToConfirm !== undefined ? (
        <div className="field">
          <label htmlFor="confirm-typed">Type {typeToConfirm} to confirm</label>
          <input
            id="confirm-typed"
            value={typed}
            autoComplete="off"
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
      ) : null}
    </FormDialog>
  );
}
