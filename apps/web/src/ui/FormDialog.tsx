import type { FormEvent, ReactNode } from 'react';
import {
  Button,
  Dialog,
  DialogTrigger,
  Form,
  Heading,
  Modal,
  ModalOverlay,
} from 'react-aria-components';
import './dialog.css';
import { Problem } from './Problem';

/**
 * A button that opens a small form in a dialog (a reason, a message, a new time): the title, the
 * fields, what the api said if it refused, a way back and the submit button (disabled while the
 * api works). `onSubmit` gets the event (its default already prevented) and `close`, so the
 * caller closes once the api has agreed. `done`, once given, stands instead of the form with
 * only a button that closes (`closeLabel`).
 */
export function FormDialog(props: {
  label: ReactNode;
  ariaLabel?: string;
  /** The trigger's classes; `secondary` unless told. */
  className?: string;
  /** `alertdialog` for an action with consequences (hiding a post, cancelling a session). */
  role?: 'dialog' | 'alertdialog';
  onOpenChange?(open: boolean): void;
  title: ReactNode;
  children: ReactNode;
  error?: unknown;
  cancel: string;
  submit: string;
  danger?: boolean;
  isPending?: boolean;
  /** The submit button is also disabled while this is true (a choice still to make). */
  isDisabled?: boolean;
  onSubmit(event: FormEvent<HTMLFormElement>, close: () => void): void;
  done?: ReactNode;
  closeLabel?: string;
}) {
  return (
    <DialogTrigger onOpenChange={props.onOpenChange}>
      <Button className={props.className ?? 'secondary'} aria-label={props.ariaLabel}>
        {props.label}
      </Button>
      <ModalOverlay className="overlay" isDismissable>
        <Modal className="modal">
          <Dialog role={props.role}>
            {({ close }) => (
              <>
                <Heading slot="title">{props.title}</Heading>
                {props.done ? (
                  <>
                    {props.done}
                    <div className="actions">
                      <Button className="primary" onPress={close}>
                        {props.closeLabel}
                      </Button>
                    </div>
                  </>
                ) : (
                  <Form
                    onSubmit={(event) => {
                      event.preventDefault();
                      props.onSubmit(event, close);
                    }}
                  >
                    {props.children}
                    {props.error ? <Problem error={props.error} /> : null}
                    <div className="actions">
                      <Button className="secondary" onPress={close}>
                        {props.cancel}
                      </Button>
                      <Button
                        type="submit"
                        className={`primary${props.danger ? ' danger' : ''}`}
                        isDisabled={props.isPending || props.isDisabled}
                      >
                        {props.submit}
                      </Button>
                    </div>
                  </Form>
                )}
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
