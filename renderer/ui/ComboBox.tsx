/**
 * A text field with a filtered list of choices, on React Aria's ComboBox, styled with the app's
 * classes: typing filters, ArrowDown opens the list, Enter picks, Escape closes; the list is a
 * proper listbox for screen readers. Options are plain data ({ id, label }); the value is an id.
 */
import { Button, ComboBox as AriaComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';

export interface ComboOption {
  id: string;
  /** Already translated. */
  label: string;
}

export interface ComboBoxProps {
  label: string;
  options: ComboOption[];
  /** The chosen option's id, or null. */
  value: string | null;
  onChange(id: string | null): void;
  /** Shown under the field. */
  hint?: string;
  /** Shown while nothing matches what was typed (already translated). */
  placeholder?: string;
  /** Lets typed text that matches no option stay in the field. */
  allowsCustomValue?: boolean;
  testId?: string;
  className?: string;
}

export function ComboBox({ label, options, value, onChange, hint, placeholder, allowsCustomValue = false, testId, className }: ComboBoxProps) {
  return (
    <AriaComboBox
      className={className ? `combobox ${className}` : 'combobox'}
      defaultItems={options}
      selectedKey={value}
      onSelectionChange={(key) => onChange(key === null ? null : String(key))}
      allowsCustomValue={allowsCustomValue}
      menuTrigger="focus"
      data-testid={testId}
    >
      <Label className="field-label">{label}</Label>
      <div className="combobox-box">
        <Input className="combobox-input" {...(placeholder ? { placeholder } : {})} />
        <Button className="combobox-button">{'▾'}</Button>
      </div>
      {hint ? (
        <Text slot="description" className="field-hint">
          {hint}
        </Text>
      ) : null}
      <Popover className="popover" offset={4}>
        <ListBox className="listbox">
          {(o: ComboOption) => (
            <ListBoxItem id={o.id} className="listbox-item" textValue={o.label}>
              {o.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaComboBox>
  );
}
