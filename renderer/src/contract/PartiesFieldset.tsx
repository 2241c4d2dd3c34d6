import { Button, Checkbox, Fieldset, Group, Stack, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { type ContractFormValues, emptyParty } from "./form-values";

export interface PartiesFieldsetProps {
  /** The contract form whose `parties` list this edits */
  form: UseFormReturnType<ContractFormValues>;
}

/** The contract's parties as an editable list: name, role, signatory, email, our side. */
export function PartiesFieldset({ form }: PartiesFieldsetProps) {
  const { t } = useTranslation();
  const parties = form.values.parties;
  return (
    <Fieldset legend={t("fields.parties")}>
      <Stack gap="md">
        {parties.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("form.noParties")}
          </Text>
        )}
        {parties.map((party, index) => {
          const number = index + 1;
          return (
            <Fieldset
              key={party.key}
              legend={t("form.partyLegend", { number })}
              variant="filled"
              data-testid={`party-${index}`}
            >
              <Group align="flex-start" gap="sm" grow>
                <TextInput
                  label={t("form.partyName")}
                  withAsterisk
                  {...form.getInputProps(`parties.${index}.name`)}
                />
                <TextInput
                  label={t("form.partyRole")}
                  {...form.getInputProps(`parties.${index}.role`)}
                />
                <TextInput
                  label={t("form.partySignatory")}
                  {...form.getInputProps(`parties.${index}.signatory`)}
                />
                <TextInput
                  label={t("form.partyEmail")}
                  type="email"
                  {...form.getInputProps(`parties.${index}.email`)}
                />
              </Group>
              <Group justify="space-between" mt="sm">
                <Checkbox
                  label={t("form.partyInternal")}
                  {...form.getInputProps(`parties.${index}.internal`, { type: "checkbox" })}
                />
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  onClick={() => form.removeListItem("parties", index)}
                >
                  {t("form.removeParty", { number })}
                </Button>
              </Group>
            </Fieldset>
          );
        })}
        {form.errors.parties && (
          <Text size="sm" c="red.9">
            {form.errors.parties}
          </Text>
        )}
        <Group>
          <Button variant="light" onClick={() => form.insertListItem("parties", emptyParty())}>
            {t("form.addParty")}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
