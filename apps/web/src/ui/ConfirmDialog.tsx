import type { ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import './dialog.css';
import { Problem } from './Problem';

/**
 * A button that asks before doing something that cannot be undone (remove, withdraw, end,
 * publish): an alert dialog with the consequence in plain words, a way back, and the action.
 * `onConfirm` gets `close`, so the caller closes at once or once the api has agreed.
 */
export function ConfirmDialog(props: {
  label: string;
  ariaLabel?: string;
  /** The trigger's classes; a destructive action is drawn in the danger colour. */
  className?: string;
  isDisabled?: boolean;
  title: string;
  children: ReactNode;
  cancel: string;
  confirm: string;
  danger?: boolean;
  isPending?: boolean;
  error?: unknown;
  onConfirm(close: () => void): void;
}) {
  const danger = props.danger ?? true;
  return (
    <DialogTrigger>
      <Button
        className={props.className ?? `secondary${danger ? ' danger' : ''}`}
        aria-label={props.ariaLabel}
        isDisabled={props.isDisabled}
      >
        {props.label}
      </Button>
      <ModalOverlay className="overlay" isDismissable>
        <Modal className="modal">
          <Dialog role="alertdialog">
            {({ close }) => (
              <>
                <Heading slot="title">{props.title}</Heading>
                {props.children}
                {props.error ? <Problem error={props.error} /> : null}
                <div className="actions">
                  <Button className="secondary" onPress={close}>
                    {props.cancel}
                  </Button>
                  <Button
                    className={`primary${danger ? ' danger' : ''}`}
                    isDisabled={props.isPending}
                    onPress={() => props.onConfirm(close)}
                  >
                    {props.confirm}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
