import { Badge, Group, List, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DiffPart, TemplateComparison } from "../../../shared/api/templates";

export interface ComparisonViewProps {
  comparison: TemplateComparison;
}

const CHANGE_COLORS = {
  same: "gray",
  added: "teal",
  removed: "red",
  changed: "blue",
  moved: "violet",
} as const;

/** What changed between two versions: per section, the words added and removed. */
export function ComparisonView({ comparison }: ComparisonViewProps) {
  const { t } = useTranslation();
  const changed = comparison.sections.filter((s) => s.change !== "same");
  return (
    <Stack gap="md" data-testid="comparison">
      <Text size="sm" fw={600}>
        {t("templates.compareHeading", { from: comparison.from, to: comparison.to })}
      </Text>
      {changed.length === 0 && comparison.fieldChanges.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("templates.compareSame")}
        </Text>
      )}
      {comparison.fieldChanges.length > 0 && (
        <div>
          <Title order={3} size="h6">
            {t("templates.fieldChanges")}
          </Title>
          <List size="sm">
            {comparison.fieldChanges.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </div>
      )}
      {changed.map((s) => (
        <article key={s.id}>
          <Group gap="xs" mb={4}>
            <Title order={3} size="h6">
              {s.title}
            </Title>
            <Badge color={CHANGE_COLORS[s.change]} variant="light" tt="none">
              {t(`templates.changes.${s.change}`)}
            </Badge>
          </Group>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {s.diff.map((part, i) => (
              // Parts have no id; their order is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <DiffText key={i} part={part} />
            ))}
          </Text>
        </article>
      ))}
    </Stack>
  );
}

function DiffText({ part }: { part: DiffPart }) {
  const { t } = useTranslation();
  if (part.kind === "added") {
    return (
      <ins style={{ background: "var(--mantine-color-teal-light)" }}>
        <VisuallyHidden>{t("templates.addedPrefix")}</VisuallyHidden>
        {part.text}
      </ins>
    );
  }
  if (part.kind === "removed") {
    return (
      <del style={{ background: "var(--mantine-color-red-light)" }}>
        <VisuallyHidden>{t("templates.removedPrefix")}</VisuallyHidden>
        {part.text}
      </del>
    );
  }
  return <span>{part.text}</span>;
}
