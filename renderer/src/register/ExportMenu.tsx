import { Button, Menu } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ListQuery } from "../../../shared/api/contract";
import { pacta } from "../api/client";
import { downloadFile, MEDIA_TYPES } from "../app/download";
import { notifySuccess, useApiError } from "../app/use-api-error";
import { useFormat } from "../i18n/use-format";

export interface ExportMenuProps {
  /** The register's query as filtered now; the export takes every contract it selects */
  query: ListQuery;
}

type ExportFormat = "json" | "csv";

/** Exports the contracts the search and filters select, as JSON or CSV. */
export function ExportMenu({ query }: ExportMenuProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);

  const run = async (kind: ExportFormat) => {
    setBusy(true);
    const r = await pacta.contracts.export({ format: kind, query });
    setBusy(false);
    if (!r.ok) {
      showError(r.error);
      return;
    }
    downloadFile(r.value.fileName, r.value.content, MEDIA_TYPES[kind]);
    notifySuccess(
      t("register.exported", { count: r.value.count, formattedCount: format.count(r.value.count) }),
    );
  };

  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" size="compact-sm" loading={busy}>
          {t("register.export")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void run("csv")}>{t("register.exportCsv")}</Menu.Item>
        <Menu.Item onClick={() => void run("json")}>{t("register.exportJson")}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
