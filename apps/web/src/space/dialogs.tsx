import { useState } from 'react';
import { Label, Radio, RadioGroup, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/result';
import { useNow } from '../ui/clock';
import { FormDialog } from '../ui/FormDialog';
import { type PostAction, useModerate, useMute, useReport } from './useSpace';

/** Report reasons offered; the chosen key (and any words added) is what the api stores. */
export const REPORT_REASONS = [
  'unkind',
  'unsafe',
  'misinformation',
  'spam',
  'private',
  'other',
] as const;
type ReportReason = (typeof REPORT_REASONS)[number];

/** A report reason in the reader's language: `unkind` or `unkind: what they added`. */
export function useReasonText() {
  const { t } = useTranslation('space');
  return (stored: string) => {
    const [key, ...rest] = stored.split(': ');
    const words = rest.join(': ');
    if (!(REPORT_REASONS as readonly string[]).includes(key ?? '')) return stored;
    const label = t(`reason_${key as ReportReason}`);
    return words ? `${label}: “${words}”` : label;
  };
}

/** Report a post: a reason and optional words; says the author will not learn who reported. */
export function ReportDialog({ postId, name }: { postId: string; name: string }) {
  const { t } = useTranslation('space');
  const report = useReport();
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [words, setWords] = useState('');
  const already = report.error instanceof ApiError && report.error.status === 409;
  const done = report.isSuccess || already;
  return (
    <FormDialog
      onOpenChange={(open) => open || (report.reset(), setReason(null), setWords(''))}
      className="link"
      ariaLabel={t('reportWhich', { name })}
      label={t('report')}
      title={t('reportTitle')}
      done={done && <p role="status">{already ? t('alreadyReported') : t('reported')}</p>}
      closeLabel={t('close')}
      error={already ? null : report.error}
      cancel={t('cancel')}
      submit={t('sendReport')}
      isPending={report.isPending}
      isDisabled={!reason}
      onSubmit={() => {
        if (!reason) return;
        const text = words.trim();
        report.mutate({ postId, reason: text ? `${reason}: ${text}` : reason });
      }}
    >
      <p>{t('reportLead')}</p>
      <RadioGroup
        className="choice"
        value={reason}
        onChange={(value) => setReason(value as ReportReason)}
        isRequired
      >
        <Label>{t('reasonLabel')}</Label>
        {REPORT_REASONS.map((key) => (
          <Radio key={key} value={key}>
            {t(`reason_${key}`)}
          </Radio>
        ))}
      </RadioGroup>
      <TextField className="field" value={words} onChange={setWords} maxLength={400}>
        <Label>{t('reportDetails')}</Label>
        <TextArea rows={3} />
      </TextField>
    </FormDialog>
  );
}

/** The reason a facilitator gives for the log (hiding a post, muting a member). */
function ReasonForLog(props: { value: string; onChange(value: string): void }) {
  const { t } = useTranslation('space');
  return (
    <TextField className="field" value={props.value} onChange={props.onChange} maxLength={500}>
      <Label>{t('reasonForLog')}</Label>
      <TextArea rows={2} />
    </TextField>
  );
}

/** A facilitator's action that asks for a reason first (hiding a post, keeping a reported one). */
export function ReasonDialog(props: {
  groupId: string;
  postId: string;
  action: PostAction;
  label: string;
  ariaLabel: string;
  title: string;
  lead: string;
  /** Hiding is drastic (the default); keeping a reported post is not. */
  danger?: boolean;
}) {
  const { t } = useTranslation('space');
  const moderate = useModerate(props.groupId);
  const [reason, setReason] = useState('');
  const danger = props.danger ?? true;
  return (
    <FormDialog
      onOpenChange={(open) => open || (moderate.reset(), setReason(''))}
      className={danger ? 'secondary danger' : 'secondary'}
      ariaLabel={props.ariaLabel}
      label={props.label}
      role={danger ? 'alertdialog' : 'dialog'}
      title={props.title}
      error={moderate.error}
      cancel={t('cancel')}
      submit={props.label}
      danger={danger}
      isPending={moderate.isPending}
      onSubmit={(_event, close) =>
        moderate.mutate(
          { postId: props.postId, action: props.action, reason },
          { onSuccess: close },
        )
      }
    >
      <p>{props.lead}</p>
      <ReasonForLog value={reason} onChange={setReason} />
    </FormDialog>
  );
}

const DAY_MS = 24 * 60 * 60_000;
type Span = 'day' | 'week' | 'custom';

/** `2027-03-02T18:30` in the device's zone, as a datetime-local field wants it. */
function localInput(ms: number): string {
  const at = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** Mute a member for 1 day, 1 week or until a chosen time, with a reason for the log. */
export function MuteDialog(props: { groupId: string; userId: string; name: string }) {
  const { t } = useTranslation('space');
  const mute = useMute(props.groupId);
  const now = useNow(60_000);
  const [span, setSpan] = useState<Span>('day');
  const [custom, setCustom] = useState(() => localInput(now + 3 * DAY_MS));
  const [reason, setReason] = useState('');
  const customMs = Date.parse(custom);
  const invalid = span === 'custom' && !(customMs > now);
  const until = span === 'day' ? now + DAY_MS : span === 'week' ? now + 7 * DAY_MS : customMs;
  return (
    <FormDialog
      onOpenChange={(open) => open || (mute.reset(), setReason(''))}
      className="secondary danger"
      ariaLabel={t('muteWhich', { name: props.name })}
      label={t('mute')}
      role="alertdialog"
      title={t('muteTitle', { name: props.name })}
      error={mute.error}
      cancel={t('cancel')}
      submit={t('muteConfirm')}
      danger
      isPending={mute.isPending}
      isDisabled={invalid}
      onSubmit={(_event, close) => {
        if (invalid) return;
        mute.mutate(
          { userId: props.userId, until: new Date(until).toISOString(), reason },
          { onSuccess: close },
        );
      }}
    >
      <p>{t('muteLead')}</p>
      <RadioGroup className="choice" value={span} onChange={(value) => setSpan(value as Span)}>
        <Label>{t('muteFor')}</Label>
        <Radio value="day">{t('mute_day')}</Radio>
        <Radio value="week">{t('mute_week')}</Radio>
        <Radio value="custom">{t('mute_custom')}</Radio>
      </RadioGroup>
      {span === 'custom' && (
        <div className="field">
          <label htmlFor="mute-until">{t('muteUntil')}</label>
          <input
            id="mute-until"
            type="datetime-local"
            value={custom}
            min={localInput(now)}
            aria-invalid={invalid}
            aria-describedby={invalid ? 'mute-until-problem' : undefined}
            onChange={(event) => setCustom(event.target.value)}
          />
          {invalid && (
            <p id="mute-until-problem" className="problem">
              {t('muteUntilInvalid')}
            </p>
          )}
        </div>
      )}
      <ReasonForLog value={reason} onChange={setReason} />
    </FormDialog>
  );
}
