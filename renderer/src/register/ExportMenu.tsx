import { Button, Menu } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ListQuery } from "../../../shared/api/contract";
import { pacta } from "../api/client";
import { notifySuccess, useApiError } from "../app/use-api-error";
import { useFormat } from "../i18n/use-format";

export interface ExportMenuProps {
  /** The register's query as filtered now; the export takes every contract it selects */
  query: ListQuery;
}

type ExportFormat = "json" | "csv";

const MEDIA_TYPES: Record<ExportFormat, string> = {
  json: "application/json",
  csv: "text/csv;charset=utf-8",
};

/** Hands a file to the browser's (or Electron's) download. */
function download(fileName: string, content: string, format: ExportFormat): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([content], { type: MEDIA_TYPES[format] }));
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}

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
    download(r.value.fileName, r.value.content, kind);
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
