/**
 * The app's modal dialog, on React Aria's Modal + Dialog: Tab and Shift+Tab stay inside it, Escape
 * or a click on the backdrop closes it, focus comes back to where it was when it closes, and screen
 * readers hear it as a dialog named by its title. On opening, focus goes to the first field (or the
 * first button that is not marked `data-close`, so Cancel is never the default).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** The buttons row under the body. */
  footer?: ReactNode;
  wide?: boolean;
  testId?: string;
}

/** Puts focus on the dialog's first field once it is on screen. */
function FocusFirstField({ within }: { within: React.RefObject<HTMLDivElement | null> }) {
  useEffect(() => {
    // A field in the body first; else the first button of the whole dialog (footer included) that is not Cancel.
    const box = within.current;
    const first = box?.querySelector<HTMLElement>('input, select, textarea') ?? box?.closest('.dialog')?.querySelector<HTMLElement>('button:not([data-close])');
    first?.focus();
  }, [within]);
  return null;
}

export function Dialog({ title, onClose, children, footer, wide = false, testId }: DialogProps) {
  const body = useRef<HTMLDivElement>(null);
  return (
    <ModalOverlay
      className="modal-backdrop"
      isOpen
      isDismissable
      onOpenChange={(open) => (open ? undefined : onClose())}
    >
      <Modal className={wide ? 'modal modal-wide' : 'modal'}>
        <AriaDialog className="dialog" data-testid={testId}>
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          <div className="dialog-body" ref={body}>
            {children}
          </div>
          {footer ? <div className="dialog-footer">{footer}</div> : null}
          <FocusFirstField within={body} />
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
