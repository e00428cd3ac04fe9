import { useEffect, useRef, type ReactNode } from 'react';

/** A modal dialog (the browser's own: focus stays inside, Escape closes it), titled for screen readers. */
export function Dialog({ title, open, onClose, children, wide }: {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) {
      return;
    }
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') {
        dialog.showModal();
      } else {
        dialog.setAttribute('open', '');
      }
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  const titleId = `dialog-${title.replace(/[^a-zA-Z0-9]+/g, '-')}`;
  return (
    <dialog ref={ref} className={wide ? 'dialog wide' : 'dialog'} aria-labelledby={titleId} onClose={onClose}>
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="close" onClick={onClose} aria-label="Close">×</button>
      </div>
      {open && <div className="dialog-body">{children}</div>}
    </dialog>
  );
}
