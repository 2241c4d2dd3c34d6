import { Alert, Badge, Group, Loader, ScrollArea, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../shared/api/result";
import type { RenderResult } from "../../../shared/domain/templates";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { ReadOnlyBody } from "./ReadOnlyBody";

export interface TemplatePreviewProps {
  /** The last rendering main gave, or null before the first */
  preview: RenderResult | null;
  error: ApiError | null;
  /** A newer rendering is on its way */
  pending: boolean;
  /** The content has something to fix before it can be rendered */
  blocked: boolean;
}

/** The template rendered with sample data, as a contract generated from it would read. */
export function TemplatePreview({ preview, error, pending, blocked }: TemplatePreviewProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="template-preview">
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {t("templates.previewHint")}
        </Text>
        {pending && <Loader size="xs" aria-label={t("templates.previewUpdating")} />}
      </Group>
      {blocked && <Alert color="yellow">{t("templates.previewBlocked")}</Alert>}
      {error && <ApiErrorAlert error={error} />}
      {preview && preview.missing.length > 0 && (
        <Group gap={4}>
          <Text size="sm">{t("templates.previewMissing")}</Text>
          {preview.missing.map((key) => (
            <Badge key={key} color="orange" variant="light" tt="none">
              {key}
            </Badge>
          ))}
        </Group>
      )}
      {preview && (
        <ScrollArea.Autosize
          mah={600}
          type="auto"
          viewportProps={{ tabIndex: 0, role: "region", "aria-label": t("templates.preview") }}
        >
          <Stack gap="sm" pr="md">
            {preview.sections.map((s, i) => (
              // Rendered sections carry no id; their order is their identity here.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <article key={i}>
                <Title order={3} size="h5">
                  {s.title}
                </Title>
                <ReadOnlyBody html={s.body} />
              </article>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
