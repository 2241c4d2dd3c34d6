import { Alert, Button, Code, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ReviewFlag } from "../../../shared/domain/contract";
import { problemText } from "../import/problem-text";
import { useFieldLabel } from "./use-field-label";

export interface ReviewFlagsProps {
  /** What an import could not read */
  flags: readonly ReviewFlag[];
  /** Clears the flags once a person has checked the contract */
  onMarkReviewed: () => void;
  /** True while the mark is being saved */
  busy: boolean;
}

/** The contract's review flags: field, problem, the raw value and where it came from. */
export function ReviewFlags({ flags, onMarkReviewed, busy }: ReviewFlagsProps) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const none = t("app.none");
  return (
    <Alert
      color="orange"
      title={t("contract.flagsCount", { count: flags.length })}
      data-testid="review-flags"
    >
      <Stack gap="sm">
        <Text size="sm">{t("contract.reviewIntro")}</Text>
        <Table.ScrollContainer minWidth={600}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("contract.reviewField")}</Table.Th>
                <Table.Th>{t("contract.reviewMessage")}</Table.Th>
                <Table.Th>{t("contract.reviewRaw")}</Table.Th>
                <Table.Th>{t("contract.reviewRow")}</Table.Th>
                <Table.Th>{t("contract.reviewColumn")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {flags.map((flag) => (
                <Table.Tr
                  key={`${flag.field}-${flag.row ?? ""}-${flag.column ?? ""}-${flag.message}`}
                >
                  <Table.Td>{fieldLabel(flag.field)}</Table.Td>
                  <Table.Td>{problemText(flag.message, t)}</Table.Td>
                  <Table.Td>{flag.raw === null ? none : <Code>{flag.raw}</Code>}</Table.Td>
                  <Table.Td>{flag.row ?? none}</Table.Td>
                  <Table.Td>{flag.column ?? none}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <div>
          <Button onClick={onMarkReviewed} loading={busy}>
            {t("contract.markReviewed")}
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}
