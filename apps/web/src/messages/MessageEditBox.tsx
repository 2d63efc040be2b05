interface MessageEditBoxProps {
  messageId: string;
  draft: string;
  onDraftChange: (draft: string) => void;
  onSave: () => void;
  onCancel: () => void;
}

/** Editing a message in place: Enter saves, Shift+Enter adds a line, Escape cancels. */
export function MessageEditBox({ messageId, draft, onDraftChange, onSave, onCancel }: MessageEditBoxProps) {
  return (
    <div className="edit-box">
      <label className="visually-hidden" htmlFor={`edit-${messageId}`}>
        Edit message
      </label>
      <textarea
        id={`edit-${messageId}`}
        value={draft}
        autoFocus
        onChange={(event) => onDraftChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            onSave();
          }
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      <div className="hint">Enter to save · Escape to cancel</div>
    </div>
  );
}
