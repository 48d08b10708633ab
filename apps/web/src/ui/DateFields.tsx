import type { DateValue } from '@internationalized/date';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  Checkbox,
  type CheckboxProps,
  DateInput,
  DatePicker,
  type DatePickerProps,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  Label,
  Popover,
  Text,
  TimeField,
  type TimeFieldProps,
  type TimeValue,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import './date-fields.css';

/** A date (or date and time) typed by segments, with a calendar to pick from. */
export function DateTimeField<T extends DateValue>(
  props: DatePickerProps<T> & { label: string; help?: string },
) {
  const { t } = useTranslation();
  const { label, help, ...rest } = props;
  return (
    <DatePicker className="field" hourCycle={24} {...rest}>
      <Label>{label}</Label>
      <Group className="date-input">
        <DateInput className="segments">{(segment) => <DateSegment segment={segment} />}</DateInput>
        <Button className="calendar-button" aria-label={t('openCalendar')}>
          ▾
        </Button>
      </Group>
      {help && <Text slot="description">{help}</Text>}
      <FieldError />
      <Popover className="calendar-popover">
        <Dialog aria-label={t('calendar')}>
          <Calendar>
            <header className="calendar-head">
              <Button slot="previous" aria-label={t('calendarPrevious')}>
                ‹
              </Button>
              <Heading />
              <Button slot="next" aria-label={t('calendarNext')}>
                ›
              </Button>
            </header>
            <CalendarGrid>{(date) => <CalendarCell date={date} />}</CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </DatePicker>
  );
}

/** A wall-clock time, 24-hour, typed by segments. */
export function TimeInputField<T extends TimeValue>(
  props: TimeFieldProps<T> & { label: string; help?: string },
) {
  const { label, help, ...rest } = props;
  return (
    <TimeField className="field" hourCycle={24} {...rest}>
      <Label>{label}</Label>
      <DateInput className="segments date-input">
        {(segment) => <DateSegment segment={segment} />}
      </DateInput>
      {help && <Text slot="description">{help}</Text>}
      <FieldError />
    </TimeField>
  );
}

/** A checkbox with a visible box and its label beside it. */
export function CheckField(props: CheckboxProps & { label: string; help?: string }) {
  const { label, help, ...rest } = props;
  return (
    <Checkbox className="check" {...rest}>
      <span className="box" aria-hidden="true">
        <svg viewBox="0 0 18 18">
          <polyline points="3.5 9.5 7.5 13.5 14.5 5" />
        </svg>
      </span>
      <span>
        {label}
        {help && <span className="check-help">{help}</span>}
      </span>
    </Checkbox>
  );
}
