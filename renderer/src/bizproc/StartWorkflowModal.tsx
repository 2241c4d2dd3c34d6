import { Button, Group, Modal, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PortalUserOption, WorkflowTemplateView } from "../../../shared/api/bizproc";
import { pacta } from "../api/client";
import { notifySuccess, useApiError } from "../app/use-api-error";
import { type FormValue, isEmptyValue, ValueInput } from "./ValueInput";

export interface StartWorkflowModalProps {
  /** The contract the workflow runs on */
  contractId: number;
  /** The template to start; null keeps the dialog closed */
  template: WorkflowTemplateView | null;
  /** The portal's users, for user parameters */
  users: PortalUserOption[];
  onClose: () => void;
  /** Called after the portal started it */
  onStarted: () => void;
}

function initialValues(template: WorkflowTemplateView | null): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  for (const p of template?.parameters ?? []) {
    if (p.type === "bool") out[p.key] = p.default === "Y" || p.default === "1";
    else if (p.default !== null && (p.type === "int" || p.type === "double")) {
      out[p.key] = Number(p.default);
    } else out[p.key] = p.default;
  }
  return out;
}

/** The template's parameters asked in a form built from their definitions, then the start. */
export function StartWorkflowModal(props: StartWorkflowModalProps) {
  const { template } = props;
  return (
    <Modal
      opened={template !== null}
      onClose={props.onClose}
      title={template ? <StartTitle name={template.name} /> : null}
      size="lg"
    >
      {template && <StartForm key={template.id} {...props} template={template} />}
    </Modal>
  );
}

function StartTitle({ name }: { name: string }) {
  const { t } = useTranslation();
  return <>{t("bizproc.startTitle", { name })}</>;
}

function StartForm(props: StartWorkflowModalProps & { template: WorkflowTemplateView }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const { template } = props;
  const [values, setValues] = useState(() => initialValues(template));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const found: Record<string, string> = {};
    for (const p of template.parameters) {
      if (p.required && p.type !== "bool" && isEmptyValue(values[p.key])) {
        found[p.key] = t("bizproc.fieldRequired");
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const parameters: Record<string, string | number | boolean | null> = {};
    for (const p of template.parameters) {
      const v = values[p.key];
      if (!isEmptyValue(v)) parameters[p.key] = v ?? null;
    }
    setBusy(true);
    const r = await pacta.bizproc.start({
      contractId: props.contractId,
      templateId: template.id,
      parameters,
    });
    setBusy(false);
    if (!r.ok) return showError(r.error);
    notifySuccess(t("bizproc.started"));
    props.onStarted();
    props.onClose();
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        {template.parameters.map((p) => (
          <ValueInput
            key={p.key}
            type={p.type}
            label={p.name}
            description={p.description || undefined}
            required={p.required}
            options={p.options}
            users={props.users}
            value={values[p.key] ?? null}
            error={errors[p.key]}
            onChange={(v) => setValues((all) => ({ ...all, [p.key]: v }))}
          />
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t("app.cancel")}
          </Button>
          <Button type="submit" loading={busy}>
            {t("bizproc.startSubmit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
