import {
  useChat,
  useLocalParticipant,
  useLocalParticipantPermissions,
  useRoomInfo,
} from '@livekit/components-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Button, Input, Label, Switch, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ok } from '../api/result';
import { useErrorText } from '../ui/errors';
import './chat.css';

/** What the room needs to offer its chat: the session, the switch at join, who the person is. */
export interface ChatSettings {
  sessionId: string;
  /** Whether chat was on when the person joined (the join answer). */
  enabled: boolean;
  facilitator: boolean;
}

/** The room metadata's `chat`, when the facilitator has switched it since the room opened. */
function chatInMetadata(metadata: string | undefined): boolean | undefined {
  if (!metadata) return undefined;
  try {
    const parsed = JSON.parse(metadata) as unknown;
    const chat = (parsed as { chat?: unknown } | null)?.chat;
    return typeof chat === 'boolean' ? chat : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The room's chat: LiveKit data messages on its standard chat topic (`useChat`), which pass
 * through the LiveKit server only; Hearth never sees or keeps them, and a page reload loses them.
 * Whether it is on comes from the join answer, then from the room metadata the facilitator's
 * switch updates live. `children` renders the stage with the chat's toggle among its controls.
 */
export function RoomChat({
  settings,
  children,
}: {
  settings: ChatSettings;
  children(toggle: ReactNode): ReactNode;
}) {
  const { t } = useTranslation('room');
  const { chatMessages, send, isSending } = useChat();
  const { localParticipant } = useLocalParticipant();
  const permissions = useLocalParticipantPermissions();
  const fromMetadata = chatInMetadata(useRoomInfo().metadata);
  const [enabled, setEnabled] = useState(settings.enabled);
  useEffect(() => {
    if (fromMetadata !== undefined) setEnabled(fromMetadata);
  }, [fromMetadata]);
  // Participants also lose the composer the moment the server takes their permission away.
  const canWrite = enabled && (settings.facilitator || permissions?.canPublishData !== false);

  const [open, setOpen] = useState(false);
  const [seen, setSeen] = useState(0);
  const fromOthers = chatMessages.filter(
    (message) => message.from?.identity !== localParticipant.identity,
  ).length;
  useEffect(() => {
    if (open) setSeen(fromOthers);
  }, [open, fromOthers]);
  const unread = open ? 0 : fromOthers - seen;

  const toggleRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };

  const toggle = (
    <Button
      ref={toggleRef}
      className="lk-button chat-toggle"
      aria-expanded={open}
      aria-controls="room-chat"
      onPress={() => (open ? close() : setOpen(true))}
    >
      {t('chat')}
      {unread > 0 && ' '}
      {unread > 0 && (
        <span className="chat-badge">
          <span aria-hidden="true">{unread}</span>
          <span className="sr-only">{t('unread', { count: unread })}</span>
        </span>
      )}
    </Button>
  );

  return (
    <div className={open ? 'room-layout chat-open' : 'room-layout'}>
      <div className="room-main">{children(toggle)}</div>
      {open && (
        <ChatPanel settings={settings} enabled={enabled} onSwitched={setEnabled} onClose={close}>
          <div role="log" aria-label={t('chatTitle')} className="chat-log">
            <ol className="chat-messages">
              {chatMessages.map((message) => {
                const own = message.from?.identity === localParticipant.identity;
                return (
                  <li
                    key={`${message.from?.identity ?? ''}:${message.id}`}
                    className={own ? 'own' : undefined}
                  >
                    {/* The LiveKit name is the person's alias, set by Hearth in their token. */}
                    <span className="chat-sender">
                      {own ? t('you') : message.from?.name || t('someone')}
                    </span>
                    <span className="chat-text">{message.message}</span>
                  </li>
                );
              })}
            </ol>
          </div>
          {chatMessages.length === 0 && <p className="chat-empty">{t('noMessages')}</p>}
          {canWrite && <Composer send={send} isSending={isSending} />}
        </ChatPanel>
      )}
    </div>
  );
}

function ChatPanel({
  settings,
  enabled,
  onSwitched,
  onClose,
  children,
}: {
  settings: ChatSettings;
  enabled: boolean;
  onSwitched(enabled: boolean): void;
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation('room');
  const errorText = useErrorText();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening moves focus into the panel (it covers the room on a phone); Escape closes it.
  useEffect(() => heading.current?.focus(), []);
  const sessionId = settings.sessionId;
  const change = useMutation({
    mutationFn: (on: boolean) =>
      ok(
        api.PUT('/api/v1/sessions/{sessionId}/chat', {
          params: { path: { sessionId } },
          body: { enabled: on },
        }),
      ),
    onSuccess: (answer) => onSwitched(answer.enabled),
  });
  return (
    <aside
      id="room-chat"
      className="chat-panel"
      aria-labelledby="room-chat-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="chat-head">
        <h2 id="room-chat-title" ref={heading} tabIndex={-1}>
          {t('chatTitle')}
        </h2>
        <Button className="lk-button" onPress={onClose}>
          {t('closeChat')}
        </Button>
      </div>
      <p className="chat-note">{t('notSaved')}</p>
      {settings.facilitator && (
        <div className="chat-switch">
          <Switch
            isSelected={enabled}
            isDisabled={change.isPending}
            onChange={(on) => change.mutate(on)}
          >
            <div className="indicator" /> {t('allowChat')}
          </Switch>
          {change.isError && <p role="alert">{errorText(change.error)}</p>}
        </div>
      )}
      <p role="status" className={enabled ? 'chat-state' : 'chat-state notice'}>
        {enabled
          ? settings.facilitator
            ? t('chatOnFacilitator')
            : ''
          : settings.facilitator
            ? t('chatOffFacilitator')
            : t('chatOff')}
      </p>
      {children}
    </aside>
  );
}

function Composer({
  send,
  isSending,
}: {
  send(message: string): Promise<unknown>;
  isSending: boolean;
}) {
  const { t } = useTranslation('room');
  const [text, setText] = useState('');
  const [failed, setFailed] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const message = text.trim();
    if (!message || isSending) return;
    try {
      await send(message);
      setText('');
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  return (
    <form className="chat-composer" onSubmit={(event) => void submit(event)}>
      <TextField value={text} onChange={setText} maxLength={1000} className="chat-field">
        <Label>{t('message')}</Label>
        <Input autoComplete="off" />
      </TextField>
      <Button type="submit" className="lk-button chat-send" isDisabled={isSending}>
        {t('send')}
      </Button>
      {failed && <p role="alert">{t('sendFailed')}</p>}
    </form>
  );
}
