import {
  FieldError,
  Input,
  Label,
  Text,
  TextField,
  type TextFieldProps,
} from 'react-aria-components';

/** A labelled text field with its help text and error, wired for screen readers. */
export function Field(props: TextFieldProps & { label: string; help?: string }) {
  const { label, help, ...rest } = props;
  return (
    <TextField className="field" {...rest}>
      <Label>{label}</Label>
      <Input />
      {help && <Text slot="description">{help}</Text>}
      <FieldError />
    </TextField>
  );
}
