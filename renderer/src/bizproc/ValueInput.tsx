import { Checkbox, NumberInput, Select, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PortalUserOption } from "../../../shared/api/bizproc";

/** A value typed in a form built from the portal's definitions. */
export type FormValue = string | number | boolean | null;

export interface ValueInputProps {
  /** The portal's type: string, text, int, double, date, datetime, bool, select, user */
  type: string;
  /** The field's name, shown as its label */
  label: string;
  /** Help under the field */
  description?: string;
  required: boolean;
  /** For `select`: value → label */
  options: { value: string; label: string }[];
  /** For `user`: the portal's users */
  users: PortalUserOption[];
  value: FormValue;
  onChange: (value: FormValue) => void;
  /** Shown under the field when it is wrong */
  error?: string | null;
}

/** One input per portal type; users are sent as `user_N`, flags as booleans. */
export function ValueInput(props: ValueInputProps) {
  const { t } = useTranslation();
  const { type, label, description, required, value, onChange } = props;
  const common = { label, description, required, error: props.error ?? undefined };
  switch (type) {
    case "text":
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case "int":
    case "double":
      return (
        <NumberInput
          {...common}
          allowDecimal={type === "double"}
          decimalSeparator={type === "double" ? "," : undefined}
          value={typeof value === "number" ? value : ""}
          onChange={(v) => onChange(typeof v === "number" ? v : null)}
        />
      );
    case "date":
    case "datetime":
      return (
        <TextInput
          {...common}
          type={type === "date" ? "date" : "datetime-local"}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case "bool":
      return (
        <Checkbox
          label={label}
          description={description}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
      );
    case "select":
    case "user": {
      const data =
        type === "user"
          ? props.users.map((u) => ({ value: `user_${u.id}`, label: u.name }))
          : props.options;
      return (
        <Select
          {...common}
          data={data}
          searchable={type === "user"}
          placeholder={type === "user" ? t("bizproc.pickUser") : t("bizproc.pickOption")}
          value={typeof value === "string" && value !== "" ? value : null}
          onChange={(v) => onChange(v)}
          comboboxProps={{ withinPortal: true }}
        />
      );
    }
    default:
      return (
        <TextInput
          {...common}
          value={typeof value === "string" ? value : value === null ? "" : String(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}

/** Empty for the portal: nothing, an empty text, or an unticked box. */
export function isEmptyValue(value: FormValue | undefined): boolean {
  return (
    value === undefined || value === null || (typeof value === "string" && value.trim() === "")
  );
}
