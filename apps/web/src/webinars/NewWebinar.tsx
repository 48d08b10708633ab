import './webinars.css';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Checkbox,
  Form,
  Group,
  Input,
  Label,
  NumberField,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import { type CalendarDate, Time, today } from '@internationalized/date';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { ApiError, ok } from '../api/result';
import { useOrganization } from '../org/useOrganization';
import { useTimeZone } from '../profile/useProfile';
import { DateTimeField, TimeInputField } from '../ui/DateFields';
import { Field } from '../ui/Field';
import { wallTimeToIso } from './wall-time';
import * as keys from '../ui/queryKeys';

const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** `/webinars/new`: title, description, start in the person's own zone, length, seats, Q&A. */
export default function NewWebinar() {
  const { t } = useTranslation('webinars');
  const organization = useOrganization();
  const timeZone = useTimeZone() ?? deviceZone();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [date, setDate] = useState<CalendarDate | null>(() => today(timeZone).add({ days: 1 }));
  const [time, setTime] = useState<Time | null>(() => new Time(18, 0));
  const [duration, setDuration] = useState(60);
  const [capacity, setCapacity] = useState(100);
  const [moderation, setModeration] = useState(true);

  const create = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/organizations/{orgId}/webinars', {
          params: { path: { orgId: organization!.organizationId } },
          body: {
            title: title.trim(),
            description: description.trim(),
            // The form submits only with both filled in (isRequired).
            startsAt: wallTimeToIso(date!, time!, timeZone),
            durationMinutes: duration,
            timezone: timeZone,
            capacity,
            qaModeration: moderation,
          },
        }),
      ),
    onSuccess: (created) => {
      void client.invalidateQueries({
        queryKey: keys.organizations.webinars(organization!.organizationId),
      });
      void navigate(`/webinars/${created.id}/host`);
    },
  });
  if (!organization) return <p>{t('staffOnly')}</p>;
  const problem =
    create.error instanceof ApiError && create.error.status === 400
      ? t('checkFields')
      : create.error && t('createFailed');
  return (
    <section className="card" aria-labelledby="new-title">
      <h1 id="new-title">{t('newTitle')}</h1>
      <Form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Field label={t('title')} isRequired maxLength={200} value={title} onChange={setTitle} />
        <TextField
          className="field"
          maxLength={10_000}
          value={description}
          onChange={setDescription}
        >
          <Label>{t('description')}</Label>
          <TextArea rows={4} />
        </TextField>
        <fieldset className="when-fields">
          <legend>{t('startsAt')}</legend>
          <p className="hint">{t('inYourZone', { zone: timeZone })}</p>
          <DateTimeField label={t('date')} value={date} onChange={setDate} isRequired />
          <TimeInputField label={t('time')} value={time} onChange={setTime} isRequired />
        </fieldset>
        <NumberField
          className="field"
          minValue={15}
          maxValue={600}
          step={5}
          isRequired
          value={duration}
          onChange={setDuration}
        >
          <Label>{t('durationLabel')}</Label>
          <Group>
            <Input />
          </Group>
        </NumberField>
        <NumberField
          className="field"
          minValue={1}
          maxValue={100_000}
          isRequired
          value={capacity}
          onChange={setCapacity}
        >
          <Label>{t('capacity')}</Label>
          <Group>
            <Input />
          </Group>
          <Text slot="description">{t('capacityHelp')}</Text>
        </NumberField>
        <Checkbox className="checkbox" isSelected={moderation} onChange={setModeration}>
          <span className="box" aria-hidden="true" />
          {t('moderation')}
        </Checkbox>
        {problem && (
          <p role="alert" className="problem">
            {problem}
          </p>
        )}
        <Button type="submit" className="primary" isDisabled={create.isPending}>
          {t('create')}
        </Button>
      </Form>
    </section>
  );
}
